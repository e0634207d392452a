package de.ticketwerk.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** A contract's service hours (R-H1): its weekly windows, minus the public holidays of its federal state. */
public record ServiceCalendar(List<ServiceWindow> windows, FederalState holidayState, ZoneId zone,
                              PublicHolidays holidays) {

    public boolean isInServiceHours(LocalDateTime local) {
        return !isPublicHoliday(local.toLocalDate())
                && windows.stream().anyMatch(w -> w.contains(local.getDayOfWeek(), local.toLocalTime()));
    }

    public boolean isWeekendOrHoliday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || isPublicHoliday(date);
    }

    public boolean isPublicHoliday(LocalDate date) {
        return holidays.isPublicHoliday(date, holidayState);
    }
}
