package eu.tutela.portal.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.TutelaApplication;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A portal process killed with SIGKILL in the middle of an import: the registry is exactly as it was, and the import
 * is taken over by the surviving replica (here the test's own portal) and completes. The killed process is a second
 * portal on the same database, started as its own JVM; while it runs the import, the test's portal stops its job
 * engine, so that the killed one is the one doing the work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RosterImportCrashIT {

    private static final int PUPILS = 2_000;

    @Autowired
    RosterImports imports;
    @Autowired
    People people;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;
    @Autowired
    Environment env;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    Process replica;

    @AfterEach
    void cleanUp() {
        if (replica != null) {
            replica.destroyForcibly();
        }
        engine().start();
        SignedInAs.nobody();
    }

    @Test
    void aReplicaKilledMidImportLeavesTheRegistryAsItWasAndTheImportCompletesElsewhere() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenant school = tenants.ensure("crash-" + suffix, "Collège Crash " + suffix, "FR", "fr");
        UUID admin = users.register("admin-" + suffix + "@crash.example", "Admin " + suffix);
        TenantContext.runAs(school.id(), () -> memberships.grant(admin, TenantRole.ADMIN));
        // The registry and its trail (the job's own bookkeeping, a new run queued by the confirmation, is not the registry).
        Supplier<Map<String, Long>> rows = () -> {
            Map<String, Long> all = OwnerDatabase.rowsOfTenant(env, school.id());
            return Map.of("person", all.get("person"), "guardianship", all.get("guardianship"), "audit_entry", all.get("audit_entry"));
        };
        SignedInAs.inTenant(admin, school, () -> people.register(new PersonDetails(PersonKind.STUDENT, "Déjà", "Là", LocalDate.of(2013, 1, 1),
                "6e A", null, null, "fr", null, "CRASH-0")));

        Path roster = roster();
        RosterImport previewed = settled(admin, school, SignedInAs.inTenant(admin, school,
                () -> imports.start(List.of(new RosterImports.Upload("rentree.csv", roster)), RosterImport.Mode.CHANGES, null)));
        assertThat(previewed.summary().newPeople()).isEqualTo(2 * PUPILS);
        Map<String, Long> before = rows.get();

        engine().stop();
        replica = startReplica();
        try (Connection owner = DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"),
                env.getRequiredProperty("spring.flyway.user"), env.getRequiredProperty("spring.flyway.password"))) {
            // The registry is held by another transaction: the replica's import reads the file, stages it, and waits
            // at its first write into the registry, inside its transaction. There it is killed.
            owner.setAutoCommit(false);
            try (Statement lock = owner.createStatement()) {
                lock.execute("lock table person in share mode");
            }
            SignedInAs.inTenant(admin, school, () -> imports.confirm(previewed.id()));
            await().atMost(Duration.ofMinutes(2)).until(() -> waitingForPerson(owner));
            replica.destroyForcibly().waitFor();
            owner.rollback();
        }

        assertThat(rows.get()).as("the registry as it was").isEqualTo(before);
        assertThat(SignedInAs.inTenant(admin, school, () -> imports.find(previewed.id())).orElseThrow().status())
                .isEqualTo(RosterImport.Status.APPLYING);

        // The surviving replica notices the dead one's silence and runs the import again, from the start.
        engine().start();
        RosterImport applied = settled(admin, school, previewed);
        assertThat(applied.status()).isEqualTo(RosterImport.Status.APPLIED);
        assertThat(SignedInAs.inTenant(admin, school, () -> people.count(PeopleFilter.ALL))).isEqualTo(2 * PUPILS + 1L);
        assertThat(rows.get().get("guardianship")).isEqualTo(PUPILS);
    }

    private Lifecycle engine() {
        return context.getBean("jobEngine", Lifecycle.class);
    }

    /** The killed replica's import is blocked on the registry's lock, in the middle of its transaction. */
    private static boolean waitingForPerson(Connection owner) throws SQLException {
        try (Statement query = owner.createStatement(); var result = query.executeQuery(
                "select count(*) from pg_locks l join pg_class c on c.oid = l.relation where not l.granted and c.relname = 'person'")) {
            result.next();
            return result.getLong(1) > 0;
        }
    }

    /** A second portal on the same database, Keycloak and SMTP server, in its own JVM: a replica that can be killed. */
    private Process startReplica() throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), TutelaApplication.class.getName(),
                "--spring.profiles.active=test", "--server.port=0", "--tutela.demo.enabled=false", "--tutela.embedded.enabled=false",
                "--tutela.keycloak.manage-realm=false"));
        for (String property : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.flyway.url", "spring.flyway.user", "spring.flyway.password", "spring.flyway.placeholders.appRole",
                "tutela.keycloak.url", "tutela.keycloak.admin-username", "tutela.keycloak.admin-password", "spring.mail.host",
                "spring.mail.port")) {
            command.add("--" + property + "=" + env.getRequiredProperty(property));
        }
        Path log = dir.resolve("replica.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The replica did not start:\n" + Files.readString(log));
            }
            return Files.readString(log).contains("Started TutelaApplication");
        });
        return process;
    }

    private Path roster() throws IOException {
        Path file = dir.resolve("rentree.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("external_id,kind,given_name,family_name,birth_date,class,children,relationship\n");
            for (int i = 1; i <= PUPILS; i++) {
                out.write("CRASH-E" + i + ",student,Élève" + i + ",Nom" + i + ",2013-01-01,6e A,,\n");
                out.write("CRASH-R" + i + ",guardian,Parent" + i + ",Nom" + i + ",,,CRASH-E" + i + ",mother\n");
            }
        }
        return file;
    }

    private RosterImport settled(UUID admin, Tenant school, RosterImport started) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                !SignedInAs.inTenant(admin, school, () -> imports.find(started.id())).orElseThrow().status().working());
        return SignedInAs.inTenant(admin, school, () -> imports.find(started.id())).orElseThrow();
    }
}
