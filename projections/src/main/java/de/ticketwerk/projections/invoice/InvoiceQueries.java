package de.ticketwerk.projections.invoice;

import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.json.ViewJson;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class InvoiceQueries {

    private final JdbcTemplate jdbc;
    private final ViewJson documents;

    public InvoiceQueries(JdbcTemplate jdbc, ViewJson documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    public Optional<InvoiceView> find(UUID invoiceId, Scope scope) {
        return jdbc.queryForList("""
                        SELECT document FROM invoice_view WHERE invoice_id = ? AND customer_id = COALESCE(?, customer_id)
                        """, String.class, invoiceId, scope.customerId())
                .stream().findFirst().map(json -> documents.fromJson(json, InvoiceView.class));
    }

    /** By month, then number (drafts last); each filter applies when given. */
    public Page<InvoiceView> list(Scope scope, UUID customerId, YearMonth month, String status, String number,
                                  int page, int size) {
        String where = """
                WHERE customer_id = COALESCE(?, customer_id) AND customer_id = COALESCE(?, customer_id)
                AND month = COALESCE(?, month) AND status = COALESCE(?, status)
                AND (CAST(? AS text) IS NULL OR number = ?)""";
        String monthText = month == null ? null : month.toString();
        Object[] args = {scope.customerId(), customerId, monthText, status, number, number};
        Long total = jdbc.queryForObject("SELECT count(*) FROM invoice_view " + where, Long.class, args);
        List<InvoiceView> items = jdbc.queryForList("SELECT document FROM invoice_view " + where
                        + " ORDER BY month, number NULLS LAST, invoice_id LIMIT ? OFFSET ?", String.class,
                        scope.customerId(), customerId, monthText, status, number, number, size, (long) page * size)
                .stream().map(json -> documents.fromJson(json, InvoiceView.class)).toList();
        return new Page<>(items, page, size, total == null ? 0 : total);
    }
}
