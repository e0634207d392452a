package de.ticketwerk.app.registry;

import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceCancelled;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceDrafted;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceIssued;
import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.ports.InvoicedEntries;
import de.ticketwerk.projections.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invoices as the write side must know them (tables invoice_registry, invoiced_entry): the billing run asks which
 * invoice of a month is open and what each entry was charged; an issue checks its draft against it (R-I6).
 */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class InvoiceRegistry implements InvoicedEntries {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    public InvoiceRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc);
    }

    @Override
    public Map<UUID, BigDecimal> invoicedNet(Collection<UUID> entryIds) {
        writes.flush();
        Map<UUID, BigDecimal> found = new HashMap<>();
        jdbc.query(connection -> Registry.selectAny(connection, """
                SELECT entry_id, SUM(net) AS net FROM invoiced_entry WHERE entry_id = ANY (?) GROUP BY entry_id""",
                entryIds), rs -> {
            found.put(rs.getObject("entry_id", UUID.class), rs.getBigDecimal("net"));
        });
        return found;
    }

    @Override
    public Map<UUID, String> lastIssuedIn(Collection<UUID> entryIds) {
        writes.flush();
        Map<UUID, String> found = new HashMap<>();
        jdbc.query(connection -> Registry.selectAny(connection, """
                SELECT DISTINCT ON (e.entry_id) e.entry_id, r.number FROM invoiced_entry e
                JOIN invoice_registry r USING (invoice_id)
                WHERE e.entry_id = ANY (?) AND r.status = 'ISSUED' ORDER BY e.entry_id, r.number DESC""", entryIds),
                rs -> {
                    found.put(rs.getObject("entry_id", UUID.class), rs.getString("number"));
                });
        return found;
    }

    public Optional<UUID> customerOf(UUID invoiceId) {
        writes.flush();
        return jdbc.queryForList("SELECT customer_id FROM invoice_registry WHERE invoice_id = ?", UUID.class,
                invoiceId).stream().findFirst();
    }

    /** DRAFT, ISSUED or CANCELLED, as of the last event of the invoice (the registry follows in its transaction). */
    public Optional<String> status(UUID invoiceId) {
        writes.flush();
        return jdbc.queryForList("SELECT status FROM invoice_registry WHERE invoice_id = ?", String.class, invoiceId)
                .stream().findFirst();
    }

    /** The invoices of a customer's month that are not cancelled: at most one, a draft or issued. */
    public List<UUID> openOrIssued(UUID customerId, YearMonth month) {
        writes.flush();
        return jdbc.queryForList("""
                SELECT invoice_id FROM invoice_registry
                WHERE customer_id = ? AND month = ? AND status <> 'CANCELLED'""", UUID.class, customerId,
                month.toString());
    }

    /** How many invoices of a customer's month were cancelled: the next draft of the month is a new invoice. */
    public int cancelled(UUID customerId, YearMonth month) {
        writes.flush();
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM invoice_registry WHERE customer_id = ? AND month = ? AND status = 'CANCELLED'""",
                Integer.class, customerId, month.toString());
        return count == null ? 0 : count;
    }

    @EventHandler
    void on(InvoiceDrafted e) {
        writes.update("""
                INSERT INTO invoice_registry (invoice_id, customer_id, month, status) VALUES (?, ?, ?, 'DRAFT')
                ON CONFLICT (invoice_id) DO NOTHING""", e.invoiceId(), e.customerId(), e.month().toString());
    }

    @EventHandler
    void on(InvoiceIssued e) {
        writes.update("UPDATE invoice_registry SET status = 'ISSUED', number = ? WHERE invoice_id = ?", e.number(),
                e.invoiceId());
        charged(e.invoiceId(), e.number(), e.lines());
    }

    @EventHandler
    void on(InvoiceCancelled e) {
        writes.update("UPDATE invoice_registry SET status = 'CANCELLED' WHERE invoice_id = ?", e.invoiceId());
        charged(e.invoiceId(), e.number(), e.lines());
    }

    private void charged(UUID invoiceId, String number, List<InvoiceLine> lines) {
        lines.stream().filter(line -> line.entryId() != null).forEach(line -> writes.update("""
                INSERT INTO invoiced_entry (entry_id, invoice_id, number, net) VALUES (?, ?, ?, ?)""",
                line.entryId(), invoiceId, number, line.net()));
    }
}
