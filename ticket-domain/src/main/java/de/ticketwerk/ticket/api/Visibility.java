package de.ticketwerk.ticket.api;

public enum Visibility {
    PUBLIC, INTERNAL
}
