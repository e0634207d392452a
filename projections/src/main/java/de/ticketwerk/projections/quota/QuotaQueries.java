package de.ticketwerk.projections.quota;

import de.ticketwerk.projections.Page;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public class QuotaQueries {

    private final JdbcTemplate jdbc;

    public QuotaQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The balance after every line dated up to {@code asOf}, and what made it. */
    public record QuotaBalance(UUID contractId, LocalDate asOf, long balance, long credited, long used,
                               long forfeited, long settled, BigDecimal settledAmount) {
    }

    public record LedgerLine(LocalDate businessDate, String kind, long minutes, long balance, UUID entryId,
                             UUID ticketId, BigDecimal amount, UUID causedBy, String details,
                             java.time.Instant recordedAt) {
    }

    public boolean exists(UUID contractId) {
        return !jdbc.queryForList("SELECT 1 FROM quota_ledger_view WHERE contract_id = ? LIMIT 1", contractId)
                .isEmpty();
    }

    public QuotaBalance balance(UUID contractId, LocalDate asOf) {
        return jdbc.queryForObject("""
                        SELECT COALESCE(SUM(minutes), 0) AS balance,
                               COALESCE(SUM(minutes) FILTER (WHERE kind = 'CREDIT'), 0) AS credited,
                               COALESCE(-SUM(minutes) FILTER (WHERE kind IN ('DEBIT', 'REVERSAL')), 0) AS used,
                               COALESCE(-SUM(minutes) FILTER (WHERE kind IN ('RESET', 'RESET_CORRECTION')), 0) AS forfeited,
                               COALESCE(SUM(minutes) FILTER (WHERE kind IN ('SETTLEMENT', 'SETTLEMENT_CORRECTION')), 0) AS settled,
                               COALESCE(SUM(amount), 0.00) AS settled_amount
                        FROM quota_ledger_view WHERE contract_id = ? AND business_date <= ?""",
                (rs, n) -> new QuotaBalance(contractId, asOf, rs.getLong("balance"), rs.getLong("credited"),
                        rs.getLong("used"), rs.getLong("forfeited"), rs.getLong("settled"),
                        rs.getBigDecimal("settled_amount").setScale(2)),
                contractId, Date.valueOf(asOf));
    }

    /**
     * Lines in business-time order with the running balance, between {@code from} and {@code to} inclusive; only
     * those of one time entry when {@code entryId} is given.
     */
    public Page<LedgerLine> ledger(UUID contractId, LocalDate from, LocalDate to, UUID entryId, int page, int size) {
        String lines = """
                SELECT *, SUM(minutes) OVER (ORDER BY business_date, line_order, sequence_number) AS running
                FROM quota_ledger_view WHERE contract_id = ?""";
        String window = "FROM (" + lines + ") l WHERE business_date BETWEEN ? AND ?"
                + " AND (CAST(? AS uuid) IS NULL OR entry_id = CAST(? AS uuid))";
        Long total = jdbc.queryForObject("SELECT COUNT(*) " + window, Long.class, contractId, Date.valueOf(from),
                Date.valueOf(to), entryId, entryId);
        List<LedgerLine> items = jdbc.query("SELECT * " + window
                        + " ORDER BY business_date, line_order, sequence_number LIMIT ? OFFSET ?",
                (rs, n) -> new LedgerLine(rs.getDate("business_date").toLocalDate(), rs.getString("kind"),
                        rs.getLong("minutes"), rs.getLong("running"), rs.getObject("entry_id", UUID.class),
                        rs.getObject("ticket_id", UUID.class), rs.getBigDecimal("amount"),
                        rs.getObject("caused_by", UUID.class), rs.getString("details"),
                        rs.getTimestamp("recorded_at").toInstant()),
                contractId, Date.valueOf(from), Date.valueOf(to), entryId, entryId, size, (long) page * size);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }
}
