package eu.tutela.portal.people;

import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OneRoster 1.1 and 1.2 CSV (1EdTech; the columns are in shared/reference/gdpr-facts.md, "Roster data"): the manifest
 * says per file whether it is the whole list ({@code bulk}), changes ({@code delta}) or not sent ({@code absent}).
 * Users come from users.csv, their birth dates from demographics.csv, their roles from users.csv (1.1) or roles.csv
 * (1.2); guardians are linked through agentSourcedIds. Unlike the incumbents, delta is not treated as bulk and
 * demographics are not ignored.
 */
final class OneRosterFormat {

    static final String MANIFEST = "manifest.csv";
    static final String USERS = "users.csv";

    /** Opens a file of the set by its name, or says it is not there. */
    interface Files {

        /** Whether the set has this file, without opening it (a file of a zip is unpacked as it is opened). */
        boolean has(String name);

        Optional<RosterCsv> open(String name) throws IOException;
    }

    /** What the manifest said: the version and whether users.csv is the whole list. */
    record Manifest(String version, boolean bulk) {
    }

    private OneRosterFormat() {
    }

    static Manifest read(Files files, RosterSink sink) throws IOException {
        Map<String, String> manifest = manifest(files);
        String version = manifest.getOrDefault("oneroster.version", "1.1");
        if (!version.equals("1.1") && !version.equals("1.2")) {
            throw new RosterRefusal("people.import.oneroster.version", version);
        }
        for (Map.Entry<String, String> entry : manifest.entrySet()) {
            if (entry.getKey().startsWith("file.") && !entry.getValue().equals("absent")) {
                String name = entry.getKey().substring("file.".length()) + ".csv";
                if (!files.has(name)) {
                    throw new RosterRefusal("people.import.oneroster.missingFile", name);
                }
            }
        }
        String users = manifest.getOrDefault("file.users", "absent");
        if (users.equals("absent")) {
            throw new RosterRefusal("people.import.oneroster.noUsers", null);
        }
        boolean bulk = users.equals("bulk");
        boolean demographics = !manifest.getOrDefault("file.demographics", "absent").equals("absent");
        boolean separateRoles = version.equals("1.2") && !manifest.getOrDefault("file.roles", "absent").equals("absent");
        try (RosterCsv csv = files.open(USERS).orElseThrow()) {
            boolean roleColumn = csv.has("role");
            if (!roleColumn && !separateRoles) {
                throw new RosterRefusal("people.import.header", USERS + ": role");
            }
            requireColumns(csv, "sourcedId", "givenName", "familyName");
            Set<RosterColumn> carried = EnumSet.of(RosterColumn.KIND, RosterColumn.GIVEN_NAME, RosterColumn.FAMILY_NAME,
                    RosterColumn.JOB_FUNCTION);
            if (csv.has("email")) {
                carried.add(RosterColumn.EMAIL);
            }
            if (csv.has("phone", "sms")) {
                carried.add(RosterColumn.PHONE);
            }
            if (csv.has("grades")) {
                carried.add(RosterColumn.CLASS_NAME);
            }
            if (demographics) {
                carried.add(RosterColumn.BIRTH_DATE);
            }
            sink.carries(carried, csv.has("agentSourcedIds"));
            if (demographics) {
                demographics(files, sink);
            }
            if (separateRoles) {
                roles(files, sink);
            }
            users(csv, roleColumn && !separateRoles, sink);
        }
        return new Manifest(version, bulk);
    }

