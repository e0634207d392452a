package de.ticketwerk.ticket.api;

import java.time.Instant;
import java.util.UUID;

/**
 * R-S2: the first response is due by {@code respondBy}, {@code responseHours} service hours after the opening in the
 * calendar of {@code contractId}. A ticket opened without a promise (no contract makes one) carries null.
 */
public record ResponsePromise(UUID contractId, int responseHours, Instant respondBy) {
}
