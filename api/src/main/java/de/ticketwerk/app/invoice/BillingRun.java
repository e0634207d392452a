package de.ticketwerk.app.invoice;

import de.ticketwerk.app.registry.InvoiceRegistry;
import de.ticketwerk.invoice.api.InvoiceCommands.DraftInvoice;
import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceLine.LineKind;
import de.ticketwerk.invoice.api.ReportEntry;
import de.ticketwerk.invoice.policy.MonthlyFees;
import de.ticketwerk.terms.FeePayment;
import de.ticketwerk.invoice.policy.InvoiceLines;
import de.ticketwerk.invoice.policy.InvoiceLines.Billable;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.projections.json.Documents;
import de.ticketwerk.rules.StateConflict;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The billing run of a month (R-I1): per customer, the draft of the month's invoice from what the read models say. A
 * second run of the month revises the draft and adds nothing twice; an issued invoice stays as it is.
 */
@Component
class BillingRun {

    record Drafted(UUID invoiceId, UUID customerId, YearMonth month, int lines) {
    }

    private final JdbcTemplate jdbc;
    private final InvoiceRegistry registry;
    private final ContractQueries contracts;
    private final Documents documents;
    private final CommandGateway commands;
    private final Clock clock;

    BillingRun(JdbcTemplate jdbc, InvoiceRegistry registry, ContractQueries contracts, Documents documents,
               CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.contracts = contracts;
        this.documents = documents;
        this.commands = commands;
        this.clock = clock;
    }

    /** Every registered customer's draft, or only {@code customerId}'s. */
    List<Drafted> run(YearMonth month, UUID customerId, String actor) {
        List<UUID> customers = customerId != null ? List.of(customerId)
                : jdbc.queryForList("SELECT customer_id FROM customer_registry ORDER BY customer_id", UUID.class);
        return customers.stream().flatMap(customer -> draft(customer, month, actor).stream()).toList();
    }

    private Optional<Drafted> draft(UUID customerId, YearMonth month, String actor) {
        List<UUID> open = registry.openOrIssued(customerId, month);
        List<InvoiceLine> lines = lines(customerId, month);
        List<ReportEntry> report = report(customerId, month);
        if (open.isEmpty() && lines.isEmpty() && report.isEmpty()) {
            return Optional.empty();
        }
        UUID invoiceId = open.isEmpty() ? invoiceId(customerId, month, registry.cancelled(customerId, month))
                : open.get(0);
        commands.sendAndWait(new DraftInvoice(invoiceId, customerId, month, lines, report, actor, clock.instant()));
        return Optional.of(new Drafted(invoiceId, customerId, month, lines.size()));
    }

