package de.ticketwerk.projections.invoice;

import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceCancelled;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceDrafted;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceEntryHeldBack;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceIssued;
import de.ticketwerk.projections.BatchedWrites;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.invoice.InvoiceView.Cancellation;
import de.ticketwerk.projections.invoice.InvoiceView.HeldBack;
import de.ticketwerk.projections.json.ViewJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ProcessingGroup(InvoiceProjection.PROCESSING_GROUP)
public class InvoiceProjection {

    public static final String PROCESSING_GROUP = "invoices";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final ViewJson documents;
    private final InvoiceQueries queries;

    public InvoiceProjection(JdbcTemplate jdbc, ViewJson documents, InvoiceQueries queries) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc);
        this.documents = documents;
        this.queries = queries;
    }

    @EventHandler
    void on(InvoiceDrafted e) {
        writes.flush();
        List<HeldBack> heldBack = queries.find(e.invoiceId(), Scope.ALL).map(InvoiceView::heldBack).orElse(List.of());
        InvoiceView view = new InvoiceView(e.invoiceId(), e.customerId(), e.month(), "DRAFT", null, null, null, null,
                e.lines(), e.totals(), e.report(), null, heldBack, null, e.actor(), e.at(), null, null);
        writes.update("""
                INSERT INTO invoice_view (invoice_id, customer_id, month, status, document) VALUES (?, ?, ?, 'DRAFT', ?)
                ON CONFLICT (invoice_id) DO UPDATE SET document = excluded.document""",
                e.invoiceId(), e.customerId(), e.month().toString(), documents.toJson(view));
    }

    @EventHandler
    void on(InvoiceEntryHeldBack e) {
        InvoiceView before = current(e.invoiceId());
        List<HeldBack> heldBack = new ArrayList<>(before.heldBack());
        heldBack.add(new HeldBack(e.entryId(), e.reason(), e.actor(), e.at()));
        store(new InvoiceView(before.invoiceId(), before.customerId(), before.month(), before.status(), null, null,
                null, null, e.lines(), e.totals(), before.serviceReport(), null, heldBack, null, before.draftedBy(),
                before.draftedAt(), null, null));
    }

    @EventHandler
    void on(InvoiceIssued e) {
        InvoiceView before = current(e.invoiceId());
        store(new InvoiceView(e.invoiceId(), e.customerId(), e.month(), "ISSUED", e.number(), e.serviceReportId(),
                e.issueDate(), e.dueDate(), e.lines(), e.totals(), e.report(), e.parties(), before.heldBack(), null,
                before.draftedBy(), before.draftedAt(), e.actor(), e.at()));
    }

    @EventHandler
    void on(InvoiceCancelled e) {
        InvoiceView before = current(e.invoiceId());
        store(new InvoiceView(before.invoiceId(), before.customerId(), before.month(), "CANCELLED", before.number(),
                before.serviceReportId(), before.issueDate(), before.dueDate(), before.lines(), before.totals(),
                before.serviceReport(), before.parties(), before.heldBack(), new Cancellation(e.number(), e.cancelledNumber(), e.cancelledIssueDate(), e.date(),
                e.lines(), e.totals(), e.reason(), e.actor(), e.at()), before.draftedBy(), before.draftedAt(),
                before.issuedBy(), before.issuedAt()));
    }

    private InvoiceView current(UUID invoiceId) {
        writes.flush();
        return queries.find(invoiceId, Scope.ALL).orElseThrow();
    }

    private void store(InvoiceView view) {
        writes.update("UPDATE invoice_view SET status = ?, number = ?, document = ? WHERE invoice_id = ?",
                view.status(), view.number(), documents.toJson(view), view.invoiceId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM invoice_view");
    }
}
