package de.ticketwerk.ports;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where each time entry was last priced or reversed, as the write side knows it (never behind). An implementation may
 * read ahead for a processor's batch; the events of the batch reach it only when the batch commits, so the batch tells
 * it what it {@link #decided}.
 */
public interface PricedEntries {

    /** The entries' pricing states; an entry that was never priced is absent. */
    Map<UUID, EntryPricingState> find(Collection<UUID> entryIds);

    default Optional<EntryPricingState> find(UUID entryId) {
        return Optional.ofNullable(find(List.of(entryId)).get(entryId));
    }

    /** The caller just priced or reversed the entry; its next {@link #find} must see that. */
    default void decided(UUID entryId, EntryPricingState state) {
    }

    /** {@code pricedBy} is a contract, or the customer when {@code byContract} is false. */
    record EntryPricingState(UUID pricedBy, boolean byContract, long sourceSequence, boolean active) {
    }
}
