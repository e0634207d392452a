package de.ticketwerk.projections.pricing;

import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPriced;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPricingReversed;
import de.ticketwerk.projections.BatchedWrites;
import de.ticketwerk.projections.json.ViewJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Every pricing decision and reversal per time entry. */
@ProcessingGroup(PricingProjection.PROCESSING_GROUP)
public class PricingProjection {

    public static final String PROCESSING_GROUP = "time-entry-pricing";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final ViewJson documents;

    public PricingProjection(JdbcTemplate jdbc, ViewJson documents) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc);
        this.documents = documents;
    }

    @EventHandler
    void on(TimeEntryPriced e, @SequenceNumber long sequence) {
        insert(e.pricedBy(), sequence, e.entryId(), e.ticketId(), e.customerId(), e.contractId(), e.sourceSequence(),
                "PRICED", e.pricing(), null, e.nonBillableReason(), e.actor(), e.at());
    }

    @EventHandler
    void on(TimeEntryPricingReversed e, @SequenceNumber long sequence) {
        insert(e.pricedBy(), sequence, e.entryId(), e.ticketId(), e.customerId(), e.contractId(), e.sourceSequence(),
                "REVERSED", e.reversed(), e.reason(), null, e.actor(), e.at());
    }

    private void insert(UUID pricedBy, long sequence, UUID entryId, UUID ticketId, UUID customerId, UUID contractId,
                        long sourceSequence, String action, PricedEntry pricing, String reason,
                        String nonBillableReason, String actor, Instant at) {
        writes.update("""
                        INSERT INTO time_entry_pricing_view (priced_by, sequence_number, entry_id, ticket_id,
                            customer_id, contract_id, work_date, source_sequence, action, settlement, net_amount,
                            quota_minutes, without_contract, reason, non_billable_reason, pricing, recorded_by,
                            recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                pricedBy, sequence, entryId, ticketId, customerId, contractId,
                pricing.workDate(), sourceSequence, action,
                pricing.settlement().name(), pricing.netAmount(), pricing.quotaMinutes(), pricing.withoutContract(),
                reason, nonBillableReason, documents.toJson(pricing), actor, at.atOffset(ZoneOffset.UTC));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM time_entry_pricing_view");
    }
}
