package de.ticketwerk.ticket.api;

public enum TicketStatus {
    NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_CUSTOMER, RESOLVED, CLOSED
}
