package eu.tutela.portal.privacy;

import java.util.List;
import java.util.Set;

/**
 * One line of the records of processing (GDPR Art. 30(1)), in one language: a category of personal data, the module
 * that stores it and where, why, on which basis, for how long, from where and to whom.
 */
public record ProcessingRecord(String module, String category, String name, String what, String purpose, String basis,
        String retention, String source, List<String> recipients, Set<String> tables) {
}
