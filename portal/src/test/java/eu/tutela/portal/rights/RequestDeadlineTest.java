package eu.tutela.portal.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One calendar month in the institution's time zone, month ends and leap years, and the extension's rules. */
class RequestDeadlineTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest(name = "received {0} (Paris) -> due {1}")
    @CsvSource({
            "2026-01-15T10:00:00Z, 2026-02-15",
            "2026-01-31T10:00:00Z, 2026-02-28",
            "2028-01-31T10:00:00Z, 2028-02-29",
            "2028-01-29T10:00:00Z, 2028-02-29",
            "2027-01-30T10:00:00Z, 2027-02-28",
            "2026-03-31T10:00:00Z, 2026-04-30",
            "2026-12-31T10:00:00Z, 2027-01-31",
            "2028-02-29T10:00:00Z, 2028-03-29",
            "2026-02-28T10:00:00Z, 2026-03-28",
            // 23:30 UTC on 31 January is already 1 February in Paris: the tenant's day counts, not the server's.
            "2026-01-31T23:30:00Z, 2026-03-01",
            // The last hour before midnight in Paris, summer time.
            "2026-06-30T21:59:59Z, 2026-07-30",
            "2026-06-30T22:00:00Z, 2026-08-01",
    })
    void dueOneCalendarMonthAfterReceiptInTheTenantsTimeZone(Instant received, LocalDate due) {
        RequestDeadline deadline = RequestDeadline.of(received, PARIS);
        assertThat(deadline.due()).isEqualTo(due);
        assertThat(deadline.firstDue()).isEqualTo(due);
        assertThat(deadline.extensionMonths()).isZero();
    }

    @Test
    void theSameInstantIsAnotherDayElsewhere() {
        Instant received = Instant.parse("2026-01-31T23:30:00Z");
        assertThat(RequestDeadline.of(received, ZoneId.of("Europe/Lisbon")).due()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(RequestDeadline.of(received, PARIS).due()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @ParameterizedTest(name = "received {0}, extended by {1} -> due {2}")
    @CsvSource({
            "2026-01-31T10:00:00Z, 1, 2026-03-31",
            "2026-01-31T10:00:00Z, 2, 2026-04-30",
            "2027-11-30T10:00:00Z, 2, 2028-02-29",
            "2026-12-31T10:00:00Z, 2, 2027-03-31",
            "2026-11-30T10:00:00Z, 2, 2027-02-28",
    })
    void anExtensionCountsFromReceiptNotFromTheFirstDueDate(Instant received, int months, LocalDate due) {
        RequestDeadline extended = RequestDeadline.of(received, PARIS).extendedBy(months);
        assertThat(extended.due()).isEqualTo(due);
        assertThat(extended.extensionMonths()).isEqualTo(months);
        assertThat(extended.firstDue()).isEqualTo(RequestDeadline.of(received, PARIS).due());
    }

    @Test
    void atMostTwoFurtherMonthsAndNeverShorterThanAnExtensionGiven() {
        RequestDeadline deadline = RequestDeadline.of(Instant.parse("2026-03-10T09:00:00Z"), PARIS);
        assertThatThrownBy(() -> deadline.extendedBy(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deadline.extendedBy(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deadline.extendedBy(2).extendedBy(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(deadline.extendedBy(1).extendedBy(2).due()).isEqualTo(LocalDate.of(2026, 6, 10));
    }

    @Test
    void theExtensionNoticeMustGoOutWithinTheFirstMonth() {
        RequestDeadline deadline = RequestDeadline.of(Instant.parse("2026-01-31T10:00:00Z"), PARIS);
        assertThat(deadline.extensionStillPossible(LocalDate.of(2026, 2, 27))).isTrue();
        assertThat(deadline.extensionStillPossible(LocalDate.of(2026, 2, 28))).as("its last day included").isTrue();
        assertThat(deadline.extensionStillPossible(LocalDate.of(2026, 3, 1))).isFalse();
        assertThat(deadline.extendedBy(2).extensionStillPossible(LocalDate.of(2026, 3, 1)))
                .as("the first month, not the extended one").isFalse();
    }

    @Test
    void daysLeftAndUrgency() {
        RequestDeadline deadline = RequestDeadline.of(Instant.parse("2026-01-15T10:00:00Z"), PARIS);
        assertThat(deadline.daysLeft(LocalDate.of(2026, 1, 15))).isEqualTo(31);
        assertThat(deadline.urgency(LocalDate.of(2026, 2, 7))).isEqualTo(RequestDeadline.Urgency.ON_TIME);
        assertThat(deadline.urgency(LocalDate.of(2026, 2, 8))).isEqualTo(RequestDeadline.Urgency.NEAR);
        assertThat(deadline.urgency(LocalDate.of(2026, 2, 15))).isEqualTo(RequestDeadline.Urgency.DUE_TODAY);
        assertThat(deadline.daysLeft(LocalDate.of(2026, 2, 17))).isEqualTo(-2);
        assertThat(deadline.urgency(LocalDate.of(2026, 2, 16))).isEqualTo(RequestDeadline.Urgency.OVERDUE);
    }
}
