package de.ticketwerk.ports;

import de.ticketwerk.calendar.Days;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.ticket.api.ServiceItem;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/** When a contract is in force, and the little the pricing process needs to choose it. {@code endDate} may be null. */
public record ContractPeriod(UUID contractId, UUID customerId, ContractType type, ServiceLevel level,
                             LocalDate startDate, LocalDate endDate, String zone, Set<ServiceItem> coverage) {

    public boolean inForceOn(LocalDate date) {
        return Days.within(date, startDate, endDate);
    }

    public boolean overlaps(LocalDate otherStart, LocalDate otherEnd) {
        boolean startsBeforeOtherEnds = otherEnd == null || !startDate.isAfter(otherEnd);
        boolean otherStartsBeforeThisEnds = endDate == null || !otherStart.isAfter(endDate);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
