package de.ticketwerk.invoice.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

public final class InvoiceEvents {

    private InvoiceEvents() {
    }

    /** A draft and its service report, new or revised by a later run of the same month; neither has a number. */
    public record InvoiceDrafted(UUID invoiceId, UUID customerId, YearMonth month, List<InvoiceLine> lines,
                                 InvoiceTotals totals, List<ReportEntry> report, String actor, Instant at) {
    }

    public record InvoiceEntryHeldBack(UUID invoiceId, UUID customerId, UUID entryId, String reason,
                                       List<InvoiceLine> lines, InvoiceTotals totals, String actor, Instant at) {
    }

    public record InvoiceIssued(UUID invoiceId, UUID customerId, YearMonth month, String number,
                                String serviceReportId, LocalDate issueDate, LocalDate dueDate,
                                List<InvoiceLine> lines, InvoiceTotals totals, List<ReportEntry> report,
                                InvoiceParties parties, String actor, Instant at) {
    }

    /** The cancellation invoice (Stornorechnung): its own number, the original's lines negated (R-I6). */
    public record InvoiceCancelled(UUID invoiceId, UUID customerId, YearMonth month, String number,
                                   String cancelledNumber, LocalDate cancelledIssueDate, LocalDate date,
                                   List<InvoiceLine> lines, InvoiceTotals totals, String reason,
                                   InvoiceParties parties, String actor, Instant at) {
    }

    /** R-I1: the automatic billing run of {@code month} is done; it is not run by itself again. */
    public record BillingRunRecorded(String calendarId, YearMonth month, int drafts, Instant at) {
    }

    /** The next number of a series went to {@code documentId} (R-I5); every number of a series once, in order. */
    public record DocumentNumberTaken(String seriesId, long sequence, String number, UUID documentId, Instant at) {
    }
}
