package eu.tutela.tenantadmin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.lifecycle.Deleted;
import eu.tutela.tenantadmin.lifecycle.ExportResult;
import eu.tutela.tenantadmin.lifecycle.LifecycleException;
import eu.tutela.tenantadmin.lifecycle.PlatformAuditEntry;
import eu.tutela.tenantadmin.lifecycle.Provisioned;
import eu.tutela.tenantadmin.lifecycle.SpecProblem;
import eu.tutela.tenantadmin.lifecycle.TenantLifecycle;
import eu.tutela.tenantadmin.lifecycle.TenantSpec;
import eu.tutela.tenantadmin.lifecycle.TenantSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The operator's command line: the tenant lifecycle for automation, configured by the portal's environment variables. */
@Command(name = "tenant-admin", mixinStandardHelpOptions = true, version = "tenant-admin (Tutela)",
        description = "Creates, lists, suspends, reactivates, exports and deletes Tutela tenants.",
        footerHeading = "%nEnvironment (the portal's own):%n",
        footer = {
                "  SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD",
                "      the portal's database, as its application role",
                "  TUTELA_KEYCLOAK_URL, TUTELA_KEYCLOAK_DIRECTORY_SECRET",
                "      Keycloak, and the secret of the realm's directory client",
                "  TUTELA_KEYCLOAK_REALM (default tutela)",
                "  TUTELA_KEYCLOAK_DIRECTORY_CLIENT_ID (default tutela-directory)",
                "  TUTELA_OPERATOR  whom the platform audit names (default cli:USER@HOST)",
                "",
                "Exit codes:",
                "   0 done (suspending a suspended tenant too)",
                "   1 unexpected error",
                "   2 invalid input or usage",
                "   3 a tenant with this slug exists already",
                "   4 no such tenant",
                "   5 not allowed in the tenant's state",
                "   6 delete needs an export finished in the last 24 hours",
                "   7 another run is working on this tenant",
                "   8 Keycloak unreachable (a create: run it again to finish)",
                "   9 Keycloak refused",
                "  10 PostgreSQL unreachable (a create: run it again to finish)",
                "  11 deleted; Keycloak clean-up pending (the portal retries; or: cleanup)",
                "  12 configuration missing"},
        subcommands = CommandLine.HelpCommand.class)
public final class TenantAdminCli {

    static final int DIRECTORY_PENDING = 11;
    static final int NOT_CONFIGURED = 12;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final CliEnvironment environment;
    private final Function<CliEnvironment, Lifecycle> lifecycles;

    /** A lifecycle with the directory it holds open, closed after one command. */
    record Lifecycle(TenantLifecycle lifecycle, KeycloakDirectory directory) implements AutoCloseable {
        @Override
        public void close() {
            directory.close();
        }
    }

    TenantAdminCli(CliEnvironment environment, Function<CliEnvironment, Lifecycle> lifecycles) {
        this.environment = environment;
        this.lifecycles = lifecycles;
    }

