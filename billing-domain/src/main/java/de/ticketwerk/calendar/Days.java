package de.ticketwerk.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business days are counted in a contract's zone: the day an instant falls on there. */
public final class Days {

    private Days() {
    }

    public static LocalDate dayOf(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** Whether {@code date} lies from {@code first} through {@code last}; a null {@code last} has no end. */
    public static boolean within(LocalDate date, LocalDate first, LocalDate last) {
        return !date.isBefore(first) && (last == null || !date.isAfter(last));
    }
}
