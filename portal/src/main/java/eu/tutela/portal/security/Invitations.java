package eu.tutela.portal.security;

import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.notification.PortalAddress;
import eu.tutela.portal.tenancy.ActingPerson;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.EmailAddress;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import eu.tutela.tenantadmin.keycloak.DirectoryException;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations to join a tenant as ADMIN, DPO or STAFF, or as a guardian or student of the registry: a single-use link
 * that expires, sent through the outbox; only its hash is stored. The invitee signs in (or registers) with the invited
 * address and lands in the tenant with the role and a Keycloak organization membership; a guardian's or a student's
 * account becomes that of their person in the registry ({@link InvitationAccepted}).
 */
@Service
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    private static final String COLUMNS = "id, email, role, locale, created_at, expires_at, accepted_at, revoked_at";
    private static final Set<TenantRole> FAMILY_ROLES = EnumSet.of(TenantRole.GUARDIAN, TenantRole.STUDENT);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final TenantSettingsService settings;
    private final Memberships memberships;
    private final TenantDirectory tenants;
    private final PortalUsers users;
    private final CurrentUser currentUser;
    private final IdentityProvider identity;
    private final ApplicationEventPublisher events;
    private final Duration validity;
    private final PortalAddress address;

    Invitations(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox, TenantSettingsService settings,
            Memberships memberships, TenantDirectory tenants, PortalUsers users, CurrentUser currentUser, IdentityProvider identity,
            ApplicationEventPublisher events, PortalAddress address,
            @Value("${tutela.invitations.validity:P7D}") Duration validity) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.settings = settings;
        this.memberships = memberships;
        this.tenants = tenants;
        this.users = users;
        this.currentUser = currentUser;
        this.identity = identity;
        this.events = events;
        this.validity = validity;
        this.address = address;
    }

    /**
     * Invites a person by e-mail; an open invitation to the same address is replaced (its old link stops working).
     *
     * @throws InvalidInputException on {@code email} (not an address, already a member) or {@code role}
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN')")
    @Transactional
    public Invitation invite(String typedEmail, TenantRole role, Locale locale) {
        String email = EmailAddress.parse(typedEmail).orElseThrow(() -> InvalidInputException.of("email", "members.error.email"));
        if (role == null || !Members.STAFF_ROLES.contains(role)) {
            throw InvalidInputException.of("role", "members.error.role");
        }
        boolean alreadyMember = users.findByEmail(email)
                .map(user -> memberships.rolesInCurrentTenant(user.id()).stream().anyMatch(Members.STAFF_ROLES::contains))
                .orElse(false);
        if (alreadyMember) {
            throw InvalidInputException.of("email", "members.error.alreadyMember");
        }
        Optional<Invitation> open = jdbc.sql("select " + COLUMNS
                        + " from invitation where email = ? and person_id is null and accepted_at is null and revoked_at is null")
                .param(email).query(Invitations::invitation).optional();
        UUID id = open.map(Invitation::id).orElseGet(UUID::randomUUID);
        String token = LinkToken.generate();
        Instant expires = Instant.now().plus(validity);
        String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";
        if (open.isPresent()) {
            jdbc.sql("update invitation set token_hash = ?, expires_at = ?, role = ?, locale = ? where id = ?")
                    .params(LinkToken.hash(token), Timestamp.from(expires), role.name(), language, id).update();
        } else {
            jdbc.sql("""
                            insert into invitation (tenant_id, id, email, role, token_hash, locale, invited_by, expires_at)
                            values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, email, role.name(), LinkToken.hash(token), language, ActingPerson.current().orElse(null),
                            Timestamp.from(expires))
                    .update();
        }
        mail(email, role, Locale.of(language), token, expires);
        events.publishEvent(AuditedChange.of("invitation.sent", "invitation", id, email, Map.of(),
                Map.of("email", email, "role", role.name(), "expiresAt", expires.toString())));
        return find(id).orElseThrow();
    }

    /**
     * Invites a guardian or a student of the registry to their portal account, at the address the registry holds for
     * them: a guardian to decide about their children ({@code children}, named in the mail), a student of age to
     * decide for themself, a minor once their guardians agreed. Their open invitation is replaced (its old link stops
     * working). The caller has checked that the invitation is due; the consent module does.
     *
     * @throws InvalidInputException on {@code email} (none, or not an address) or {@code role}
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO')")
    @Transactional
    public Invitation inviteToRegistry(UUID personId, String typedEmail, TenantRole role, String language, List<String> children) {
        String email = EmailAddress.parse(typedEmail == null ? "" : typedEmail)
                .orElseThrow(() -> InvalidInputException.of("email", "members.error.email"));
        if (personId == null || role == null || !FAMILY_ROLES.contains(role)) {
            throw InvalidInputException.of("role", "members.error.role");
        }
        Optional<Invitation> open = jdbc.sql("select " + COLUMNS + " from invitation where person_id = ? and accepted_at is null and revoked_at is null")
                .param(personId).query(Invitations::invitation).optional();
        UUID id = open.map(Invitation::id).orElseGet(UUID::randomUUID);
        String token = LinkToken.generate();
        Instant expires = Instant.now().plus(validity);
        String lang = "en".equals(language) ? "en" : "fr";
        if (open.isPresent()) {
            jdbc.sql("update invitation set token_hash = ?, expires_at = ?, role = ?, locale = ?, email = ? where id = ?")
                    .params(LinkToken.hash(token), Timestamp.from(expires), role.name(), lang, email, id).update();
        } else {
            jdbc.sql("""
                            insert into invitation (tenant_id, id, email, role, token_hash, locale, invited_by, expires_at, person_id)
                            values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, email, role.name(), LinkToken.hash(token), lang, ActingPerson.current().orElse(null),
                            Timestamp.from(expires), personId)
                    .update();
        }
        mailToRegistry(email, role, Locale.of(lang), token, expires, children);
        events.publishEvent(AuditedChange.of(open.isPresent() ? "invitation.resent" : "invitation.sent", "person", personId, email,
                Map.of(), Map.of("email", email, "role", role.name(), "expiresAt", expires.toString())));
        return find(id).orElseThrow();
    }

    /** The latest invitation of this person of the registry, if they were ever invited. */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public Optional<Invitation> latestFor(UUID personId) {
        return jdbc.sql("select " + COLUMNS + " from invitation where person_id = ? order by created_at desc limit 1")
                .param(personId).query(Invitations::invitation).optional();
    }

    /** The latest invitation of each person of the registry invited so far, by person. */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public Map<UUID, Invitation> ofRegistry() {
        Map<UUID, Invitation> latest = new HashMap<>();
        jdbc.sql("select distinct on (person_id) person_id, " + COLUMNS
                        + " from invitation where person_id is not null order by person_id, created_at desc")
                .query((rs, row) -> latest.put(rs.getObject("person_id", UUID.class), invitation(rs, row))).list();
        return latest;
    }

    /** The invitations not accepted yet (pending, expired or revoked), newest first. */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN')")
    @Transactional(readOnly = true)
    public List<Invitation> open() {
        return jdbc.sql("select " + COLUMNS + " from invitation where accepted_at is null and person_id is null order by created_at desc")
                .query(Invitations::invitation).list();
    }

    /** Sends the invitation again with a new link, valid for the full period again; the old link stops working. */
    @PreAuthorize("@caller.has('ADMIN')")
    @Transactional
    public Invitation resend(UUID invitationId) {
        Invitation invitation = find(invitationId).filter(i -> i.acceptedAt() == null)
                .orElseThrow(() -> InvalidInputException.of("invitation", "members.error.invitationGone"));
        String token = LinkToken.generate();
        Instant expires = Instant.now().plus(validity);
        jdbc.sql("update invitation set token_hash = ?, expires_at = ?, revoked_at = null where id = ?")
                .params(LinkToken.hash(token), Timestamp.from(expires), invitationId).update();
        mail(invitation.email(), invitation.role(), invitation.locale(), token, expires);
        events.publishEvent(AuditedChange.of("invitation.resent", "invitation", invitationId, invitation.email(),
                Map.of("expiresAt", invitation.expiresAt().toString()), Map.of("expiresAt", expires.toString())));
        return find(invitationId).orElseThrow();
    }

    @PreAuthorize("@caller.has('ADMIN')")
    @Transactional
    public void revoke(UUID invitationId) {
        Invitation invitation = find(invitationId).filter(i -> i.acceptedAt() == null && i.revokedAt() == null)
                .orElseThrow(() -> InvalidInputException.of("invitation", "members.error.invitationGone"));
        jdbc.sql("update invitation set revoked_at = now() where id = ?").param(invitationId).update();
        events.publishEvent(AuditedChange.of("invitation.revoked", "invitation", invitationId, invitation.email(),
                Map.of("status", "PENDING"), Map.of("status", "REVOKED")));
    }

    /** What a followed link leads to; anyone holding the link may ask, nothing else is revealed. */
    public InvitationLink follow(String token) {
        return lookup(token).map(Found::link).orElse(InvitationLink.unusable(InvitationLink.State.UNKNOWN));
    }

    /**
     * Accepts the invitation for the signed-in person: they join its organization in Keycloak, then
     * the tenant with its role; the link is used up. Keycloak unreachable: nothing changes and the
     * link still works.
     *
     * @return the slug of the tenant joined
     * @throws InvitationRefusedException when the link cannot be used, or is not the signed-in person's
     */
    public String accept(String token) {
        SignedInUser user = currentUser.signedIn().orElseThrow(() -> new AccessDeniedException("Sign in first"));
        Found found = lookup(token).orElseThrow(() -> new InvitationRefusedException(InvitationRefusedException.Reason.UNKNOWN));
        InvitationLink link = found.link();
        switch (link.state()) {
            case EXPIRED -> throw new InvitationRefusedException(InvitationRefusedException.Reason.EXPIRED);
            case USED -> throw new InvitationRefusedException(InvitationRefusedException.Reason.USED);
            case REVOKED -> throw new InvitationRefusedException(InvitationRefusedException.Reason.REVOKED);
            case UNKNOWN -> throw new InvitationRefusedException(InvitationRefusedException.Reason.UNKNOWN);
            case UNAVAILABLE -> throw new InvitationRefusedException(InvitationRefusedException.Reason.UNAVAILABLE);
            case VALID -> { }
        }
        String email = users.find(user.portalUserId()).map(PortalUser::email).orElse("");
        if (!email.equalsIgnoreCase(link.email())) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.SOMEONE_ELSE);
        }
        try {
            KeycloakDirectory directory = identity.awaitDirectory(Duration.ofSeconds(5));
            String organization = directory.findOrganization(link.tenantSlug())
                    .orElseThrow(() -> new IllegalStateException("No Keycloak organization " + link.tenantSlug())).id();
            directory.addMember(organization, user.getSubject());
        } catch (DirectoryException | IllegalStateException e) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.DIRECTORY_UNAVAILABLE);
        }
        // The invitee cannot grant themself a role: the verified link is the authority, so the grant runs as platform work.
        boolean accepted = SystemWork.call(() -> ActingPerson.callAs(user.portalUserId(), () -> TenantContext.callAs(found.tenantId(),
                () -> transactions.execute(status -> {
                    int used = jdbc.sql("""
                                    update invitation set accepted_at = now(), accepted_by = ?
                                     where id = ? and accepted_at is null and revoked_at is null and expires_at > now()""")
                            .params(user.portalUserId(), found.invitationId()).update();
                    if (used == 0) {
                        return false;
                    }
                    memberships.grant(user.portalUserId(), link.role());
                    events.publishEvent(AuditedChange.of("invitation.accepted", "invitation", found.invitationId(), link.email(),
                            Map.of("status", "PENDING"), Map.of("status", "ACCEPTED", "role", link.role().name())));
                    events.publishEvent(new InvitationAccepted(found.tenantId(), found.invitationId(), user.portalUserId(), link.role(),
                            personOf(found.invitationId())));
                    return true;
                }))));
        if (!accepted) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.USED);
        }
        log.info("Invitation {} accepted: portal user {} joined tenant '{}' as {}", found.invitationId(), user.portalUserId(),
                link.tenantSlug(), link.role());
        return link.tenantSlug();
    }

    private record Found(UUID tenantId, UUID invitationId, InvitationLink link) {
    }

    private Optional<Found> lookup(String token) {
        if (!LinkToken.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = LinkToken.hash(token);
        UUID tenant = transactions.execute(s -> jdbc.sql("select invitation_tenant(?)").param(hash).query(UUID.class).optional().orElse(null));
        if (tenant == null) {
            return Optional.empty();
        }
        return SystemWork.call(() -> TenantContext.callAs(tenant, () -> transactions.execute(s -> {
            Optional<Invitation> invitation = jdbc.sql("select " + COLUMNS + " from invitation where token_hash = ?").param(hash)
                    .query(Invitations::invitation).optional();
            Optional<TenantSettings> sender = settings.publicSettings(tenant);
            if (invitation.isPresent() && sender.isEmpty() && tenants.isSuspended(tenant)) {
                return Optional.of(new Found(tenant, invitation.get().id(), InvitationLink.unusable(InvitationLink.State.UNAVAILABLE)));
            }
            if (invitation.isEmpty() || sender.isEmpty()) {
                return Optional.<Found>empty();
            }
            Invitation i = invitation.get();
            InvitationLink.State state = switch (i.status(Instant.now())) {
                case PENDING -> InvitationLink.State.VALID;
                case EXPIRED -> InvitationLink.State.EXPIRED;
                case ACCEPTED -> InvitationLink.State.USED;
                case REVOKED -> InvitationLink.State.REVOKED;
            };
            InvitationLink link = state == InvitationLink.State.VALID
                    ? new InvitationLink(state, sender.get().slug(), sender.get().displayName(), i.email(), i.role(), i.expiresAt(),
                            sender.get().timeZone())
                    : InvitationLink.unusable(state);
            return Optional.of(new Found(tenant, i.id(), link));
        })));
    }

    private UUID personOf(UUID invitationId) {
        return jdbc.sql("select person_id from invitation where id = ?").param(invitationId).query(UUID.class).optional().orElse(null);
    }

    private Optional<Invitation> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from invitation where id = ?").param(id).query(Invitations::invitation).optional();
    }

    private void mail(String email, TenantRole role, Locale locale, String token, Instant expires) {
        TenantSettings sender = settings.current();
        String inviter = ActingPerson.current().flatMap(users::find).map(PortalUser::displayName).orElse(sender.displayName());
        String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(sender.timeZone()).format(expires);
        outbox.send(new Mail(email, locale, Mail.text("invitation.mail.subject", sender.displayName()),
                List.of(Mail.text("invitation.mail.body", inviter, sender.displayName(), new DefaultMessageSourceResolvable("role." + role.name())),
                        Mail.text("invitation.mail.how"),
                        Mail.text("invitation.mail.expiry", email, until)),
                Mail.text("invitation.mail.action"), address.base() + "/invitation/" + token));
    }

    private void mailToRegistry(String email, TenantRole role, Locale locale, String token, Instant expires, List<String> children) {
        TenantSettings sender = settings.current();
        String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(sender.timeZone()).format(expires);
        String body = role == TenantRole.GUARDIAN ? "invitation.guardian.mail.body" : "invitation.student.mail.body";
        outbox.send(new Mail(email, locale, Mail.text("invitation.registry.mail.subject", sender.displayName()),
                List.of(Mail.text(body, sender.displayName(), String.join(", ", children)),
                        Mail.text("invitation.mail.how"),
                        Mail.text("invitation.mail.expiry", email, until)),
                Mail.text(role == TenantRole.GUARDIAN ? "invitation.guardian.mail.action" : "invitation.mail.action"),
                address.base() + "/invitation/" + token));
    }

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        return new Invitation(rs.getObject("id", UUID.class), rs.getString("email"), TenantRole.valueOf(rs.getString("role")),
                Locale.of(rs.getString("locale")), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("accepted_at")).map(Timestamp::toInstant).orElse(null),
                Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant).orElse(null));
    }
}
