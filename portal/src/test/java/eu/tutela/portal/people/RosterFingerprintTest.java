package eu.tutela.portal.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RosterFingerprintTest {

    private final RosterFingerprint fingerprint = new RosterFingerprint();

    @Test
    void theSameValuesGiveTheSameFingerprintRowAfterRow() {
        byte[] first = fingerprint.add("s-1").add(PersonKind.STUDENT).add("Hélène").add(null).done();
        byte[] second = fingerprint.add("s-1").add(PersonKind.STUDENT).add("Hélène").add(null).done();
        assertThat(first).hasSize(RosterFingerprint.BYTES).isEqualTo(second);
        assertThat(new RosterFingerprint().add("s-1").add(PersonKind.STUDENT).add("Hélène").add(null).done()).isEqualTo(first);
    }

    @Test
    void valuesAreNeverRunTogether() {
        byte[] ab = fingerprint.add("ab").add("c").done();
        assertThat(fingerprint.add("a").add("bc").done()).isNotEqualTo(ab);
        assertThat(fingerprint.add("abc").done()).isNotEqualTo(ab);
        assertThat(fingerprint.add(null).done()).as("no value is not an empty one").isNotEqualTo(fingerprint.add("").done());
        assertThat(fingerprint.add("Helene").done()).isNotEqualTo(fingerprint.add("Hélène").done());
    }

    @Test
    void aValueLongerThanTheBufferCountsWhole() {
        String longName = "x".repeat(10_000);
        byte[] once = fingerprint.add("s-1").add(longName).add("end").done();
        assertThat(fingerprint.add("s-1").add(longName).add("end").done()).isEqualTo(once);
        assertThat(fingerprint.add("s-1").add(longName + "y").add("end").done()).isNotEqualTo(once);
        assertThat(fingerprint.add("s-1").add(longName).add("End").done()).isNotEqualTo(once);
    }
}