    private static Map<String, String> manifest(Files files) throws IOException {
        Map<String, String> properties = new HashMap<>();
        try (RosterCsv csv = files.open(MANIFEST).orElseThrow(() -> new RosterRefusal("people.import.oneroster.manifest", null))) {
            requireColumns(csv, "propertyName", "value");
            Optional<Integer> name = csv.column("propertyName");
            Optional<Integer> value = csv.column("value");
            csv.forEach(row -> {
                String key = row.get(name);
                String v = row.get(value);
                if (key != null && v != null) {
                    properties.put(key.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT));
                }
            });
        }
        return properties;
    }

    private static void demographics(Files files, RosterSink sink) throws IOException {
        try (RosterCsv csv = files.open("demographics.csv").orElseThrow()) {
            requireColumns(csv, "sourcedId", "birthDate");
            Optional<Integer> id = csv.column("sourcedId");
            Optional<Integer> birth = csv.column("birthDate");
            csv.forEach(row -> {
                String sourcedId = row.get(id);
                String text = row.get(birth);
                if (sourcedId == null || text == null) {
                    return;
                }
                Optional<LocalDate> date = RosterCsv.date(text);
                if (date.isEmpty()) {
                    sink.problem(csv.file, row.line(), sourcedId, "birthDate", "people.import.date", text);
                } else {
                    sink.birthDate(csv.file, row.line(), sourcedId, date.get());
                }
            });
        }
    }

    private static void roles(Files files, RosterSink sink) throws IOException {
        try (RosterCsv csv = files.open("roles.csv").orElseThrow()) {
            requireColumns(csv, "userSourcedId", "roleType", "role");
            Optional<Integer> user = csv.column("userSourcedId");
            Optional<Integer> type = csv.column("roleType");
            Optional<Integer> role = csv.column("role");
            csv.forEach(row -> {
                String userId = row.get(user);
                if (userId == null || !"primary".equalsIgnoreCase(row.get(type))) {
                    return;
                }
                Optional<OneRosterRole> meaning = OneRosterRole.of(row.get(role));
                if (meaning.isEmpty()) {
                    sink.problem(csv.file, row.line(), userId, "kind", "people.import.kind.unknown", row.get(role));
                } else {
                    sink.role(csv.file, row.line(), userId, meaning.get());
                }
            });
        }
    }

    private static void users(RosterCsv csv, boolean roleHere, RosterSink sink) throws IOException {
        Optional<Integer> id = csv.column("sourcedId");
        Optional<Integer> status = csv.column("status");
        Optional<Integer> enabled = csv.column("enabledUser");
        Optional<Integer> role = csv.column("role");
        Optional<Integer> given = csv.column("givenName");
        Optional<Integer> family = csv.column("familyName");
        Optional<Integer> email = csv.column("email");
        Optional<Integer> phone = csv.column("phone");
        Optional<Integer> sms = csv.column("sms");
        Optional<Integer> agents = csv.column("agentSourcedIds");
        Optional<Integer> grades = csv.column("grades");
        csv.forEach(row -> {
            String sourcedId = row.get(id);
            if (sourcedId == null) {
                sink.problem(csv.file, row.line(), null, "externalId", "people.import.externalId.required", null);
                return;
            }
            OneRosterRole meaning = null;
            if (roleHere) {
                meaning = OneRosterRole.of(row.get(role)).orElse(null);
                if (meaning == null) {
                    sink.problem(csv.file, row.line(), sourcedId, "kind", "people.import.kind.unknown", row.get(role));
                    return;
                }
            }
            boolean active = !"tobedeleted".equalsIgnoreCase(row.get(status)) && !"false".equalsIgnoreCase(row.get(enabled));
            String grade = row.get(grades);
            String phoneNumber = Optional.ofNullable(row.get(phone)).orElse(row.get(sms));
            sink.person(new StagedPerson(csv.file, row.line(), sourcedId, meaning == null ? null : meaning.kind(), row.get(given),
                    row.get(family), null, grade == null ? null : grade.split(",")[0].strip(), row.get(email), phoneNumber, null,
                    meaning == null ? null : meaning.jobFunction(), active, meaning == null ? null : meaning.relationship(),
                    meaning == null ? null : meaning.parentalResponsibility()));
            String agentIds = row.get(agents);
            if (agentIds != null) {
                for (String agent : agentIds.split(",")) {
                    if (!agent.isBlank()) {
                        sink.link(csv.file, row.line(), sourcedId, agent.strip(), null, null);
                    }
                }
            }
        });
    }

    private static void requireColumns(RosterCsv csv, String... names) {
        for (String name : names) {
            if (!csv.has(name)) {
                throw new RosterRefusal("people.import.header", csv.file + ": " + name);
            }
        }
    }
}
