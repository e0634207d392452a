package de.ticketwerk.ticket.api;

public enum Role {
    TECHNICIAN, SYSTEM_ENGINEER, CONSULTANT, ARCHITECT
}
