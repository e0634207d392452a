package de.ticketwerk.projections.pricing;

import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.pricing.EntryPricingView.Step;
import de.ticketwerk.projections.Page;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class PricingQueries {

    private final JdbcTemplate jdbc;
    private final ViewJson documents;

    public PricingQueries(JdbcTemplate jdbc, ViewJson documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    public Optional<EntryPricingView> ofEntry(UUID entryId) {
        record Row(UUID ticketId, UUID customerId, Step step) {
        }
        List<Row> rows = jdbc.query("""
                        SELECT * FROM time_entry_pricing_view WHERE entry_id = ?
                        ORDER BY source_sequence, CASE action WHEN 'REVERSED' THEN 0 ELSE 1 END""",
                (rs, n) -> new Row(rs.getObject("ticket_id", UUID.class), rs.getObject("customer_id", UUID.class),
                        new Step(rs.getString("action"), rs.getObject("priced_by", UUID.class),
                                rs.getObject("contract_id", UUID.class), rs.getLong("source_sequence"),
                                rs.getString("reason"), documents.fromJson(rs.getString("pricing"), PricedEntry.class),
                                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant())),
                entryId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row last = rows.get(rows.size() - 1);
        boolean priced = last.step().action().equals("PRICED");
        return Optional.of(new EntryPricingView(entryId, last.ticketId(), last.customerId(),
                priced ? last.step().contractId() : null, priced ? "PRICED" : "REVERSED",
                priced ? last.step().pricing() : null, rows.stream().map(Row::step).toList()));
    }

    /** An entry priced at the default price list because no contract was in force: for the back office. */
    public record FlaggedEntry(UUID entryId, UUID ticketId, UUID customerId, String settlement,
                               java.math.BigDecimal netAmount, String recordedBy, java.time.Instant recordedAt) {
    }

    /**
     * The pricing in force of each entry among the rows {@code where} selects: the row of its latest source event, the
     * pricing rather than the reversal when one event did both (a correction). Its action is PRICED, or REVERSED when
     * nothing prices the entry now (voided, or moved out of the rows selected). The one definition every reader uses.
     */
    public static String currentPricing(String where) {
        return "SELECT DISTINCT ON (entry_id) * FROM time_entry_pricing_view WHERE " + where
                + " ORDER BY entry_id, source_sequence DESC, CASE action WHEN 'PRICED' THEN 0 ELSE 1 END";
    }

    /** Entries whose current pricing is without a contract, oldest first. */
    public Page<FlaggedEntry> withoutContract(UUID customerId, int page, int size) {
        String current = currentPricing("(CAST(? AS uuid) IS NULL OR customer_id = CAST(? AS uuid))");
        String flagged = "FROM (" + current + ") latest WHERE action = 'PRICED' AND without_contract";
        Long total = jdbc.queryForObject("SELECT COUNT(*) " + flagged, Long.class, customerId, customerId);
        List<FlaggedEntry> items = jdbc.query("SELECT * " + flagged + " ORDER BY recorded_at, entry_id LIMIT ? OFFSET ?",
                (rs, n) -> new FlaggedEntry(rs.getObject("entry_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                        rs.getObject("customer_id", UUID.class), rs.getString("settlement"),
                        rs.getBigDecimal("net_amount"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()),
                customerId, customerId, size, (long) page * size);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }
}
