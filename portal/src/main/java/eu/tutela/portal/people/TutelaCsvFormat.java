package eu.tutela.portal.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The project's own roster format (documented in docs/roster-csv.md): one row per person, guardians listing their
 * children's ids. Column names are read in English or French, whatever the case, accents or separators; values too
 * (student/élève, mother/mère, yes/oui). Only the id, kind and names are required; a column left out leaves that
 * field as it is.
 */
final class TutelaCsvFormat {

    /** Each field's column names: the first English one and the first French one are the template's. */
    enum Column {
        EXTERNAL_ID(null, "external_id", "identifiant", "id", "externalid"),
        KIND(RosterColumn.KIND, "kind", "type", "role"),
        GIVEN_NAME(RosterColumn.GIVEN_NAME, "given_name", "prénom", "first_name", "firstname", "givenname"),
        FAMILY_NAME(RosterColumn.FAMILY_NAME, "family_name", "nom", "last_name", "lastname", "familyname", "nom_de_famille"),
        BIRTH_DATE(RosterColumn.BIRTH_DATE, "birth_date", "date_de_naissance", "date_of_birth", "birthdate", "naissance"),
        CLASS_NAME(RosterColumn.CLASS_NAME, "class", "classe", "class_name", "grade", "division"),
        EMAIL(RosterColumn.EMAIL, "email", "courriel", "e-mail", "mail", "adresse_mail"),
        PHONE(RosterColumn.PHONE, "phone", "téléphone", "tel", "mobile", "portable"),
        LANGUAGE(RosterColumn.LANGUAGE, "language", "langue"),
        JOB_FUNCTION(RosterColumn.JOB_FUNCTION, "function", "fonction", "job_function", "job", "poste"),
        ACTIVE(null, "active", "actif"),
        CHILDREN(null, "children", "enfants", "guardian_of", "responsable_de"),
        RELATIONSHIP(null, "relationship", "lien", "lien_de_parente"),
        PARENTAL_RESPONSIBILITY(null, "parental_responsibility", "autorité_parentale", "autorite_parentale");

        final RosterColumn field;
        final List<String> names;

        Column(RosterColumn field, String... names) {
            this.field = field;
            this.names = List.of(names);
        }

        String heading(Locale locale) {
            return "fr".equals(locale.getLanguage()) ? names.get(1) : names.get(0);
        }
    }

    private static final Set<Column> REQUIRED = EnumSet.of(Column.EXTERNAL_ID, Column.KIND, Column.GIVEN_NAME, Column.FAMILY_NAME);
    private static final Map<String, PersonKind> KINDS = Map.ofEntries(
            Map.entry("student", PersonKind.STUDENT), Map.entry("eleve", PersonKind.STUDENT), Map.entry("pupil", PersonKind.STUDENT),
            Map.entry("etudiant", PersonKind.STUDENT), Map.entry("etudiante", PersonKind.STUDENT),
            Map.entry("guardian", PersonKind.GUARDIAN), Map.entry("parent", PersonKind.GUARDIAN),
            Map.entry("responsable", PersonKind.GUARDIAN), Map.entry("responsablelegal", PersonKind.GUARDIAN),
            Map.entry("staff", PersonKind.STAFF), Map.entry("personnel", PersonKind.STAFF), Map.entry("teacher", PersonKind.STAFF),
            Map.entry("enseignant", PersonKind.STAFF), Map.entry("enseignante", PersonKind.STAFF));
    private static final Map<String, Relationship> RELATIONSHIPS = Map.ofEntries(
            Map.entry("mother", Relationship.MOTHER), Map.entry("mere", Relationship.MOTHER),
            Map.entry("father", Relationship.FATHER), Map.entry("pere", Relationship.FATHER),
            Map.entry("parent", Relationship.PARENT),
            Map.entry("legalguardian", Relationship.LEGAL_GUARDIAN), Map.entry("guardian", Relationship.LEGAL_GUARDIAN),
            Map.entry("tuteur", Relationship.LEGAL_GUARDIAN), Map.entry("tutrice", Relationship.LEGAL_GUARDIAN),
            Map.entry("other", Relationship.OTHER), Map.entry("autre", Relationship.OTHER));

    private TutelaCsvFormat() {
    }