    public static void main(String[] args) {
        // Before any logger exists: the command line logs warnings to standard error only.
        System.setProperty("logback.configurationFile", "tenant-admin-cli-logback.xml");
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, Map<String, String> variables, PrintWriter out, PrintWriter err) {
        CliEnvironment environment = new CliEnvironment(variables);
        CommandLine commandLine = new CommandLine(new TenantAdminCli(environment, e -> {
            KeycloakDirectory directory = e.directory();
            return new Lifecycle(new TenantLifecycle(e.dataSource(), directory), directory);
        }));
        commandLine.setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            Throwable cause = e;
            while (cause != null && !(cause instanceof LifecycleException)) {
                cause = cause.getCause();
            }
            if (cause instanceof LifecycleException refusal) {
                if (refusal.problems().isEmpty()) {
                    line.getErr().println("tenant-admin: " + refusal.getMessage());
                } else {
                    line.getErr().println("tenant-admin: invalid values, nothing was changed:");
                    refusal.problems().stream().map(SpecProblem::toString).forEach(p -> line.getErr().println("  " + p));
                }
                return refusal.reason().exitCode();
            }
            line.getErr().println("tenant-admin: failed: " + e);
            return 1;
        });
        return commandLine.execute(args);
    }

    private Lifecycle open() {
        List<String> missing = environment.missing();
        if (!missing.isEmpty()) {
            throw new NotConfigured("set " + String.join(", ", missing) + " (see tenant-admin --help)");
        }
        return lifecycles.apply(environment);
    }

    private static final class NotConfigured extends RuntimeException {
        NotConfigured(String message) {
            super(message);
        }
    }

    private int guarded(Callable<Integer> command) throws Exception {
        try {
            return command.call();
        } catch (NotConfigured e) {
            spec.commandLine().getErr().println("tenant-admin: not configured: " + e.getMessage());
            return NOT_CONFIGURED;
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Command(name = "create", description = "Creates a tenant (or finishes one whose creation was interrupted); "
            + "the portal then invites its first administrator.")
    int create(
            @Option(names = "--slug", required = true, description = "lower-case letters, digits, hyphens (its URL and "
                    + "Keycloak organization alias)") String slug,
            @Option(names = "--name", required = true, description = "the institution's name") String name,
            @Option(names = "--country", required = true, description = "ISO 3166-1 alpha-2, e.g. FR") String country,
            @Option(names = "--languages", defaultValue = "fr,en", split = ",",
                    description = "fr and/or en, the default first (default: ${DEFAULT-VALUE})") List<String> languages,
            @Option(names = "--time-zone", required = true, description = "IANA id, e.g. Europe/Paris") String timeZone,
            @Option(names = "--dpo-email", description = "the data-protection officer's address") String dpoEmail,
            @Option(names = "--admin-email", required = true, description = "the first administrator, invited by e-mail")
            String adminEmail) throws Exception {
        return guarded(() -> {
            TenantSpec tenant = new TenantSpec(slug, name, country, languages, timeZone, dpoEmail, adminEmail);
            try (Lifecycle l = open()) {
                Provisioned made = l.lifecycle().create(tenant, environment.operator());
                out().printf("%s %s (organization %s); the portal invites %s as its administrator%n",
                        made.resumed() ? "finished" : "created", made.slug(), made.organizationId(), made.firstAdminEmail());
                return 0;
            }
        });
    }

    @Command(name = "list", description = "Lists the tenants with status, members and last activity.")
    int list(@Option(names = "--csv", description = "comma-separated values with a header line") boolean csv) throws Exception {
        return guarded(() -> {
            try (Lifecycle l = open()) {
                List<TenantSummary> tenants = l.lifecycle().list();
                if (csv) {
                    out().println("slug,status,members,last_activity,created_at,name");
                    tenants.forEach(t -> out().printf("%s,%s,%d,%s,%s,\"%s\"%n", t.slug(), t.status(), t.members(),
                            t.lastActivity() == null ? "" : t.lastActivity(), t.createdAt(), t.name().replace("\"", "\"\"")));
                } else {
                    out().printf("%-30s %-12s %7s  %-24s %s%n", "SLUG", "STATUS", "MEMBERS", "LAST ACTIVITY", "NAME");
                    tenants.forEach(t -> out().printf("%-30s %-12s %7d  %-24s %s%n", t.slug(), t.status(), t.members(),
                            t.lastActivity() == null ? "-" : t.lastActivity().toString(), t.name()));
                }
                return 0;
            }
        });
    }

    @Command(name = "suspend", description = "Suspends a tenant: nobody enters, data kept, its scheduled work waits.")
    int suspend(@Parameters(paramLabel = "SLUG") String slug) throws Exception {
        return guarded(() -> {
            try (Lifecycle l = open()) {
                out().println(l.lifecycle().suspend(slug, environment.operator()) ? "suspended " + slug
                        : slug + " was suspended already");
                return 0;
            }
        });
    }

    @Command(name = "reactivate", description = "Reactivates a suspended tenant.")
    int reactivate(@Parameters(paramLabel = "SLUG") String slug) throws Exception {
        return guarded(() -> {
            try (Lifecycle l = open()) {
                out().println(l.lifecycle().reactivate(slug, environment.operator()) ? "reactivated " + slug
                        : slug + " was active already");
                return 0;
            }
        });
    }

    @Command(name = "export", description = "Writes the whole tenant to a zip (JSON lines per table, manifest, SHA-256 sums).")
    int export(@Parameters(paramLabel = "SLUG") String slug,
            @Option(names = {"-o", "--output"}, description = "the zip to write (default: SLUG-DATE.zip here)") Path output)
            throws Exception {
        return guarded(() -> {
            Path file = output != null ? output : Path.of(slug + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip");
            try (Lifecycle l = open()) {
                long[] shown = {-1};
                ExportResult result = l.lifecycle().export(slug, environment.operator(), file, false, (done, total) -> {
                    long percent = total == 0 ? 100 : done * 100 / total;
                    if (percent / 10 != shown[0]) {
                        shown[0] = percent / 10;
                        err().printf("exporting %s: %d%% (%d of %d rows)%n", slug, percent, done, total);
                    }
                });
                out().printf("exported %s: %d rows of %d tables to %s (%d bytes, SHA-256 %s)%n", slug, result.rows(),
                        result.tables(), file.toAbsolutePath(), result.sizeBytes(), result.sha256());
                return 0;
            } catch (RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        });
    }

    @Command(name = "delete", description = "Deletes a tenant for good: every row, its Keycloak organization, and the "
            + "accounts of people in no other tenant. Needs an export of the last 24 hours.")
    int delete(@Parameters(paramLabel = "SLUG") String slug,
            @Option(names = "--confirm", required = true, paramLabel = "SLUG", description = "the slug again") String confirm)
            throws Exception {
        return guarded(() -> {
            if (!slug.equals(confirm)) {
                err().println("tenant-admin: --confirm must repeat the slug '" + slug + "'. Nothing was deleted.");
                return LifecycleException.Reason.INVALID.exitCode();
            }
            try (Lifecycle l = open()) {
                Deleted deleted = l.lifecycle().delete(slug, environment.operator());
                out().printf("deleted %s (%d accounts in no other tenant)%n", slug, deleted.accountsRemoved());
                int remaining = deleted.directoryWorkRemaining();
                if (remaining > 0) {
                    err().printf("removing %d accounts from Keycloak…%n", remaining);
                    remaining = l.lifecycle().cleanUpDirectory();
                }
                if (remaining > 0) {
                    err().printf("tenant-admin: %d Keycloak steps still to do (Keycloak did not answer); the portal retries "
                            + "them, or run: tenant-admin cleanup%n", remaining);
                    return DIRECTORY_PENDING;
                }
                return 0;
            }
        });
    }

    @Command(name = "cleanup", description = "Does the Keycloak steps left by deletions while Keycloak was away.")
    int cleanup() throws Exception {
        return guarded(() -> {
            try (Lifecycle l = open()) {
                int left = l.lifecycle().cleanUpDirectory();
                out().println(left == 0 ? "nothing left to clean up in Keycloak" : left + " Keycloak steps still to do");
                return left == 0 ? 0 : DIRECTORY_PENDING;
            }
        });
    }

    @Command(name = "audit", description = "Shows the platform audit stream, newest first, and verifies its chain.")
    int audit(@Option(names = "--slug", description = "only entries about this tenant") String slug,
            @Option(names = "--limit", defaultValue = "50") int limit) throws Exception {
        return guarded(() -> {
            try (Lifecycle l = open()) {
                for (PlatformAuditEntry e : l.lifecycle().auditTrail(slug, limit)) {
                    out().printf("%6d %s %-20s %-24s %s — %s%n", e.seq(), e.occurredAt(), e.action(),
                            e.slug() == null ? "-" : e.slug(), e.actor(), e.summary());
                }
                var broken = l.lifecycle().firstBrokenAuditEntry();
                if (broken.isPresent()) {
                    err().println("tenant-admin: the chain breaks at entry " + broken.getAsLong());
                    return 1;
                }
                return 0;
            }
        });
    }
}
