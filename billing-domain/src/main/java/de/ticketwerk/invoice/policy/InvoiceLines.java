package de.ticketwerk.invoice.policy;

import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceLine.LineKind;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Which line a time entry, a fee or a settlement gets on the next invoice (R-I3, R-I6). */
public final class InvoiceLines {


    private InvoiceLines() {
    }

    /**
     * Something to bill as the billing run sees it: {@code due} is what it charges now (for work: zero once voided,
     * or when a quota or the service level pays it), {@code invoiced} what issued invoices and cancellations charged
     * for it so far, {@code invoicedIn} the issued invoice that charged it or that covers its month (null when none
     * does).
     */
    public record Billable(LineKind kind, UUID entryId, UUID contractId, LocalDate date, String description,
                           long minutes, BigDecimal due, BigDecimal invoiced, BigDecimal vatPercent,
                           String invoicedIn) {
    }

    /**
     * The difference between what is due and what was invoiced, if any: a line of its kind, or a correction line
     * naming the invoice it corrects when what an issued invoice charged changed or came late (R-I6).
     */
    public static Optional<InvoiceLine> lineFor(Billable billable) {
        BigDecimal difference = billable.due().subtract(billable.invoiced());
        if (difference.signum() == 0) {
            return Optional.empty();
        }
        boolean correction = billable.invoicedIn() != null;
        return Optional.of(new InvoiceLine(correction ? LineKind.CORRECTION : billable.kind(), billable.entryId(),
                billable.contractId(), billable.date(), correction ? LineTexts.correction(billable.invoicedIn(),
                billable.description()) : billable.description(), billable.minutes(), difference,
                billable.vatPercent(), billable.invoiced(), billable.invoicedIn()));
    }

    /** What the invoices know a quota's settlement of a period by (R-Q4): its contract and the period's last day. */
    public static UUID settlementId(UUID contractId, LocalDate date) {
        return UUID.nameUUIDFromBytes(("settlement/" + contractId + "/" + date).getBytes(StandardCharsets.UTF_8));
    }
}
