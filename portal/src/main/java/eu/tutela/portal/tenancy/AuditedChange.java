package eu.tutela.portal.tenancy;

import java.util.Map;
import java.util.Objects;

/**
 * A change (or a read of a whole person's record) that the audit trail must record: published by the
 * module that made it, in the transaction that made it, and appended to the tenant's trail in that
 * same transaction, so that no change commits without its entry. The tenant and the person acting
 * are those of the transaction. {@code before} and {@code after} summarise the change and never hold
 * a secret (a password, a token, an invitation link).
 *
 * <p>It lives in tenancy, the module every other one already depends on, so that the audit module can
 * listen to every module without any of them depending on it.
 */
public record AuditedChange(String action, String subjectType, String subjectId, String subjectLabel,
        Map<String, ?> before, Map<String, ?> after) {

    public AuditedChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }

    public static AuditedChange of(String action, String subjectType, Object subjectId, String subjectLabel,
            Map<String, ?> before, Map<String, ?> after) {
        return new AuditedChange(action, subjectType, subjectId == null ? null : subjectId.toString(), subjectLabel, before, after);
    }
}
