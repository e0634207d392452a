package de.ticketwerk.projections.quota;

import de.ticketwerk.projections.BatchedWrites;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.quota.api.QuotaEvents.QuotaCredited;
import de.ticketwerk.quota.api.QuotaEvents.QuotaDebitReversed;
import de.ticketwerk.quota.api.QuotaEvents.QuotaDebited;
import de.ticketwerk.quota.api.QuotaEvents.QuotaOverageSettled;
import de.ticketwerk.quota.api.QuotaEvents.QuotaReset;
import de.ticketwerk.quota.api.QuotaEvents.QuotaResetCorrected;
import de.ticketwerk.quota.api.QuotaEvents.QuotaSettlementCorrected;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** The quota ledger: one line per credit, debit, reversal, reset, settlement and correction, in business time. */
@ProcessingGroup(QuotaLedgerProjection.PROCESSING_GROUP)
public class QuotaLedgerProjection {

    public static final String PROCESSING_GROUP = "quota-ledger";
    /** What a reversal finds the debit of its entry through. */
    public static final String ENTRY_INDEX = "quota_ledger_view_entry";

    static final int CREDITS = 0;
    static final int WORK = 1;
    static final int RESETS = 2;
    static final int SETTLEMENTS = 3;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final ViewJson documents;

    public QuotaLedgerProjection(JdbcTemplate jdbc, ViewJson documents) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc);
        this.documents = documents;
    }

    private record Line(UUID quotaId, long sequence, UUID contractId, LocalDate date, int order, String kind,
                        long minutes, UUID entryId, UUID ticketId, String serviceItem, BigDecimal amount,
                        UUID causedBy, String details, Instant at) {
    }

    @EventHandler
    void on(QuotaCredited e, @SequenceNumber long sequence) {
        insert(new Line(e.quotaId(), sequence, e.contractId(), e.date(), CREDITS, "CREDIT", e.minutes(), null, null,
                null, null, null, e.paidDebt() > 0 ? "paid " + e.paidDebt() + " min of debt" : null, e.at()));
    }

    @EventHandler
    void on(QuotaDebited e, @SequenceNumber long sequence) {
        insert(new Line(e.quotaId(), sequence, e.contractId(), e.workDate(), WORK, "DEBIT", -e.minutes(),
                e.entryId(), e.ticketId(), e.serviceItem().name(), null, null, null, e.at()));
    }

    @EventHandler
    void on(QuotaDebitReversed e, @SequenceNumber long sequence) {
        insert(new Line(e.quotaId(), sequence, e.contractId(), e.workDate(), WORK, "REVERSAL", e.minutes(),
                e.entryId(), e.ticketId(), e.serviceItem() != null ? e.serviceItem().name()
                : serviceItemOfDebit(e.entryId()), null, null, e.reason(), e.at()));
    }

    @EventHandler
    void on(QuotaReset e, @SequenceNumber long sequence) {
        insert(new Line(e.quotaId(), sequence, e.contractId(), e.date(), RESETS, "RESET", -e.forfeitedMinutes(),
                null, null, null, null, null, documents.toJson(e.forfeitedLots()), e.at()));
    }

    @EventHandler
    void on(QuotaResetCorrected e, @SequenceNumber long sequence) {
        insert(new Line(e.quotaId(), sequence, e.contractId(), e.date(), RESETS, "RESET_CORRECTION",
                e.previousMinutes() - e.forfeitedMinutes(), null, null, null, null, e.causedBy(),
                documents.toJson(e.forfeitedLots()), e.at()));
    }

    @EventHandler
    void on(QuotaOverageSettled e, @SequenceNumber long sequence) {
        insert(new Line(e.quotaId(), sequence, e.contractId(), e.date(), SETTLEMENTS, "SETTLEMENT",
                e.overageMinutes(), null, null, null, e.amount(), null, null, e.at()));
    }

    @EventHandler
    void on(QuotaSettlementCorrected e, @SequenceNumber long sequence) {
        insert(new Line(e.quotaId(), sequence, e.contractId(), e.date(), SETTLEMENTS, "SETTLEMENT_CORRECTION",
                e.overageMinutes() - e.previousMinutes(), null, null, null, e.amount().subtract(e.previousAmount()),
                e.causedBy(), null, e.at()));
    }

    private void insert(Line line) {
        writes.update("""
                        INSERT INTO quota_ledger_view (quota_id, sequence_number, contract_id, business_date,
                            line_order, kind, minutes, entry_id, ticket_id, service_item, amount, caused_by, details,
                            recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                line.quotaId(), line.sequence(), line.contractId(), line.date(), line.order(),
                line.kind(), line.minutes(), line.entryId(), line.ticketId(), line.serviceItem(), line.amount(),
                line.causedBy(),
                line.details(), line.at().atOffset(ZoneOffset.UTC));
    }

    /** Reversals recorded before they named their service item take it from their debit. */
    private String serviceItemOfDebit(UUID entryId) {
        writes.flush();
        return jdbc.queryForList("""
                        SELECT service_item FROM quota_ledger_view WHERE entry_id = ? AND kind = 'DEBIT'
                        ORDER BY sequence_number DESC LIMIT 1""", String.class, entryId).stream().findFirst()
                .orElse(null);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM quota_ledger_view");
    }
}
