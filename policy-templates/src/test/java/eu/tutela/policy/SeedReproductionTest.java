package eu.tutela.policy;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Reproduced" means: rendering the template with the seed's values, in French, states every
 * commitment the seed makes. Each line below is one commitment of the seed (shared/seeds/…) and the
 * words that must appear in the rendered policy for it. Read them as the list of what the seed promises.
 */
class SeedReproductionTest {

    record Expectation(String commitment, String... phrases) {
    }

    /** Seed 000: Heluximora, an online-learning platform (template online-learning). */
    static final List<Expectation> HELUXIMORA = List.of(
            new Expectation("data provided: full name, e-mail, password", "nom complet", "adresse électronique", "mot de passe"),
            new Expectation("optional profile: photo, biography, goals, interests", "photo", "biographie", "objectifs d’apprentissage", "domaines d’intérêt"),
            new Expectation("automatic: course progress", "modules complétés", "quiz réussis", "temps passé sur chaque leçon"),
            new Expectation("automatic: device and IP", "adresse IP", "type de navigateur", "système d’exploitation", "paramètres de langue"),
            new Expectation("automatic: interactions", "vidéos visionnées", "documents téléchargés", "forums"),
            new Expectation("automatic: cookies, can be disabled in the browser", "cookies", "préférences d’affichage", "paramètres de votre navigateur"),
            new Expectation("purpose: account, course access, progress", "Gérer votre compte", "suivre votre progression"),
            new Expectation("purpose: personalised recommendations", "Personnaliser votre apprentissage", "ressources ou des exercices complémentaires"),
            new Expectation("purpose: communication about updates, notifications", "mises à jour de cours", "nouvelles fonctionnalités", "encouragements"),
            new Expectation("purpose: improvement on aggregated anonymised data", "Améliorer continuellement la plateforme", "agrégées et anonymisées"),
            new Expectation("purpose: fraud prevention and security", "Prévenir la fraude", "activités suspectes"),
            new Expectation("purpose: legal obligations", "obligations légales et réglementaires", "autorités compétentes"),
            new Expectation("never sells personal data", "ne vendons jamais vos données"),
            new Expectation("third parties: hosting", "Hébergement"),
            new Expectation("third parties: payment, never full card numbers", "Paiement", "numéros de carte bancaire complets"),
            new Expectation("third parties: communication tools", "Communication", "historique de vos échanges"),
            new Expectation("third parties: analytics", "Mesure d’audience", "pages visitées"),
            new Expectation("third parties contractually bound", "contrat conforme à l’article 28"),
            new Expectation("partner institutions: certification sharing", "certifications ou des crédits académiques"),
            new Expectation("security: encryption in transit, hashed passwords", "Chiffrement", "transmission", "hachés"),
            new Expectation("security: end-to-end encryption", "Chiffrement de bout en bout"),
            new Expectation("security: strict access control", "Contrôle d’accès strict"),
            new Expectation("security: audits and penetration tests", "Audits de sécurité réguliers et tests d’intrusion"),
            new Expectation("security: minimisation, deletion of obsolete data", "Minimisation"),
            new Expectation("breach: people informed", "violation de données", "nous vous informons"),
            new Expectation("rights: access, rectification, erasure, portability, objection", "Droit d’accès", "Droit de rectification",
                    "Droit à l’effacement", "droit à l’oubli", "Droit à la portabilité", "Droit d’opposition"),
            new Expectation("rights via the user dashboard", "tableau de bord"),
            new Expectation("minors: parental consent before account creation", "consentement d’un parent ou d’un tuteur légal avant de créer un compte"),
            new Expectation("minors: age of digital consent in France", "15 ans"),
            new Expectation("updates: substantial changes by e-mail or notice", "modification substantielle", "par e-mail et par une notification visible"),
            new Expectation("updates: minor changes update the revision date", "modifications mineures", "date de révision"),
            new Expectation("contact channels: e-mail and in-app", "e-mail ou messagerie de la plateforme", "support@heluximora.example"),
            new Expectation("identity check before handling requests", "vérifier votre identité"));

