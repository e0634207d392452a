package de.ticketwerk.invoice.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

public final class InvoiceCommands {

    /** The one billing calendar's id: it records the automatic runs (R-I1). */
    public static final String BILLING_CALENDAR = "billing-calendar";

    private InvoiceCommands() {
    }

    /**
     * The billing run's draft of one customer's month (R-I1): the invoice's lines and the service report's entries;
     * a draft that is already issued stays as it is.
     */
    public record DraftInvoice(@TargetAggregateIdentifier UUID invoiceId, UUID customerId, YearMonth month,
                               List<InvoiceLine> lines, List<ReportEntry> report, String actor, Instant at) {
        public DraftInvoice {
            lines = List.copyOf(lines);
            report = List.copyOf(report);
        }
    }

    /** R-I2: the entry's line leaves the draft; the next month's run carries it. */
    public record HoldBackEntry(@TargetAggregateIdentifier UUID invoiceId, UUID entryId, String reason, String actor,
                                Instant at) {
    }

    /** R-I2, R-I5, R-I7: the draft takes its invoice number and its service report id; the parties as they are. */
    public record IssueInvoice(UUID invoiceId, LocalDate issueDate, InvoiceParties parties, String actor,
                               Instant at) {
    }

    /** R-I1: the automatic run of {@code month} drafted {@code drafts} invoices. */
    public record RecordBillingRun(@TargetAggregateIdentifier String calendarId, YearMonth month, int drafts,
                                   Instant at) {
    }

    /** R-I6: a cancellation invoice with its own number negates the issued invoice. */
    public record CancelInvoice(UUID invoiceId, LocalDate date, String reason, InvoiceParties parties, String actor,
                                Instant at) {
    }
}
