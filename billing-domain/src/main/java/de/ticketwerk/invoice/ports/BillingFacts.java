package de.ticketwerk.invoice.ports;

import de.ticketwerk.invoice.api.ReportEntry;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.PriceChange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the billing run of a month reads (R-I1, R-I3, R-I6), as the read models and the invoice registry show it. */
public interface BillingFacts {

    /**
     * Every time entry of the customer with a work date up to {@code through} whose current money price differs
     * from what issued invoices and cancellations charged for it, in work-date order.
     */
    List<PricedWork> unbilledWork(UUID customerId, LocalDate through);

    /** Every entry of the month as priced now, billable or not, in work-date order (the service report). */
    List<ReportEntry> report(UUID customerId, YearMonth month);

    /** The customer's contracts, with what decides their monthly fees. */
    List<FeeContract> contracts(UUID customerId);

    /** The overage of every quota period of the customer settled up to {@code through}, as corrected since. */
    List<Overage> overage(UUID customerId, LocalDate through);

    /** The VAT rate of a contract; empty while the read model does not know the contract yet. */
    Optional<BigDecimal> vatPercent(UUID contractId);

    /**
     * An entry as priced now: {@code due} is what it charges (zero once voided, or when a quota or the service level
     * pays it), {@code invoiced} what was charged for it so far. {@code invoicedIn}: the issued invoice that last
     * charged it, else the issued invoice of its month unless the entry was held back from that one (R-I2, R-I6);
     * null when neither.
     */
    record PricedWork(UUID entryId, UUID contractId, LocalDate workDate, PricedEntry pricing, BigDecimal due,
                      BigDecimal invoiced, String invoicedIn) {
    }

    record FeeContract(UUID contractId, ContractType type, LocalDate startDate, LocalDate endDate,
                       ContractTerms terms, List<PriceChange> priceChanges) {
    }

    record Overage(UUID contractId, LocalDate periodEnd, long minutes, BigDecimal amount) {
    }
}
