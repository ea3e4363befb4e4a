package eu.tutela.portal.communication;

import eu.tutela.portal.consent.Channel;
import eu.tutela.portal.consent.ChannelPreferences;
import eu.tutela.portal.consent.ConsentPurpose;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.security.LinkToken;
import eu.tutela.portal.security.SystemWork;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The unsubscribe link at the foot of each message of a mailing (and in its {@code List-Unsubscribe} header, RFC 8058):
 * whoever holds it stops the e-mails of that message's topic (information or news) to the person it was sent to, with
 * no sign-in. It changes that person's channel preference, never a consent decision: stopping mail is always safe to
 * grant, so a pupil may stop mail to themself while their guardians' consent stays as it was. The person turns the
 * e-mails back on from "My privacy"; the link, used again, stops them again.
 */
@Service
public class Unsubscriptions {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TenantDirectory tenants;
    private final TenantSettingsService settings;
    private final ConsentPurposes purposes;
    private final ChannelPreferences channels;

    Unsubscriptions(JdbcClient jdbc, TransactionTemplate transactions, TenantDirectory tenants, TenantSettingsService settings,
            ConsentPurposes purposes, ChannelPreferences channels) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenants = tenants;
        this.settings = settings;
        this.purposes = purposes;
        this.channels = channels;
    }

    /** What the link is for, changing nothing (a mail scanner following it stops nothing). */
    public UnsubscribeLink follow(String token) {
        return in(token, false);
    }

    /** Stops the e-mails the link is for (idempotent). */
    public UnsubscribeLink stop(String token) {
        return in(token, true);
    }

    private record Recipient(UUID personId, String purposeCode, boolean stopped) {
    }

    private UnsubscribeLink in(String token, boolean stop) {
        if (!LinkToken.wellFormed(token)) {
            return UnsubscribeLink.unusable(UnsubscribeLink.State.UNKNOWN);
        }
        String hash = LinkToken.hash(token);
        UUID tenant = transactions.execute(s -> jdbc.sql("select unsubscribe_tenant(?)").param(hash).query(UUID.class).optional().orElse(null));
        if (tenant == null) {
            return UnsubscribeLink.unusable(UnsubscribeLink.State.UNKNOWN);
        }
        Optional<TenantSettings> sender = settings.publicSettings(tenant);
        if (sender.isEmpty()) {
            return UnsubscribeLink.unusable(tenants.isSuspended(tenant) ? UnsubscribeLink.State.UNAVAILABLE : UnsubscribeLink.State.UNKNOWN);
        }
        return SystemWork.call(() -> TenantContext.callAs(tenant, () -> transactions.execute(s -> {
            Recipient recipient = jdbc.sql("""
                            select r.person_id, m.purpose_code, r.unsubscribed_at is not null
                              from mailing_recipient r join mailing m on m.tenant_id = r.tenant_id and m.id = r.mailing_id
                             where r.unsubscribe_hash = ?""")
                    .param(hash).query((rs, n) -> new Recipient(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)))
                    .single();
            Optional<ConsentPurpose> purpose = purposes.all().stream().filter(p -> p.code().equals(recipient.purposeCode())).findFirst();
            if (purpose.isEmpty()) {
                return UnsubscribeLink.unusable(UnsubscribeLink.State.UNKNOWN);
            }
            if (stop) {
                // Applied again on each use: e-mails turned back on since then are stopped again, as the person asks now.
                channels.stop(recipient.personId(), purpose.get().topic(), Channel.EMAIL);
                jdbc.sql("update mailing_recipient set unsubscribed_at = now() where unsubscribe_hash = ? and unsubscribed_at is null")
                        .param(hash).update();
            }
            return new UnsubscribeLink(UnsubscribeLink.State.VALID, sender.get().displayName(), purpose.get(), stop || recipient.stopped());
        })));
    }
}
