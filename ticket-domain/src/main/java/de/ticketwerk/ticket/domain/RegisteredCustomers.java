package de.ticketwerk.ticket.domain;

import java.util.UUID;

/** Which customers are registered; a ticket must name one. */
public interface RegisteredCustomers {

    boolean isRegistered(UUID customerId);
}
