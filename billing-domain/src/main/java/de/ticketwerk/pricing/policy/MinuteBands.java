package de.ticketwerk.pricing.policy;

import de.ticketwerk.calendar.ServiceCalendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * How an entry's elapsed minutes fall on the calendar (R-H2): in service hours; after hours on a weekday, split into
 * the entry's first {@code weekdayFirstMinutes} and the rest; outside service hours on a weekend day or public
 * holiday. Each real minute is classified by its local time, so entries across midnight and DST switches come out
 * right.
 */
public record MinuteBands(long inServiceHours, long weekdayAfterHoursFirst, long weekdayAfterHoursFurther,
                          long weekendOrHoliday) {

    public static MinuteBands split(Instant start, Instant end, ServiceCalendar calendar, int weekdayFirstMinutes) {
        long inHours = 0;
        long weekdayFirst = 0;
        long weekdayFurther = 0;
        long weekend = 0;
        for (Instant minute = start; minute.isBefore(end); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            LocalDateTime local = LocalDateTime.ofInstant(minute, calendar.zone());
            if (calendar.isInServiceHours(local)) {
                inHours++;
            } else if (calendar.isWeekendOrHoliday(local.toLocalDate())) {
                weekend++;
            } else if (weekdayFirst < weekdayFirstMinutes) {
                weekdayFirst++;
            } else {
                weekdayFurther++;
            }
        }
        return new MinuteBands(inHours, weekdayFirst, weekdayFurther, weekend);
    }

    public long outsideServiceHours() {
        return weekdayAfterHoursFirst + weekdayAfterHoursFurther + weekendOrHoliday;
    }
}
