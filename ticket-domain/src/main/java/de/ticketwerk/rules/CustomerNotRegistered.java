package de.ticketwerk.rules;

import java.util.UUID;

/** Tickets and contracts must name a registered customer. */
public class CustomerNotRegistered extends RuleViolation {

    public CustomerNotRegistered(UUID customerId) {
        super("registered-customer", "customer " + customerId + " is not registered");
    }
}
