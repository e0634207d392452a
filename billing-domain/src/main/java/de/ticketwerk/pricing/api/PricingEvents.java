package de.ticketwerk.pricing.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The priced result of time entries. {@code pricedBy} is the aggregate that decided: the contract, or the customer
 * for work without a contract ({@code contractId} is then null).
 */
public final class PricingEvents {

    private PricingEvents() {
    }

    /** {@code nonBillableReason}: why the entry is not billable (R-E2); null for billable work. */
    public record TimeEntryPriced(UUID pricedBy, UUID contractId, UUID customerId, UUID ticketId, UUID entryId,
                                  long sourceSequence, PricedEntry pricing, String nonBillableReason, String actor,
                                  Instant at) {
    }

    /** One surcharge band of a priced entry (R-H2…R-H4), for reports that list surcharges. */
    public record SurchargeApplied(UUID pricedBy, UUID contractId, UUID customerId, UUID ticketId, UUID entryId,
                                   long sourceSequence, Settlement settlement, SurchargeBand surcharge, String actor,
                                   Instant at) {
    }

    /** Takes back the whole effect of {@code reversed}, after a correction or a void (R-E3). */
    public record TimeEntryPricingReversed(UUID pricedBy, UUID contractId, UUID customerId, UUID ticketId,
                                           UUID entryId, long sourceSequence, PricedEntry reversed, String reason,
                                           String actor, Instant at) {
    }
}
