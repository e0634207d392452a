package de.ticketwerk.pricing.domain;

import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.PricingEvents.SurchargeApplied;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPriced;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPricingReversed;
import de.ticketwerk.pricing.api.SurchargeBand;
import de.ticketwerk.ticket.api.SourceSequences;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The entries an aggregate has priced, for idempotency (by source sequence) and reversal. Used by the Contract and,
 * for work without a contract, by the Customer.
 */
public final class EntryPricings {

    private final Map<UUID, Long> lastSourceSequence = new HashMap<>();
    private final Map<UUID, PricedEntry> active = new HashMap<>();

    public boolean shouldPrice(UUID entryId, long sourceSequence) {
        return SourceSequences.mayRecord(lastSourceSequence.get(entryId), active.containsKey(entryId), sourceSequence);
    }

    public boolean shouldReverse(UUID entryId, long sourceSequence) {
        return SourceSequences.mayReverse(lastSourceSequence.get(entryId), active.containsKey(entryId),
                sourceSequence);
    }

    public Optional<PricedEntry> active(UUID entryId) {
        return Optional.ofNullable(active.get(entryId));
    }

    public static void emitPriced(UUID pricedBy, UUID contractId, UUID customerId, UUID ticketId, UUID entryId,
                                  long sourceSequence, PricedEntry pricing, String nonBillableReason,
                                  String actor, Instant at) {
        apply(new TimeEntryPriced(pricedBy, contractId, customerId, ticketId, entryId, sourceSequence, pricing,
                nonBillableReason, actor, at));
        for (SurchargeBand band : pricing.surcharges()) {
            apply(new SurchargeApplied(pricedBy, contractId, customerId, ticketId, entryId, sourceSequence,
                    pricing.settlement(), band, actor, at));
        }
    }

    public void on(TimeEntryPriced event) {
        lastSourceSequence.put(event.entryId(), event.sourceSequence());
        active.put(event.entryId(), event.pricing());
    }

    public void on(TimeEntryPricingReversed event) {
        lastSourceSequence.put(event.entryId(), event.sourceSequence());
        active.remove(event.entryId());
    }
}
