package de.ticketwerk.ticket.api;

import de.ticketwerk.rules.RuleViolation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a technician records about one piece of work (R-E1, R-E2). The checks here hold for every
 * entry whenever it is read; the checks that depend on the ticket or on "now" live in the aggregate.
 */
public record TimeEntryDetails(
        Instant start,
        Instant end,
        Role role,
        WorkMode mode,
        String description,
        boolean billable,
        String nonBillableReason,
        boolean emergency,
        String technician) {

    public static final long MAX_MINUTES = 24 * 60;

    public TimeEntryDetails {
        Objects.requireNonNull(start, "start is required");
        Objects.requireNonNull(end, "end is required");
        Objects.requireNonNull(role, "role is required");
        Objects.requireNonNull(mode, "mode is required");
        Objects.requireNonNull(technician, "technician is required");
        if (!isWholeMinute(start) || !isWholeMinute(end)) {
            throw new RuleViolation("R-E1", "start and end must be whole minutes (no seconds)");
        }
        if (!end.isAfter(start)) {
            throw new RuleViolation("R-E4", "end must be after start");
        }
        if (Duration.between(start, end).toMinutes() > MAX_MINUTES) {
            throw new RuleViolation("R-E4", "a time entry may not be longer than 24 h");
        }
        if (!billable && isBlank(nonBillableReason)) {
            throw new RuleViolation("R-E2", "non-billable work needs a reason");
        }
        if (billable) {
            nonBillableReason = null;
        }
    }

    /** Work belongs to the day it starts on, in the zone of the contract that prices it. */
    public LocalDate workDate(ZoneId zone) {
        return LocalDate.ofInstant(start, zone);
    }

    /** Elapsed minutes; across a DST switch these are real minutes. */
    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }

    private static boolean isWholeMinute(Instant instant) {
        return instant.getEpochSecond() % 60 == 0 && instant.getNano() == 0;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
