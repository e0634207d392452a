package de.ticketwerk.projections.pricing;

import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.projections.json.Documents;
import de.ticketwerk.projections.pricing.EntryPricingView.Step;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class PricingQueries {

    private final JdbcTemplate jdbc;
    private final Documents documents;

    public PricingQueries(JdbcTemplate jdbc, Documents documents) {
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
}
