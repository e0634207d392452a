package de.ticketwerk.projections;

import java.util.Objects;
import java.util.UUID;

/**
 * What a caller may read (R-A3): everything, or one customer's rows. Every read path that a customer's people
 * reach takes it and puts it into its query, so that no row of another customer is ever loaded.
 *
 * @param customerId the only customer visible, or null for all
 * @param internal   whether internal comments are visible
 */
public record Scope(UUID customerId, boolean internal) {

    public static final Scope ALL = new Scope(null, true);

    public static Scope customer(UUID customerId) {
        return new Scope(Objects.requireNonNull(customerId, "a customer's scope names the customer"), false);
    }

    public boolean all() {
        return customerId == null;
    }
}
