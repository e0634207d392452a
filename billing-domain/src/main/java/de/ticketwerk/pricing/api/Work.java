package de.ticketwerk.pricing.api;

import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.TimeEntryDetails;

import java.util.Objects;

/** What pricing needs to know about one piece of work: the ticket's kind and service item, and the entry. */
public record Work(TicketKind kind, ServiceItem serviceItem, TimeEntryDetails entry) {

    public Work {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(serviceItem, "serviceItem is required");
        Objects.requireNonNull(entry, "entry is required");
    }
}
