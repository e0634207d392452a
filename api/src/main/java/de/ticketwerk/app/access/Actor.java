package de.ticketwerk.app.access;

import de.ticketwerk.projections.Scope;

import java.util.Set;
import java.util.UUID;

/**
 * Who acts: the authenticated user or client of the request's token (R-A1), never a header or a field. Every event
 * records its name. A controller takes it as a parameter of this type ({@link ActorArgumentResolver}).
 *
 * @param customerId the customer of a customer person, else null
 */
public record Actor(String name, Set<AccessRole> roles, UUID customerId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(AccessRole role) {
        return roles.contains(role);
    }

    /** A customer's person sees only that customer (R-A3), whatever other roles the token names. */
    public boolean customerPerson() {
        return customerId != null || roles.stream().anyMatch(AccessRole::ofCustomer);
    }

    public Scope scope() {
        return customerPerson() ? Scope.customer(customerId) : Scope.ALL;
    }
}
