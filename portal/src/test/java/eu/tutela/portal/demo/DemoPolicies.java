package eu.tutela.portal.demo;

import eu.tutela.policy.Lang;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.policy.AcceptanceChannel;
import eu.tutela.portal.policy.DraftContent;
import eu.tutela.portal.policy.PolicyAcceptances;
import eu.tutela.portal.policy.PolicyDraft;
import eu.tutela.portal.policy.PolicyDrafts;
import eu.tutela.portal.policy.PolicyPublication;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.policy.PolicyVersions;
import eu.tutela.portal.policy.TextShown;
import eu.tutela.portal.tenancy.Tenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The demo policies, published by each administrator as they would. Horizon's: a first version that the
 * parent accepted, then a substantial change (a video platform outside the EEA) that he has yet to read, so
 * that signing in as him shows what changed. Collège Jean Moulin's: one version on the school template,
 * which its pupil reads in the words written for pupils. HEMI has none: its administrator makes it.
 */
@Component
class DemoPolicies {

    private static final String TEMPLATE = "online-learning";
    private static final String SCHOOL = "school-minors";

    private final PolicyDrafts drafts;
    private final PolicyPublication publication;
    private final PolicyVersions versions;
    private final PolicyAcceptances acceptances;
    private final ConsentPurposes purposes;

    DemoPolicies(PolicyDrafts drafts, PolicyPublication publication, PolicyVersions versions, PolicyAcceptances acceptances,
            ConsentPurposes purposes) {
        this.drafts = drafts;
        this.publication = publication;
        this.versions = versions;
        this.acceptances = acceptances;
        this.purposes = purposes;
    }

    void publishHorizons(Tenant horizon, UUID administrator, UUID parent) {
        publishVersion(horizon, administrator, TEMPLATE, 1, content -> content
                .withValue("controller.address", "Rue de la Loi 16, 1000 Bruxelles")
                .withValue("contact.email", "hello@horizon.example")
                .withValue("contact.channels", List.of("EMAIL", "IN_APP"))
                .withValue("retention.account", "3 years")
                .withValue("retention.logs", "12 months")
                .withValue("recipients.categories", List.of("HOSTING", "PAYMENT"))
                .withValue("processors", List.of(Map.of("name", "OVHcloud", "category", "HOSTING", "country", "FR"))));
        DemoActor.as(parent, horizon, () -> {
            // Only while version 1 is the one in force: a second start finds him where he was left.
            if (versions.active().map(PolicyVersion::number).orElse(0) == 1) {
                acceptances.accept(1, Lang.EN, TextShown.FULL, AcceptanceChannel.SIGN_IN);
            }
            return null;
        });
        publishVersion(horizon, administrator, TEMPLATE, 2, content -> content.withValue("processors", List.of(
                Map.of("name", "OVHcloud", "category", "HOSTING", "country", "FR"),
                Map.of("name", "Vimeo", "category", "COMMUNICATION", "country", "US", "safeguard", "STANDARD_CONTRACTUAL_CLAUSES"))));
    }

    /** Collège Jean Moulin's first version, on the school template: its pupils read the text written for them first. */
    void publishSchools(Tenant school, UUID administrator) {
        publishVersion(school, administrator, SCHOOL, 1, content -> content
                .withValue("controller.address", "12 rue des Écoles, 69003 Lyon")
                .withValue("controller.registration", "UAI 0690000A")
                .withValue("contact.email", "vie-scolaire@jean-moulin.example")
                .withValue("contact.channels", List.of("EMAIL", "SMS", "IN_APP"))
                .withValue("retention.account", "1 an")
                .withValue("retention.logs", "6 mois")
                .withValue("marketing.channels", List.of("EMAIL", "SMS"))
                .withClause("photos", "on")
                .withClause("canteen", "on")
                .withClause("marketing", "on"));
    }

    /** Publishes version {@code number} unless the tenant has it already. */
    private void publishVersion(Tenant tenant, UUID administrator, String template, int number, UnaryOperator<DraftContent> edit) {
        DemoActor.as(administrator, tenant, () -> {
            if (versions.history().size() >= number) {
                // A demo database kept from before purposes were taken from the policy gets them now (else: no change).
                purposes.takeFromActivePolicy();
                return null;
            }
            PolicyDraft draft = drafts.current().orElseGet(() -> drafts.start(template));
            PolicyDraft saved = drafts.save(edit.apply(draft.content()), draft.revision());
            return publication.publish(saved.revision(), null, null);
        });
    }
}
