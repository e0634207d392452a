package de.ticketwerk.app.registry;

import de.ticketwerk.ports.PricedEntries;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPriced;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPricingReversed;
import de.ticketwerk.projections.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where each time entry was last priced or reversed (table entry_pricing_registry); read ahead per batch. */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class EntryPricingRegistry implements PricedEntries {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final BatchReadAhead<EntryPricingState> readAhead = new BatchReadAhead<>(
            event -> Optional.of(event.entryId()), this::read);

    public EntryPricingRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc);
    }

    @Override
    public Map<UUID, EntryPricingState> find(Collection<UUID> entryIds) {
        return readAhead.find(entryIds);
    }

    @Override
    public void decided(UUID entryId, EntryPricingState state) {
        readAhead.written(entryId, state);
    }

    private Map<UUID, EntryPricingState> read(Collection<UUID> entryIds) {
        Map<UUID, EntryPricingState> found = new HashMap<>();
        jdbc.query(connection -> Registry.selectAny(connection, """
                SELECT entry_id, priced_by, by_contract, source_sequence, active
                FROM entry_pricing_registry WHERE entry_id = ANY (?)""", entryIds), rs -> {
            found.put(rs.getObject("entry_id", UUID.class), new EntryPricingState(
                    rs.getObject("priced_by", UUID.class), rs.getBoolean("by_contract"), rs.getLong("source_sequence"),
                    rs.getBoolean("active")));
        });
        return found;
    }

    @EventHandler
    void on(TimeEntryPriced e) {
        record(e.entryId(), new EntryPricingState(e.pricedBy(), e.contractId() != null, e.sourceSequence(), true));
    }

    @EventHandler
    void on(TimeEntryPricingReversed e) {
        record(e.entryId(), new EntryPricingState(e.pricedBy(), e.contractId() != null, e.sourceSequence(), false));
    }

    /** Written in one batch when the unit of work that published the events prepares its commit. */
    private void record(UUID entryId, EntryPricingState state) {
        writes.update("""
                        INSERT INTO entry_pricing_registry (entry_id, priced_by, by_contract, source_sequence, active)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (entry_id) DO UPDATE SET priced_by = excluded.priced_by,
                            by_contract = excluded.by_contract, source_sequence = excluded.source_sequence,
                            active = excluded.active""",
                entryId, state.pricedBy(), state.byContract(), state.sourceSequence(), state.active());
    }
}
