package de.ticketwerk.app.ticket;

import de.ticketwerk.app.registry.ContractRegistry;
import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.calendar.ResponseDeadline;
import de.ticketwerk.calendar.ServiceCalendar;
import de.ticketwerk.projections.ticket.TicketQueries;
import de.ticketwerk.projections.ticket.TicketViews.OpenDeadline;
import de.ticketwerk.projections.ticket.TicketViews.TicketSummary;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** R-S2: the tickets whose first response is due within a number of service hours, each in its contract's calendar. */
@Component
class AtRiskTickets {

    private final TicketQueries queries;
    private final ContractRegistry contracts;
    private final PublicHolidays holidays;
    private final Clock clock;

    AtRiskTickets(TicketQueries queries, ContractRegistry contracts, PublicHolidays holidays, Clock clock) {
        this.queries = queries;
        this.contracts = contracts;
        this.holidays = holidays;
        this.clock = clock;
    }

    List<TicketSummary> dueWithin(int serviceHours) {
        Instant now = clock.instant();
        Map<UUID, Optional<ServiceCalendar>> calendars = new HashMap<>();
        return queries.openDeadlines().stream()
                .filter(open -> calendars.computeIfAbsent(open.contractId(), this::calendarOf)
                        .map(calendar -> ResponseDeadline.dueWithin(open.ticket().respondBy(), now, serviceHours,
                                calendar))
                        .orElse(true))
                .map(OpenDeadline::ticket)
                .toList();
    }

    private Optional<ServiceCalendar> calendarOf(UUID contractId) {
        return contracts.serviceTimes(contractId).map(times -> times.calendar(holidays));
    }
}
