package de.ticketwerk.documents.invoice;

import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceCancelled;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceIssued;
import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceParties;
import de.ticketwerk.invoice.api.InvoiceTotals;
import de.ticketwerk.invoice.api.ReportEntry;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What an issued invoice or cancellation shows (R-I7), exactly as its event recorded it: documents are rendered from
 * the event alone, never from a read model. {@code cancels} and {@code cancelsIssueDate} only for a cancellation.
 */
public record InvoiceDocument(UUID invoiceId, boolean cancellation, String number, LocalDate issueDate, LocalDate dueDate,
                       YearMonth month, String serviceReportId, String cancels, LocalDate cancelsIssueDate,
                       InvoiceParties parties, List<InvoiceLine> lines, InvoiceTotals totals,
                       List<ReportEntry> report) {

    public static InvoiceDocument of(InvoiceIssued e) {
        return new InvoiceDocument(e.invoiceId(), false, e.number(), e.issueDate(), e.dueDate(), e.month(),
                e.serviceReportId(), null, null, e.parties(), e.lines(), e.totals(), e.report());
    }

    public static InvoiceDocument of(InvoiceCancelled e) {
        return new InvoiceDocument(e.invoiceId(), true, e.number(), e.date(), e.date(), e.month(), null,
                e.cancelledNumber(), e.cancelledIssueDate(), e.parties(), e.lines(), e.totals(), List.of());
    }
}
