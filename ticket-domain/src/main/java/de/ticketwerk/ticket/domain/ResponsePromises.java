package de.ticketwerk.ticket.domain;

import de.ticketwerk.ticket.api.ResponsePromise;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** R-S2: the response a customer's contracts in force promise for a ticket opened at {@code openedAt}, if any. */
public interface ResponsePromises {

    Optional<ResponsePromise> promise(UUID customerId, Instant openedAt);
}
