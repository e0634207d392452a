package de.ticketwerk.customer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public final class CustomerCommands {

    private CustomerCommands() {
    }

    public record RegisterCustomer(UUID customerId, CustomerDetails details, String actor, Instant at) {
    }

    public record UpdateCustomer(@TargetAggregateIdentifier UUID customerId, CustomerDetails details, String actor,
                                 Instant at) {
    }
}
