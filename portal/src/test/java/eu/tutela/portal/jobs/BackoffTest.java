package eu.tutela.portal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void eachRetryWaitsTwiceAsLongUpToTheCeiling() {
        Backoff<Void> backoff = new Backoff<>(Duration.ofSeconds(5), Duration.ofMinutes(10));
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(backoff.delayAfter(8)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(10));
    }
}
