package eu.tutela.policy.catalogue;

import eu.tutela.policy.LawfulBasis;

import java.util.Map;

/**
 * A purpose's lawful basis as the catalogue declares it: one letter, or one letter per option of an
 * alternative clause (a public school's schooling is a public task, a private school's a contract).
 */
public sealed interface PurposeBasis {

    /** The basis for a tenant's clause choices (clause id → chosen option, every clause present). */
    LawfulBasis resolve(Map<String, String> clauseChoices);

    record Fixed(LawfulBasis basis) implements PurposeBasis {
        @Override
        public LawfulBasis resolve(Map<String, String> clauseChoices) {
            return basis;
        }
    }

    /** {@code byOption} covers every option of {@code clause}: loading checks it. */
    record ByClause(String clause, Map<String, LawfulBasis> byOption) implements PurposeBasis {

        public ByClause {
            byOption = Map.copyOf(byOption);
        }

        @Override
        public LawfulBasis resolve(Map<String, String> clauseChoices) {
            LawfulBasis basis = byOption.get(clauseChoices.get(clause));
            if (basis == null) {
                throw new IllegalArgumentException("Clause " + clause + " has no option " + clauseChoices.get(clause));
            }
            return basis;
        }
    }
}
