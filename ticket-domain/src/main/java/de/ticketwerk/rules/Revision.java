package de.ticketwerk.rules;

/**
 * The revision of an aggregate as its readers see it: how many of its events changed what they read. A change sent
 * for a revision that is no longer the aggregate's (HTTP If-Match with an ETag) is refused and changes nothing.
 */
public final class Revision {

    /** The command's metadata with the revision its sender read; absent, the change is unconditional. */
    public static final String EXPECTED = "expectedRevision";

    private Revision() {
    }

    public static void expect(Long expected, long current) {
        if (expected != null && expected != current) {
            throw new StaleRevision(expected, current);
        }
    }
}
