package eu.tutela.portal.privacy;

import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One category of a subject's records and what erasing the subject does to it: how many records it concerns (the
 * preview), and the change itself (none for what a legal hold keeps, whose reason is the message {@code holdKey}).
 * The preview and the erasure read the same steps, so what the DPO is shown is what is done.
 */
public record ErasureStep(String category, ErasureOutcome outcome, String holdKey, LongSupplier count, Runnable action) {

    public ErasureStep {
        if ((outcome == ErasureOutcome.KEPT) != (holdKey != null)) {
            throw new IllegalArgumentException("A kept category, and only a kept one, names its legal hold");
        }
    }

    /** Records that one statement erases or anonymises; {@code countSql} counts those it will change, with the same parameters. */
    public static ErasureStep change(JdbcClient jdbc, String category, ErasureOutcome outcome, String countSql, String actionSql,
            Object... params) {
        return new ErasureStep(category, outcome, null, () -> jdbc.sql(countSql).params(params).query(Long.class).single(),
                () -> jdbc.sql(actionSql).params(params).update());
    }

    /** Records a legal hold keeps, counted for the preview. */
    public static ErasureStep held(JdbcClient jdbc, String category, String holdKey, String countSql, Object... params) {
        return new ErasureStep(category, ErasureOutcome.KEPT, holdKey, () -> jdbc.sql(countSql).params(params).query(Long.class).single(),
                () -> { });
    }
}
