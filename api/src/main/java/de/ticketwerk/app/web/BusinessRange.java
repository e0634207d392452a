package de.ticketwerk.app.web;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The dates and instants the API takes: 2000-01-01 to 2099-12-31. Beyond them lies no business of an MSP, and
 * PostgreSQL's dates and the ledger's day-by-day arithmetic have no use for years like −4714 or 999999999.
 */
public final class BusinessRange {

    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
    static final Instant FIRST_INSTANT = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2100-01-01T00:00:00Z");
    static final String MESSAGE = "must lie between 2000-01-01 and 2099-12-31";

    private BusinessRange() {
    }

    static boolean contains(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END);
    }
}
