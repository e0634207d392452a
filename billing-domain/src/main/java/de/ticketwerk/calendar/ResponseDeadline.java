package de.ticketwerk.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** R-C5: a response is due once the level's response time has passed in service hours. */
public final class ResponseDeadline {

    private static final long SEARCH_LIMIT_MINUTES = 366L * 24 * 60;

    private ResponseDeadline() {
    }

    public static Instant respondBy(Instant opened, int responseHours, ServiceCalendar calendar) {
        long remaining = responseHours * 60L;
        Instant minute = opened.truncatedTo(ChronoUnit.MINUTES);
        for (long searched = 0; remaining > 0; searched++) {
            if (searched > SEARCH_LIMIT_MINUTES) {
                throw new IllegalArgumentException("the calendar has no service hours within a year of " + opened);
            }
            if (calendar.isInServiceHours(LocalDateTime.ofInstant(minute, calendar.zone()))) {
                remaining--;
            }
            minute = minute.plus(1, ChronoUnit.MINUTES);
        }
        return minute;
    }

    /** R-S2: a response due by {@code respondBy} is at risk when at most {@code hours} service hours are left. */
    public static boolean dueWithin(Instant respondBy, Instant now, int hours, ServiceCalendar calendar) {
        return !respondBy.isAfter(respondBy(now, hours, calendar));
    }
}
