package de.ticketwerk.rules;

/** A change was sent for a revision the aggregate has left behind (see {@link Revision}). */
public class StaleRevision extends RuntimeException {

    public StaleRevision(long expected, long current) {
        super("the resource is at revision " + current + ", not " + expected + " as the request expects; read it "
                + "again and decide on what it says now");
    }
}