    /** Reads the file into the sink; a header without the required columns refuses the file. */
    static void read(RosterCsv csv, RosterSink sink) throws IOException {
        List<String> missing = new ArrayList<>();
        for (Column required : REQUIRED) {
            if (!csv.has(required.names.toArray(String[]::new))) {
                missing.add(required.names.get(0));
            }
        }
        if (!missing.isEmpty()) {
            throw new RosterRefusal("people.import.header", String.join(", ", missing));
        }
        Set<RosterColumn> carried = EnumSet.noneOf(RosterColumn.class);
        EnumMap<Column, Optional<Integer>> at = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            Optional<Integer> position = csv.column(column.names.toArray(String[]::new));
            at.put(column, position);
            if (position.isPresent() && column.field != null) {
                carried.add(column.field);
            }
        }
        sink.carries(carried, at.get(Column.CHILDREN).isPresent());
        csv.forEach(row -> person(csv.file, row, at, sink));
    }

    private static void person(String file, RosterCsv.Row row, Map<Column, Optional<Integer>> at, RosterSink sink) {
        long line = row.line();
        String id = row.get(at.get(Column.EXTERNAL_ID));
        if (id == null) {
            sink.problem(file, line, null, "externalId", "people.import.externalId.required", null);
            return;
        }
        String kindText = row.get(at.get(Column.KIND));
        PersonKind kind = kindText == null ? null : KINDS.get(RosterCsv.fold(kindText));
        if (kind == null) {
            sink.problem(file, line, id, "kind", "people.import.kind.unknown", kindText);
            return;
        }
        String birthText = row.get(at.get(Column.BIRTH_DATE));
        LocalDate birthDate = null;
        if (birthText != null) {
            birthDate = RosterCsv.date(birthText).orElse(null);
            if (birthDate == null) {
                sink.problem(file, line, id, "birthDate", "people.import.date", birthText);
                return;
            }
        }
        String language = language(row.get(at.get(Column.LANGUAGE)));
        Boolean active = yesNo(row.get(at.get(Column.ACTIVE)));
        String relationshipText = row.get(at.get(Column.RELATIONSHIP));
        Relationship relationship = relationshipText == null ? null : RELATIONSHIPS.get(RosterCsv.fold(relationshipText));
        if (relationshipText != null && relationship == null) {
            sink.problem(file, line, id, "relationship", "people.import.relationship.unknown", relationshipText);
            return;
        }
        String responsibilityText = row.get(at.get(Column.PARENTAL_RESPONSIBILITY));
        Boolean responsibility = yesNo(responsibilityText);
        if (responsibilityText != null && responsibility == null) {
            sink.problem(file, line, id, "parentalResponsibility", "people.import.yesNo", responsibilityText);
            return;
        }
        sink.person(new StagedPerson(file, line, id, kind, row.get(at.get(Column.GIVEN_NAME)), row.get(at.get(Column.FAMILY_NAME)),
                birthDate, row.get(at.get(Column.CLASS_NAME)), row.get(at.get(Column.EMAIL)), row.get(at.get(Column.PHONE)),
                language, row.get(at.get(Column.JOB_FUNCTION)), active == null || active, relationship, responsibility));
        String children = row.get(at.get(Column.CHILDREN));
        if (children != null) {
            for (String child : children.split("[|,;\\s]+")) {
                if (!child.isBlank()) {
                    sink.link(file, line, id, child.strip(), relationship, responsibility);
                }
            }
        }
    }

    /** fr or en as written in a spreadsheet (français, English…); anything else is passed on to be refused. */
    private static String language(String text) {
        if (text == null) {
            return null;
        }
        return switch (RosterCsv.fold(text)) {
            case "fr", "francais", "french" -> "fr";
            case "en", "anglais", "english" -> "en";
            default -> text;
        };
    }

    private static Boolean yesNo(String text) {
        if (text == null) {
            return null;
        }
        return switch (RosterCsv.fold(text)) {
            case "yes", "y", "oui", "o", "true", "vrai", "1", "x" -> true;
            case "no", "n", "non", "false", "faux", "0" -> false;
            default -> null;
        };
    }

    /**
     * The template to download, in the reader's language: the header and three example rows (a pupil and her mother,
     * a teacher). French spreadsheets expect semicolons and a byte-order mark, so the French one has both.
     */
    static byte[] template(Locale locale) {
        boolean french = "fr".equals(locale.getLanguage());
        List<Column> columns = List.of(Column.EXTERNAL_ID, Column.KIND, Column.GIVEN_NAME, Column.FAMILY_NAME, Column.BIRTH_DATE,
                Column.CLASS_NAME, Column.EMAIL, Column.PHONE, Column.LANGUAGE, Column.JOB_FUNCTION, Column.CHILDREN,
                Column.RELATIONSHIP, Column.PARENTAL_RESPONSIBILITY);
        List<List<String>> rows = french
                ? List.of(List.of("E1001", "élève", "Léa", "Dupré", "14/03/2013", "5e B", "", "", "fr", "", "", "", ""),
                        List.of("R2001", "responsable", "Claire", "Dupré", "", "", "claire.dupre@example.org", "+33 6 12 34 56 78",
                                "fr", "", "E1001", "mère", "oui"),
                        List.of("P3001", "personnel", "Marc", "Leroy", "", "", "marc.leroy@example.org", "", "fr",
                                "Professeur de mathématiques", "", "", ""))
                : List.of(List.of("E1001", "student", "Lea", "Dupre", "2013-03-14", "Year 8", "", "", "en", "", "", "", ""),
                        List.of("R2001", "guardian", "Claire", "Dupre", "", "", "claire.dupre@example.org", "+44 7700 900123", "en",
                                "", "E1001", "mother", "yes"),
                        List.of("P3001", "staff", "Mark", "Leroy", "", "", "mark.leroy@example.org", "", "en", "Maths teacher", "",
                                "", ""));
        StringBuilder text = new StringBuilder(french ? "\uFEFF" : "");
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setDelimiter(french ? ';' : ',').get().print(text)) {
            printer.printRecord(columns.stream().map(c -> c.heading(locale)));
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
