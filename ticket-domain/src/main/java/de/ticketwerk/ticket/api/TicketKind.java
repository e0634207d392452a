package de.ticketwerk.ticket.api;

public enum TicketKind {
    INCIDENT, SERVICE_REQUEST, MAINTENANCE, PROJECT
}
