package de.ticketwerk.ticket.api;

import de.ticketwerk.ticket.api.TicketEvents.TimeEntryCorrected;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryVoided;
import de.ticketwerk.ticket.api.TicketEvents.TimeLogged;

import java.util.UUID;

/** The events that change a time entry; each is a ticket event, so its sequence number orders them (R-E3). */
public sealed interface TimeEntryEvent permits TimeLogged, TimeEntryCorrected, TimeEntryVoided {

    UUID entryId();

    UUID customerId();
}