    /** Seed 004: HEMI, an engineering school (template higher-education). */
    static final List<Expectation> HEMI = List.of(
            new Expectation("people concerned", "étudiants, parents, enseignants, personnels administratifs, partenaires et prestataires"),
            new Expectation("data: institution name, registration number, legal representative", "nom de l’établissement", "numéro d’enregistrement", "représentant légal"),
            new Expectation("data: people's name, address, contacts, login", "nom, adresse, coordonnées, identifiants de connexion"),
            new Expectation("data: transactions and interactions", "transactions ou interactions numériques"),
            new Expectation("data: questions, tests, assignments, support", "questions, tests, travaux, demandes de support"),
            new Expectation("data: technical assistance", "assistance technique"),
            new Expectation("only strictly necessary data; users provide accurate data", "strictement nécessaires", "données exactes"),
            new Expectation("automatic: device type, unique identifier, IP", "type d’appareil", "identifiant unique", "adresse IP"),
            new Expectation("automatic: OS and browser", "système d’exploitation", "type de navigateur"),
            new Expectation("automatic: date, time and duration of access", "date, heure et durée des accès"),
            new Expectation("automatic: approximate location if allowed", "localisation approximative", "autorisée"),
            new Expectation("purposes: personalise, improve, quality/security/performance", "personnaliser votre expérience", "Améliorer continuellement nos plateformes", "qualité, la sécurité et la performance"),
            new Expectation("contact purposes", "informations importantes sur votre compte", "problèmes techniques", "conditions d’utilisation", "notifications administratives ou académiques"),
            new Expectation("fraud prevention, disputes, security", "Prévenir les activités frauduleuses", "résoudre les litiges"),
            new Expectation("marketing only with consent", "institutionnelles", "annonces académiques", "offres de formations", "votre consentement"),
            new Expectation("retention as long as needed, then deletion", "obligations légales", "prévenir la fraude", "résoudre un litige", "supprimées"),
            new Expectation("third parties: hosting and maintenance under confidentiality", "Hébergement", "Maintenance informatique", "accord de confidentialité"),
            new Expectation("no sharing for marketing without explicit consent", "sans votre consentement explicite"),
            new Expectation("disclosure per law and for integrity and security", "lorsque la loi l’exige", "intégrité et la sécurité"),
            new Expectation("transfers where providers are based, equivalent framework", "hors de l’Espace économique européen", "protection équivalente"),
            new Expectation("security: physical, electronic, internal procedures", "Sécurité physique", "Chiffrement", "Procédures internes"),
            new Expectation("no system is infallible; report suspicious use", "infaillible", "utilisation suspecte de votre compte"),
            new Expectation("rights: access, rectification, erasure, objection, restriction, portability, withdrawal",
                    "Droit d’accès", "Droit de rectification", "Droit à l’effacement", "Droit d’opposition",
                    "Droit à la limitation du traitement", "Droit à la portabilité", "Droit de retirer votre consentement"),
            new Expectation("identity verification before any request is handled", "vérifier votre identité", "Avant de traiter une demande"),
            new Expectation("minors: age of digital consent and parental consent", "15 ans", "titulaire de l’autorité parentale"),
            new Expectation("contact channels: e-mail, SMS, WhatsApp, phone, post, automated",
                    "e-mail, SMS, WhatsApp, téléphone, courrier postal ou messages automatisés", "envoyés automatiquement"),
            new Expectation("marketing channels as chosen by the person", "Vous choisissez les canaux", "e-mail, SMS, WhatsApp et téléphone"),
            new Expectation("updates: date at the top, additional notifications", "figurent en tête de ce document", "nous vous en informons"));

    @Test
    void theOnlineLearningTemplateReproducesSeed000() {
        assertEveryCommitment(Examples.HELUXIMORA, HELUXIMORA);
    }

    @Test
    void theHigherEducationTemplateReproducesSeed004() {
        assertEveryCommitment(Examples.HEMI, HEMI);
    }

    private static void assertEveryCommitment(String valuesFile, List<Expectation> expectations) {
        String policy = plain(Examples.LIBRARY.render(Examples.values(valuesFile), Lang.FR).markdown());
        assertThat(policy).doesNotContain("{{");
        for (Expectation e : expectations) {
            for (String phrase : e.phrases()) {
                assertThat(policy).as("commitment '%s' needs \"%s\"", e.commitment(), phrase).contains(plain(phrase));
            }
        }
    }

    /** Markdown emphasis and escapes removed, case folded, so phrases match the text a reader sees. */
    private static String plain(String text) {
        return Normalizer.normalize(text.replace("**", "").replaceAll("\\\\(.)", "$1"), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
