package eu.tutela.portal.privacy;

import java.util.List;
import java.util.Set;

/**
 * One kind of personal data a module stores, for the records of processing (GDPR Art. 30) and the summary of an
 * access archive (Art. 15(1)): its name, what it holds, purpose, retention and source are messages
 * ({@code privacy.category.<key>.name}, {@code .what}, {@code .purpose}, {@code .retention}, {@code .source}), and so are
 * its recipients, so that each reads in French and English; {@code tables} are where it is stored (the catalog test checks every table is someone's).
 */
public record DataCategory(String key, LawfulBasis basis, Set<String> tables, List<String> recipientKeys) {

    public DataCategory {
        tables = Set.copyOf(tables);
        recipientKeys = List.copyOf(recipientKeys);
    }
}
