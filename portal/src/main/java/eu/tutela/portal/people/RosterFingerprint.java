package eu.tutela.portal.people;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The fingerprint of a roster row as read: every value that makes what an import writes of the person, each written
 * with its length (so no two rows give the same input), hashed with SHA-256 and cut to 16 bytes. Equal fingerprints
 * mean the row says exactly what it said when the import stored the fingerprint; the registry forgets a person's
 * fingerprint whenever anything else changes them (V31's triggers).
 */
final class RosterFingerprint {

    /**
     * The reading and checking rules' version, the first value of every fingerprint: raise it when a change to the
     * readers or to {@link PersonRules} could write a row differently, and every row is compared again once.
     */
    static final int RULES = 1;

    static final int BYTES = 16;

    private final MessageDigest sha;
    /** The row's values as hashed, gathered first: one digest update per row costs far less than one per value. */
    private final ByteBuffer row = ByteBuffer.allocate(1 << 12);

    RosterFingerprint() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
        add(RULES);
    }

    RosterFingerprint add(Object value) {
        if (value == null) {
            room(4).putInt(-1);
            return this;
        }
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        room(4).putInt(bytes.length);
        if (bytes.length > row.remaining()) {
            sha.update(row.flip());
            row.clear();
            sha.update(bytes);
        } else {
            row.put(bytes);
        }
        return this;
    }

    /** The fingerprint; the instance starts again for the next row. */
    byte[] done() {
        sha.update(row.flip());
        row.clear();
        byte[] fingerprint = Arrays.copyOf(sha.digest(), BYTES);
        add(RULES);
        return fingerprint;
    }

    private ByteBuffer room(int bytes) {
        if (row.remaining() < bytes) {
            sha.update(row.flip());
            row.clear();
        }
        return row;
    }
}
