package eu.tutela.portal.support;

import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.Map;

/** What a service refused: the field-to-message problems of the {@link InvalidInputException} the work throws. */
public final class Refused {

    private Refused() {
    }

    /** @throws AssertionError when the work is not refused */
    public static Map<String, String> problems(Runnable work) {
        try {
            work.run();
        } catch (InvalidInputException refused) {
            return refused.problems();
        }
        throw new AssertionError("Expected the input to be refused");
    }
}
