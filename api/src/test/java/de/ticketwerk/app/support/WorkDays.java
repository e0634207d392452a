package de.ticketwerk.app.support;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.calendar.GermanPublicHolidays;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Quota work for tests: minutes spread over working days in NW, 09:00 onward, so no surcharge applies. */
public final class WorkDays {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final GermanPublicHolidays HOLIDAYS = new GermanPublicHolidays();

    public record Work(LocalDate day, long minutes) {
    }

    private WorkDays() {
    }

    /** Working days of a month from the 5th on; each takes up to 480 minutes. */
    public static List<Work> spread(int year, int month, long minutes) {
        List<Work> work = new ArrayList<>();
        LocalDate day = LocalDate.of(year, month, 5);
        while (minutes > 0) {
            if (day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()
                    && !HOLIDAYS.isPublicHoliday(day, FederalState.NW)) {
                long today = Math.min(480, minutes);
                work.add(new Work(day, today));
                minutes -= today;
            }
            day = day.plusDays(1);
        }
        return work;
    }

    public static void log(Http http, UUID ticket, Work work) {
        var start = work.day().atTime(LocalTime.of(9, 0)).atZone(BERLIN).toInstant();
        Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "REMOTE"}"""
                .formatted(start, start.plusSeconds(work.minutes() * 60)));
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
    }
}
