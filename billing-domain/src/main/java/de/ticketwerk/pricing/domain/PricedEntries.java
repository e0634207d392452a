package de.ticketwerk.pricing.domain;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Where each time entry was last priced or reversed, as the write side knows it (never behind). */
public interface PricedEntries {

    /** The entries' pricing states; an entry that was never priced is absent. */
    Map<UUID, EntryPricingState> find(Collection<UUID> entryIds);

    /** {@code pricedBy} is a contract, or the customer when {@code byContract} is false. */
    record EntryPricingState(UUID pricedBy, boolean byContract, long sourceSequence, boolean active) {
    }
}
