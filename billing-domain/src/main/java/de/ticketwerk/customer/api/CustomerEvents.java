package de.ticketwerk.customer.api;

import java.time.Instant;
import java.util.UUID;

public final class CustomerEvents {

    private CustomerEvents() {
    }

    public record CustomerRegistered(UUID customerId, CustomerDetails details, String actor, Instant at) {
    }

    /** The complete master data after the change. */
    public record CustomerUpdated(UUID customerId, CustomerDetails details, String actor, Instant at) {
    }
}
