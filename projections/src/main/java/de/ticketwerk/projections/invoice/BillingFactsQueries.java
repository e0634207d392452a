package de.ticketwerk.projections.invoice;

import de.ticketwerk.invoice.api.ReportEntry;
import de.ticketwerk.invoice.ports.BillingFacts;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.pricing.PricingQueries;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The billing run's facts from the read models (priced entries, contracts, the quota ledger, invoices) and the
 * invoice registry's record of what issued invoices charged.
 */
public class BillingFactsQueries implements BillingFacts {

    private static final String UNBILLED_WORK = """
            WITH latest AS (
                SELECT entry_id, contract_id, work_date, pricing,
                    CASE WHEN action = 'PRICED' AND settlement = 'MONEY' THEN net_amount ELSE 0 END AS due
                FROM (%s) current),
            invoiced AS (
                SELECT entry_id, SUM(net) AS net FROM invoiced_entry
                WHERE entry_id IN (SELECT entry_id FROM latest) GROUP BY entry_id)
            SELECT l.*, COALESCE(i.net, 0) AS invoiced, COALESCE(
                (SELECT r.number FROM invoiced_entry e JOIN invoice_registry r USING (invoice_id)
                 WHERE e.entry_id = l.entry_id AND r.status = 'ISSUED' ORDER BY r.number DESC LIMIT 1),
                (SELECT r.number FROM invoice_registry r
                 WHERE r.customer_id = ? AND r.month = to_char(l.work_date, 'YYYY-MM')
                   AND r.status = 'ISSUED' AND NOT EXISTS (
                       SELECT 1 FROM invoice_view v WHERE v.invoice_id = r.invoice_id
                       AND v.document::jsonb -> 'heldBack'
                           @> jsonb_build_array(jsonb_build_object('entryId', l.entry_id)))
                 ORDER BY r.number DESC LIMIT 1)) AS invoiced_in
            FROM latest l LEFT JOIN invoiced i USING (entry_id)
            WHERE l.due <> COALESCE(i.net, 0)
            ORDER BY l.work_date, l.entry_id""".formatted(
            PricingQueries.currentPricing("customer_id = ? AND work_date <= ?"));
    private static final String REPORT = "SELECT latest.*, (SELECT t.number FROM ticket_view t "
            + "WHERE t.ticket_id = latest.ticket_id) AS ticket_number FROM ("
            + PricingQueries.currentPricing("customer_id = ? AND work_date BETWEEN ? AND ?")
            + ") latest WHERE action = 'PRICED' ORDER BY work_date, entry_id";

    private final JdbcTemplate jdbc;
    private final ViewJson json;
    private final ContractQueries contracts;

    public BillingFactsQueries(JdbcTemplate jdbc, ViewJson json, ContractQueries contracts) {
        this.jdbc = jdbc;
        this.json = json;
        this.contracts = contracts;
    }

    @Override
    public List<PricedWork> unbilledWork(UUID customerId, LocalDate through) {
        return jdbc.query(UNBILLED_WORK, (rs, n) -> new PricedWork(rs.getObject("entry_id", UUID.class),
                        rs.getObject("contract_id", UUID.class), rs.getDate("work_date").toLocalDate(),
                        json.fromJson(rs.getString("pricing"), PricedEntry.class), rs.getBigDecimal("due"),
                        rs.getBigDecimal("invoiced"), rs.getString("invoiced_in")),
                customerId, Date.valueOf(through), customerId);
    }

    @Override
    public List<ReportEntry> report(UUID customerId, YearMonth month) {
        return jdbc.query(REPORT, (rs, n) -> {
            PricedEntry pricing = json.fromJson(rs.getString("pricing"), PricedEntry.class);
            return new ReportEntry(rs.getObject("entry_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                    rs.getString("ticket_number"), pricing.workDate(), pricing.serviceItem(), pricing.technician(), pricing.role(), pricing.mode(),
                    pricing.rawMinutes(), pricing.billedMinutes(), pricing.settlement(), pricing.quotaMinutes(),
                    rs.getBigDecimal("net_amount"), rs.getString("non_billable_reason"));
        }, customerId, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()));
    }

    @Override
    public List<FeeContract> contracts(UUID customerId) {
        return contracts.ofCustomer(customerId, Scope.ALL).stream()
                .map(c -> new FeeContract(c.contractId(), c.type(), c.startDate(), c.endDate(), c.terms(),
                        c.announcedPrices()))
                .toList();
    }

    @Override
    public List<Overage> overage(UUID customerId, LocalDate through) {
        return jdbc.query("""
                        SELECT l.contract_id, l.business_date, SUM(l.minutes) AS minutes, SUM(l.amount) AS due
                        FROM quota_ledger_view l JOIN contract_view c USING (contract_id)
                        WHERE c.customer_id = ? AND l.kind IN ('SETTLEMENT', 'SETTLEMENT_CORRECTION')
                          AND l.business_date <= ?
                        GROUP BY l.contract_id, l.business_date ORDER BY l.business_date, l.contract_id""",
                (rs, n) -> new Overage(rs.getObject("contract_id", UUID.class),
                        rs.getDate("business_date").toLocalDate(), rs.getLong("minutes"), rs.getBigDecimal("due")),
                customerId, Date.valueOf(through));
    }

    @Override
    public Optional<BigDecimal> vatPercent(UUID contractId) {
        return contracts.find(contractId, Scope.ALL).map(ContractView::terms).map(terms -> terms.vatPercent());
    }
}
