package de.ticketwerk.projections.pricing;

import de.ticketwerk.pricing.api.PricedEntry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a time entry is priced now ({@code current} is null once voided) and every pricing and reversal that led
 * there, in order.
 */
public record EntryPricingView(UUID entryId, UUID ticketId, UUID customerId, UUID contractId, String status,
                               PricedEntry current, List<Step> history) {

    public record Step(String action, UUID pricedBy, UUID contractId, long sourceSequence, String reason,
                       PricedEntry pricing, String recordedBy, Instant recordedAt) {
    }
}
