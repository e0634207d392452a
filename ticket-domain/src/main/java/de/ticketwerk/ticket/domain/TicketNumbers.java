package de.ticketwerk.ticket.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * R-S1: the next number of the year's series ({@code T2026-000123}), taken in the unit of work that opens the ticket,
 * so that an open that fails takes none and the series has no gaps.
 */
public interface TicketNumbers {

    String take(UUID ticketId, Instant at);
}
