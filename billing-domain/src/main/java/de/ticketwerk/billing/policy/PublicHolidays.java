package de.ticketwerk.billing.policy;

import de.ticketwerk.customer.api.FederalState;

import java.time.LocalDate;

public interface PublicHolidays {

    boolean isPublicHoliday(LocalDate date, FederalState state);
}
