package de.ticketwerk.ticket.api;

public enum Priority {
    LOW, NORMAL, HIGH, EMERGENCY
}
