package de.ticketwerk.projections.invoice;

import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceParties;
import de.ticketwerk.invoice.api.InvoiceTotals;
import de.ticketwerk.invoice.api.ReportEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as its customer and finance read it: the draft as the last run left it, or what was issued; a
 * cancelled invoice keeps its lines and carries its cancellation invoice.
 */
public record InvoiceView(UUID invoiceId, UUID customerId, YearMonth month, String status, String number,
                          String serviceReportId, LocalDate issueDate, LocalDate dueDate, List<InvoiceLine> lines,
                          InvoiceTotals totals, List<ReportEntry> serviceReport, InvoiceParties parties,
                          List<HeldBack> heldBack, Cancellation cancellation, String draftedBy, Instant draftedAt,
                          String issuedBy, Instant issuedAt) {

    public record HeldBack(UUID entryId, String reason, String by, Instant at) {
    }

    /** The cancellation invoice (R-I6), referring to the original's number and date. */
    public record Cancellation(String number, String cancels, LocalDate cancelsIssueDate, LocalDate date,
                               List<InvoiceLine> lines, InvoiceTotals totals, String reason, String by, Instant at) {
    }
}
