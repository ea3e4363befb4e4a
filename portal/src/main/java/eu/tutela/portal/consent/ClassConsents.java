package eu.tutela.portal.consent;

import java.util.List;

/**
 * Where the consents of one class's minors stand ({@code className} null for pupils without a class): for each purpose
 * that needs consent, how many pupils it is allowed for, refused for (a guardian refused or withdrew), still awaiting a
 * guardian's answer, and without any guardian who could answer (someone must find one).
 */
public record ClassConsents(String className, int pupils, List<Counts> purposes) {

    public ClassConsents {
        purposes = List.copyOf(purposes);
    }

    public record Counts(ConsentPurpose purpose, int allowed, int refused, int awaiting, int withoutGuardian) {
    }
}
