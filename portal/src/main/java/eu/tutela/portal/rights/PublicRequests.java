package eu.tutela.portal.rights;

import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.security.SystemWork;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public form of an institution ({@code /p/{tenant}/request}) for people without an account, a former student:
 * the request exists only once its address is proven with a six-digit code e-mailed to it (valid 15 minutes, five
 * wrong tries void it); the DPO then confirms who they are (GDPR Art. 12(6)). A flood is refused: three codes an hour
 * for one address, thirty for one institution. Anyone may call it: it works as the platform, for the institution the
 * address names, and never tells whether an address is known there.
 */
@Service
public class PublicRequests {

    static final int CODES_PER_ADDRESS_PER_HOUR = 3;
    static final int CODES_PER_INSTITUTION_PER_HOUR = 30;
    static final int WRONG_CODES_ALLOWED = 5;
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(15);
    private static final int MAX_TEXT = 5000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$");
    private static final Pattern MARKUP = Pattern.compile("[<>]|javascript:|\\p{Cc}", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile("^\\d{6}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantDirectory tenants;
    private final TenantSettingsService settings;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final RequestIntake intake;

    PublicRequests(TenantDirectory tenants, TenantSettingsService settings, TransactionTemplate transactions, JdbcClient jdbc, Outbox outbox,
            RequestIntake intake) {
        this.tenants = tenants;
        this.settings = settings;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.intake = intake;
    }

    /** What someone types into the form. */
    public record Form(String name, String email, RequestType type, String details, String lang) {
    }

    /** The institution the form is for: its public settings (name, languages), if it is active here. */
    public Optional<TenantSettings> institution(String slug) {
        return tenants.findActiveBySlug(slug).flatMap(t -> settings.publicSettings(t.id()));
    }

    /**
     * Checks the form and e-mails a code to its address.
     *
     * @return the check the code answers (what {@link #confirm} takes)
     * @throws InvalidInputException on {@code institution} (unknown or unavailable), {@code name}, {@code email},
     *         {@code type}, {@code details} (missing, too long, markup), {@code email} (three codes this hour already:
     *         {@code rights.public.tooMany}), {@code form} (the institution's form is flooded: {@code rights.public.busy})
     */
    public UUID start(String slug, Form form) {
        Tenant tenant = active(slug);
        Map<String, String> problems = new LinkedHashMap<>();
        String name = text(form.name(), 200, "name", true, problems);
        String email = form.email() == null ? "" : form.email().strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty() || email.length() > 320 || !EMAIL.matcher(email).matches()) {
            problems.put("email", "rights.public.email");
        }
        if (form.type() == null) {
            problems.put("type", "rights.type.required");
        }
        String details = text(form.details(), MAX_TEXT, "details", form.type() != null && form.type().needsDetails(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String lang = "en".equals(form.lang()) ? "en" : "fr";
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        UUID id = UUID.randomUUID();
        String refused = inTenant(tenant, () -> {
            // One institution's starts one at a time, so that two at once cannot both slip under a limit.
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('rights-public-form:' || cast(current_tenant_id() as text), 0))")
                    .query().singleRow();
            jdbc.sql("delete from rights_address_check where created_at < now() - interval '1 day'").update();
            long forAddress = jdbc.sql("select count(*) from rights_address_check where email = ? and created_at > now() - interval '1 hour'")
                    .param(email).query(Long.class).single();
            if (forAddress >= CODES_PER_ADDRESS_PER_HOUR) {
                return "email:rights.public.tooMany";
            }
            long forInstitution = jdbc.sql("select count(*) from rights_address_check where created_at > now() - interval '1 hour'")
                    .query(Long.class).single();
            if (forInstitution >= CODES_PER_INSTITUTION_PER_HOUR) {
                return "form:rights.public.busy";
            }
            jdbc.sql("""
                    insert into rights_address_check (tenant_id, id, email, name, lang, type, details, code_hash, expires_at)
                    values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, email, name, lang, form.type().name(), details, hash(id, code),
                            OffsetDateTime.ofInstant(Instant.now().plus(CODE_VALIDITY), ZoneOffset.UTC))
                    .update();
            TenantSettings institution = settings.current();
            outbox.send(new Mail(email, Locale.of(lang), Mail.text("rights.public.mail.subject", institution.displayName()),
                    List.of(Mail.text("rights.public.mail.code", code, CODE_VALIDITY.toMinutes(), institution.displayName()),
                            Mail.text("rights.public.mail.notYou")), null, null));
            return null;
        });
        if (refused != null) {
            throw InvalidInputException.of(refused.substring(0, refused.indexOf(':')), refused.substring(refused.indexOf(':') + 1));
        }
        return id;
    }

    /**
     * Receives the request once its code is right; the DPO is told, and the requester by e-mail with its reference.
     *
     * @throws InvalidInputException on {@code institution}, or {@code code}: wrong ({@code rights.public.code.wrong}),
     *         the fifth wrong one or more ({@code .tooMany}), expired ({@code .expired}), used ({@code .used}), or none
     *         such here ({@code .unknown})
     */
    public RightsRequest confirm(String slug, UUID checkId, String code) {
        Tenant tenant = active(slug);
        String typed = code == null ? "" : code.strip();
        Object outcome = inTenant(tenant, () -> {
            Optional<Check> found = jdbc.sql("""
                            select id, email, name, lang, type, details, code_hash, wrong_codes, expires_at, request_id
                              from rights_address_check where id = ? for update""")
                    .param(checkId).query(Check::read).optional();
            if (found.isEmpty()) {
                return "rights.public.code.unknown";
            }
            Check check = found.get();
            if (check.requestId() != null) {
                return "rights.public.code.used";
            }
            if (check.wrongCodes() >= WRONG_CODES_ALLOWED) {
                return "rights.public.code.tooMany";
            }
            if (check.expiresAt().isBefore(Instant.now())) {
                return "rights.public.code.expired";
            }
            if (!CODE.matcher(typed).matches() || !MessageDigest.isEqual(check.codeHash().getBytes(StandardCharsets.US_ASCII),
                    hash(checkId, typed).getBytes(StandardCharsets.US_ASCII))) {
                // Counted in this transaction, which commits: the refusal is thrown after it.
                jdbc.sql("update rights_address_check set wrong_codes = wrong_codes + 1 where id = ?").param(checkId).update();
                return check.wrongCodes() + 1 >= WRONG_CODES_ALLOWED ? "rights.public.code.tooMany" : "rights.public.code.wrong";
            }
            Instant now = Instant.now();
            RightsRequestRepository.Stored request = new RightsRequestRepository.Stored(UUID.randomUUID(), RequestIntake.newReference(),
                    check.type(), null, null, null, check.name(), check.email(), check.lang(), RightsRequest.RequestSource.PUBLIC_FORM,
                    check.details(), RequestStatus.IDENTITY_TO_VERIFY, now, RequestDeadline.of(now, settings.current().timeZone()), null,
                    null, null, null, null);
            intake.receive(request, null);
            jdbc.sql("update rights_address_check set request_id = ? where id = ?").params(request.id(), checkId).update();
            return request.withSubjectName(check.name());
        });
        if (outcome instanceof String key) {
            throw InvalidInputException.of("code", key);
        }
        return (RightsRequest) outcome;
    }

    private record Check(UUID id, String email, String name, String lang, RequestType type, String details, String codeHash, int wrongCodes,
            Instant expiresAt, UUID requestId) {

        static Check read(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            return new Check(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"), rs.getString("lang"),
                    RequestType.valueOf(rs.getString("type")), rs.getString("details"), rs.getString("code_hash"), rs.getInt("wrong_codes"),
                    rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getObject("request_id", UUID.class));
        }
    }

    private Tenant active(String slug) {
        return Optional.ofNullable(slug).flatMap(tenants::findActiveBySlug)
                .orElseThrow(() -> InvalidInputException.of("institution", "rights.public.unknownInstitution"));
    }

    private <T> T inTenant(Tenant tenant, java.util.function.Supplier<T> work) {
        return SystemWork.call(() -> TenantContext.callAs(tenant.id(), () -> transactions.execute(s -> work.get())));
    }

    private static String text(String value, int max, String field, boolean required, Map<String, String> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() && required) {
            problems.put(field, field.equals("name") ? "rights.public.name" : "rights.details.required");
        } else if (text.length() > max) {
            problems.put(field, "rights.text.tooLong");
        } else if (field.equals("name") && MARKUP.matcher(text).find()) {
            problems.put(field, "people.name.markup");
        }
        return text;
    }

    /** The code is kept as a hash salted with its check's id: the table read by someone else gives no code. */
    private static String hash(UUID checkId, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((checkId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
