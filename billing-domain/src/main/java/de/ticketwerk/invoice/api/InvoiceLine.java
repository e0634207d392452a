package de.ticketwerk.invoice.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of an invoice (R-I3): a priced time entry, a month's fee, a quota's settled overage, or the correction of
 * one of them that an earlier invoice already charged (R-I6). {@code entryId} is what the invoices know the line's
 * subject by: the time entry, or the id of the fee's month ({@code MonthlyFees.feeId}) or of the settlement
 * ({@code InvoiceLines.settlementId}). {@code previouslyInvoiced} is what issued invoices had charged for it when the
 * line was drafted, so that the line is exactly the difference; {@code corrects} names the invoice a correction
 * refers to.
 */
public record InvoiceLine(LineKind kind, UUID entryId, UUID contractId, LocalDate serviceDate, String description,
                          long billedMinutes, BigDecimal net, BigDecimal vatPercent, BigDecimal previouslyInvoiced,
                          String corrects) {

    public enum LineKind { WORK, FEE, OVERAGE, CORRECTION }

    public InvoiceLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(vatPercent, "vatPercent");
        Objects.requireNonNull(previouslyInvoiced, "previouslyInvoiced");
    }

    /** The same line with its amount negated, for a cancellation invoice (R-I6). */
    public InvoiceLine negated() {
        return new InvoiceLine(kind, entryId, contractId, serviceDate, description, -billedMinutes, net.negate(),
                vatPercent, previouslyInvoiced.add(net), corrects);
    }
}
