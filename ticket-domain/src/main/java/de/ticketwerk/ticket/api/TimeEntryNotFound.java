package de.ticketwerk.ticket.api;

import java.util.UUID;

public class TimeEntryNotFound extends RuntimeException {

    public TimeEntryNotFound(UUID ticketId, UUID entryId) {
        super("ticket " + ticketId + " has no time entry " + entryId);
    }
}
