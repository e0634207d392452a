package de.ticketwerk.invoice.policy;

import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceLine.LineKind;
import de.ticketwerk.invoice.api.ReportEntry;
import de.ticketwerk.invoice.policy.InvoiceLines.Billable;
import de.ticketwerk.invoice.ports.BillingFacts;
import de.ticketwerk.invoice.ports.BillingFacts.FeeContract;
import de.ticketwerk.ports.InvoicedEntries;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.rules.StateConflict;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.FeePayment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the billing run of a month puts on a customer's draft (R-I1, R-I3, R-I6): the work, fees and overage not
 * invoiced as they are due now, each as the difference to what was invoiced; and the month's service report.
 */
public final class MonthDraft {

    /** The draft's lines and its service report; both empty: nothing to draft. */
    public record Draft(List<InvoiceLine> lines, List<ReportEntry> report) {

        public boolean isEmpty() {
            return lines.isEmpty() && report.isEmpty();
        }
    }

    private MonthDraft() {
    }

    /** The same for every run of the month, so that two runs at once draft one invoice; new after a cancellation. */
    public static UUID invoiceId(UUID customerId, YearMonth month, int cancelledBefore) {
        return UUID.nameUUIDFromBytes(("invoice/" + customerId + "/" + month + "/" + cancelledBefore)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static Draft of(UUID customerId, YearMonth month, BillingFacts facts, InvoicedEntries invoiced) {
        LocalDate end = month.atEndOfMonth();
        Map<UUID, BigDecimal> vatOfContract = new HashMap<>();
        List<Billable> billables = new ArrayList<>(work(customerId, end, facts, vatOfContract));
        List<Billable> feesAndOverage = new ArrayList<>(fees(customerId, month, facts));
        feesAndOverage.addAll(overage(customerId, end, facts, vatOfContract));
        billables.addAll(invoicedSoFar(feesAndOverage, invoiced));
        List<InvoiceLine> lines = billables.stream().flatMap(b -> InvoiceLines.lineFor(b).stream()).toList();
        return new Draft(lines, facts.report(customerId, month));
    }

    /** The month's work and earlier work held back, corrected, voided, logged late or cancelled (R-I2, R-I6). */
    private static List<Billable> work(UUID customerId, LocalDate end, BillingFacts facts,
                                       Map<UUID, BigDecimal> vatOfContract) {
        return facts.unbilledWork(customerId, end).stream()
                .map(w -> new Billable(LineKind.WORK, w.entryId(), w.contractId(), w.workDate(),
                        description(w.pricing()), w.pricing().billedMinutes(), w.due(), w.invoiced(),
                        vatPercent(w.contractId(), facts, vatOfContract), w.invoicedIn()))
                .toList();
    }

    /** R-C8: the fees in advance of every month up to the next one, of contracts whose fee is invoiced. */
    private static List<Billable> fees(UUID customerId, YearMonth month, BillingFacts facts) {
        List<Billable> fees = new ArrayList<>();
        for (FeeContract contract : facts.contracts(customerId)) {
            if (contract.terms().feePayment() != FeePayment.INVOICE) {
                continue;
            }
            for (YearMonth due : MonthlyFees.monthsDue(contract.startDate(), contract.endDate(), month)) {
                BigDecimal fee = MonthlyFees.fee(contract.startDate(), contract.endDate(), contract.terms(),
                        contract.priceChanges(), due);
                fees.add(new Billable(LineKind.FEE, MonthlyFees.feeId(contract.contractId(), due),
                        contract.contractId(), MonthlyFees.dueOn(due, contract.startDate()),
                        LineTexts.fee(due, contract.type()), 0, fee, BigDecimal.ZERO,
                        contract.terms().vatPercent(), null));
            }
        }
        return fees;
    }

    /** R-Q4: the overage of every quota period settled up to the end of the month, as corrected since. */
    private static List<Billable> overage(UUID customerId, LocalDate end, BillingFacts facts,
                                          Map<UUID, BigDecimal> vatOfContract) {
        return facts.overage(customerId, end).stream()
                .map(o -> new Billable(LineKind.OVERAGE, InvoiceLines.settlementId(o.contractId(), o.periodEnd()),
                        o.contractId(), o.periodEnd(), LineTexts.overage(o.periodEnd(), o.minutes()), o.minutes(),
                        o.amount(), BigDecimal.ZERO, vatPercent(o.contractId(), facts, vatOfContract), null))
                .toList();
    }

    /** The same, with what issued invoices and cancellations charged for each, and the last invoice that did. */
    private static List<Billable> invoicedSoFar(List<Billable> billables, InvoicedEntries invoiced) {
        List<UUID> ids = billables.stream().map(Billable::entryId).toList();
        Map<UUID, BigDecimal> net = invoiced.invoicedNet(ids);
        Map<UUID, String> issuedIn = invoiced.lastIssuedIn(ids);
        return billables.stream().map(b -> new Billable(b.kind(), b.entryId(), b.contractId(), b.date(),
                b.description(), b.minutes(), b.due(), net.getOrDefault(b.entryId(), BigDecimal.ZERO),
                b.vatPercent(), issuedIn.get(b.entryId()))).toList();
    }

    private static BigDecimal vatPercent(UUID contractId, BillingFacts facts, Map<UUID, BigDecimal> known) {
        if (contractId == null) {
            return ContractTerms.DEFAULT_VAT_PERCENT;
        }
        return known.computeIfAbsent(contractId, id -> facts.vatPercent(id).orElseThrow(() -> new StateConflict(
                "R-I1", "contract " + id + " is not readable yet: run again")));
    }

    private static String description(PricedEntry pricing) {
        return LineTexts.work(pricing.serviceItem(), pricing.role(), pricing.mode(), pricing.billedMinutes());
    }
}
