package de.ticketwerk.ticket.api;

public enum Channel {
    PORTAL, EMAIL, PHONE, MONITORING, SCHEDULED
}
