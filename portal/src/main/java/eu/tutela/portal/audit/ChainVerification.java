package eu.tutela.portal.audit;

/**
 * The outcome of re-computing a tenant's chain: intact, or the first entry where it breaks and how.
 *
 * @param checked how many entries were read
 * @param firstBrokenSeq the sequence number of the first broken link; 0 when intact
 */
public record ChainVerification(long checked, long firstBrokenSeq, Break reason) {

    public enum Break {
        /** The entry's content no longer gives its stored hash: it was changed. */
        CONTENT,
        /** The entry does not name its predecessor's hash: an entry before it was changed, removed or inserted. */
        LINK,
        /** A sequence number is missing: an entry was removed. */
        GAP
    }

    public boolean intact() {
        return firstBrokenSeq == 0;
    }

    static ChainVerification intact(long checked) {
        return new ChainVerification(checked, 0, null);
    }
}
