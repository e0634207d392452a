package de.ticketwerk.calendar;

import java.time.LocalDate;

public interface PublicHolidays {

    boolean isPublicHoliday(LocalDate date, FederalState state);
}
