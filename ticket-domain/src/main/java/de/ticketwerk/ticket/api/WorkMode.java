package de.ticketwerk.ticket.api;

public enum WorkMode {
    REMOTE, ONSITE
}
