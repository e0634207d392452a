package de.ticketwerk.projections.customer;

import de.ticketwerk.customer.api.CustomerDetails;

import java.time.Instant;
import java.util.UUID;

public record CustomerView(UUID customerId, CustomerDetails details, String registeredBy, Instant registeredAt,
                           String updatedBy, Instant updatedAt) {
}