    /** The same for every run of the month, so that two runs at once draft one invoice; new after a cancellation. */
    static UUID invoiceId(UUID customerId, YearMonth month, int cancelledBefore) {
        return UUID.nameUUIDFromBytes(("invoice/" + customerId + "/" + month + "/" + cancelledBefore)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** What the run of {@code month} bills: work, fees and overage not invoiced as they are due now (R-I3). */
    private List<InvoiceLine> lines(UUID customerId, YearMonth month) {
        Map<UUID, BigDecimal> vatOfContract = new HashMap<>();
        List<Billable> billables = new ArrayList<>(work(customerId, month, vatOfContract));
        List<Billable> feesAndOverage = new ArrayList<>(fees(customerId, month));
        feesAndOverage.addAll(overage(customerId, month, vatOfContract));
        billables.addAll(invoicedSoFar(feesAndOverage));
        return billables.stream().flatMap(billable -> InvoiceLines.lineFor(billable).stream()).toList();
    }

    /**
     * Every time entry up to the end of the month whose current money price differs from what was invoiced for it:
     * the month's work, and earlier work that was held back, corrected, voided, logged late or cancelled (R-I6).
     */
    private List<Billable> work(UUID customerId, YearMonth month, Map<UUID, BigDecimal> vatOfContract) {
        return jdbc.query("""
                        WITH latest AS (
                            SELECT DISTINCT ON (entry_id) entry_id, contract_id, work_date, pricing,
                                CASE WHEN action = 'PRICED' AND settlement = 'MONEY' THEN net_amount ELSE 0 END AS due
                            FROM time_entry_pricing_view WHERE customer_id = ? AND work_date <= ?
                            ORDER BY entry_id, source_sequence DESC, CASE action WHEN 'PRICED' THEN 0 ELSE 1 END),
                        invoiced AS (
                            SELECT entry_id, SUM(net) AS net FROM invoiced_entry
                            WHERE entry_id IN (SELECT entry_id FROM latest) GROUP BY entry_id)
                        SELECT l.*, COALESCE(i.net, 0) AS invoiced, COALESCE(
                            (SELECT r.number FROM invoiced_entry e JOIN invoice_registry r USING (invoice_id)
                             WHERE e.entry_id = l.entry_id AND r.status = 'ISSUED' ORDER BY r.number DESC LIMIT 1),
                            (SELECT r.number FROM invoice_registry r
                             WHERE r.customer_id = ? AND r.month = to_char(l.work_date, 'YYYY-MM')
                               AND r.status = 'ISSUED' ORDER BY r.number DESC LIMIT 1)) AS invoiced_in
                        FROM latest l LEFT JOIN invoiced i USING (entry_id)
                        WHERE l.due <> COALESCE(i.net, 0)
                        ORDER BY l.work_date, l.entry_id""",
                (rs, n) -> {
                    UUID contractId = rs.getObject("contract_id", UUID.class);
                    PricedEntry pricing = documents.fromJson(rs.getString("pricing"), PricedEntry.class);
                    return new Billable(LineKind.WORK, rs.getObject("entry_id", UUID.class), contractId,
                            rs.getDate("work_date").toLocalDate(), description(pricing), pricing.billedMinutes(),
                            rs.getBigDecimal("due"), rs.getBigDecimal("invoiced"),
                            vatOfContract.computeIfAbsent(contractId, this::vatPercent), rs.getString("invoiced_in"));
                },
                customerId, java.sql.Date.valueOf(month.atEndOfMonth()), customerId);
    }

    /** R-I1: the service report lists every time entry of the month as priced now, billable or not. */
    private List<ReportEntry> report(UUID customerId, YearMonth month) {
        return jdbc.query("""
                        SELECT * FROM (
                            SELECT DISTINCT ON (entry_id) entry_id, ticket_id, work_date, action, net_amount,
                                non_billable_reason, pricing
                            FROM time_entry_pricing_view WHERE customer_id = ? AND work_date BETWEEN ? AND ?
                            ORDER BY entry_id, source_sequence DESC, CASE action WHEN 'PRICED' THEN 0 ELSE 1 END) latest
                        WHERE action = 'PRICED' ORDER BY work_date, entry_id""",
                (rs, n) -> {
                    PricedEntry pricing = documents.fromJson(rs.getString("pricing"), PricedEntry.class);
                    return new ReportEntry(rs.getObject("entry_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                            pricing.workDate(), pricing.serviceItem(), pricing.technician(), pricing.role(),
                            pricing.mode(), pricing.rawMinutes(), pricing.billedMinutes(), pricing.settlement(),
                            pricing.quotaMinutes(), rs.getBigDecimal("net_amount"), rs.getString("non_billable_reason"));
                },
                customerId, java.sql.Date.valueOf(month.atDay(1)), java.sql.Date.valueOf(month.atEndOfMonth()));
    }

    /** R-C8: the fees in advance of every month up to the next one, of contracts whose fee is invoiced. */
    private List<Billable> fees(UUID customerId, YearMonth month) {
        List<Billable> fees = new ArrayList<>();
        for (ContractView contract : contracts.ofCustomer(customerId, Scope.ALL)) {
            if (contract.terms().feePayment() != FeePayment.INVOICE) {
                continue;
            }
            for (YearMonth due : MonthlyFees.monthsDue(contract.startDate(), contract.endDate(), month)) {
                BigDecimal fee = contract.monthlyFee(due);
                fees.add(new Billable(LineKind.FEE, MonthlyFees.feeId(contract.contractId(), due),
                        contract.contractId(), MonthlyFees.dueOn(due, contract.startDate()), "Monthly fee " + due
                        + ", " + contract.type() + " contract", 0, fee, BigDecimal.ZERO,
                        contract.terms().vatPercent(), null));
            }
        }
        return fees;
    }

    /** R-Q4: the overage of every quota period settled up to the end of the month, as corrected since. */
    private List<Billable> overage(UUID customerId, YearMonth month, Map<UUID, BigDecimal> vatOfContract) {
        return jdbc.query("""
                        SELECT l.contract_id, l.business_date, SUM(l.minutes) AS minutes, SUM(l.amount) AS due
                        FROM quota_ledger_view l JOIN contract_view c USING (contract_id)
                        WHERE c.customer_id = ? AND l.kind IN ('SETTLEMENT', 'SETTLEMENT_CORRECTION')
                          AND l.business_date <= ?
                        GROUP BY l.contract_id, l.business_date ORDER BY l.business_date, l.contract_id""",
                (rs, n) -> {
                    UUID contractId = rs.getObject("contract_id", UUID.class);
                    LocalDate settled = rs.getDate("business_date").toLocalDate();
                    return new Billable(LineKind.OVERAGE, InvoiceLines.settlementId(contractId, settled), contractId,
                            settled, "Quota overage of the period ending " + settled + ", " + rs.getLong("minutes")
                            + " min", rs.getLong("minutes"), rs.getBigDecimal("due"), BigDecimal.ZERO,
                            vatOfContract.computeIfAbsent(contractId, this::vatPercent), null);
                },
                customerId, java.sql.Date.valueOf(month.atEndOfMonth()));
    }

    /** The same, with what issued invoices and cancellations charged for each, and the last invoice that did. */
    private List<Billable> invoicedSoFar(List<Billable> billables) {
        List<UUID> ids = billables.stream().map(Billable::entryId).toList();
        Map<UUID, BigDecimal> invoiced = registry.invoicedNet(ids);
        Map<UUID, String> issuedIn = registry.lastIssuedIn(ids);
        return billables.stream().map(b -> new Billable(b.kind(), b.entryId(), b.contractId(), b.date(),
                b.description(), b.minutes(), b.due(), invoiced.getOrDefault(b.entryId(), BigDecimal.ZERO),
                b.vatPercent(), issuedIn.get(b.entryId()))).toList();
    }

    private BigDecimal vatPercent(UUID contractId) {
        return contractId == null ? InvoiceLines.WITHOUT_CONTRACT_VAT_PERCENT
                : contracts.find(contractId, Scope.ALL).map(ContractView::terms)
                .orElseThrow(() -> new StateConflict("R-I1", "contract " + contractId + " is not readable yet: run again"))
                .vatPercent();
    }

    private static String description(PricedEntry pricing) {
        return pricing.serviceItem() + ", " + pricing.role() + " " + pricing.mode() + ", " + pricing.billedMinutes()
                + " min";
    }
}
