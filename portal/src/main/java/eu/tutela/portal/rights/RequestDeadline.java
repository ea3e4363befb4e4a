package eu.tutela.portal.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * When a rights request must be answered, the one place that computes it (GDPR Art. 12(3); shared/reference/
 * gdpr-facts.md, "Deadlines"): within one calendar month of receipt, extendable by at most two further months where
 * necessary, the requester being told of the extension, with its reasons, within the first month.
 *
 * <p>Counted in the institution's time zone as Regulation (EEC, Euratom) No 1182/71 counts periods (Art. 3(1) and 3(2)(c)):
 * the day of receipt is not counted, and the period ends at the end of the day of the last month with the same date as
 * the day of receipt, or of that month's last day when it has none: received on 31 January, due on 28 February (29 in a
 * leap year). The same regulation's moving of a period that ends on a holiday or a weekend to the next working day
 * (Art. 3(4)) is not applied: holidays differ by country and region, and answering earlier is always lawful.
 */
public record RequestDeadline(LocalDate receivedOn, LocalDate firstDue, LocalDate due, int extensionMonths) {

    /** At most two further months (Art. 12(3)). */
    public static final int MAX_EXTENSION_MONTHS = 2;
    /** Days left at which the queue and the alerts call a request near its due date. */
    public static final int NEAR_DAYS = 7;

    public enum Urgency { ON_TIME, NEAR, DUE_TODAY, OVERDUE }

    /** The deadline of a request received at {@code receivedAt}, not extended. */
    public static RequestDeadline of(Instant receivedAt, ZoneId zone) {
        LocalDate received = receivedAt.atZone(zone).toLocalDate();
        LocalDate due = received.plusMonths(1);
        return new RequestDeadline(received, due, due, 0);
    }

    /**
     * The deadline extended by {@code months} further months, counted from receipt (received 31 January, extended by
     * two: due 30 April). The extension may be decided on any day up to the first due date included.
     *
     * @throws IllegalArgumentException when {@code months} is not 1 or 2, or when it would shorten an extension given
     */
    public RequestDeadline extendedBy(int months) {
        if (months < 1 || months > MAX_EXTENSION_MONTHS || months < extensionMonths) {
            throw new IllegalArgumentException("An extension is of one or two further months, never shorter than one given: " + months);
        }
        return new RequestDeadline(receivedOn, firstDue, receivedOn.plusMonths(1 + months), months);
    }

    /** Whether the notice of an extension may still go out on {@code today}: within the first month, its last day included. */
    public boolean extensionStillPossible(LocalDate today) {
        return !today.isAfter(firstDue);
    }

    /** Days from {@code today} to the due date: 0 on the day itself, negative once it passed. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, due);
    }

    public Urgency urgency(LocalDate today) {
        long left = daysLeft(today);
        if (left < 0) {
            return Urgency.OVERDUE;
        }
        if (left == 0) {
            return Urgency.DUE_TODAY;
        }
        return left <= NEAR_DAYS ? Urgency.NEAR : Urgency.ON_TIME;
    }
}
