package eu.tutela.policy.catalogue;

import java.util.Set;

/**
 * What a section of a policy is about. Comparison uses it to tell a substantial change (one that
 * requires people to accept the policy again) from a minor one.
 */
public enum Topic {
    GENERAL, CONTROLLER, DATA, PURPOSES, RECIPIENTS, TRANSFERS, RETENTION, SECURITY, RIGHTS, MINORS,
    CONTACT, UPDATES, AUTHORITY;

    /** Purposes, recipients, data categories, transfers and rights: a change here calls for re-acceptance. */
    public static final Set<Topic> SUBSTANTIAL = Set.of(DATA, PURPOSES, RECIPIENTS, TRANSFERS, RIGHTS);

    public boolean substantial() {
        return SUBSTANTIAL.contains(this);
    }
}
