package de.ticketwerk.pricing.domain;

import java.util.Optional;
import java.util.UUID;

/** Where each time entry was last priced or reversed, as the write side knows it (never behind). */
public interface PricedEntries {

    Optional<EntryPricingState> find(UUID entryId);

    /** {@code pricedBy} is a contract, or the customer when {@code byContract} is false. */
    record EntryPricingState(UUID pricedBy, boolean byContract, long sourceSequence, boolean active) {
    }
}
