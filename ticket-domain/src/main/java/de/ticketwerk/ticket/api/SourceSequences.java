package de.ticketwerk.ticket.api;

/**
 * R-E3: each ticket event changes what follows from a time entry (its pricing, its quota use) once. An effect records
 * the sequence number of the ticket event that caused it; a correction reverses the effect and records anew under the
 * same number.
 */
public final class SourceSequences {

    private SourceSequences() {
    }

    /** Event {@code sequence} is handled when an effect of it, or of a later event, is recorded. */
    public static boolean handled(Long lastRecorded, long sequence) {
        return lastRecorded != null && lastRecorded >= sequence;
    }

    /** Event {@code sequence} may record its effect once, after its own reversal of an earlier one. */
    public static boolean mayRecord(Long lastRecorded, boolean active, long sequence) {
        return !handled(lastRecorded, sequence) || (lastRecorded == sequence && !active);
    }

    public static boolean mayReverse(Long lastRecorded, boolean active, long sequence) {
        return active && !handled(lastRecorded, sequence);
    }
}
