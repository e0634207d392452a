package de.ticketwerk.projections.quota;

import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.projections.pricing.PricingQueries;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.quota.Statements.AnnualStatement;
import de.ticketwerk.projections.quota.Statements.EntryLine;
import de.ticketwerk.projections.quota.Statements.Minutes;
import de.ticketwerk.projections.quota.Statements.MonthBalance;
import de.ticketwerk.projections.quota.Statements.MonthLine;
import de.ticketwerk.projections.quota.Statements.CalendarQuarter;
import de.ticketwerk.projections.quota.Statements.QuarterlyStatement;
import de.ticketwerk.quota.policy.QuotaLedger;
import de.ticketwerk.terms.QuotaTerms.AllotmentPeriod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Statements composed from the quota ledger and the pricing of the contract's time entries. */
public class StatementQueries {

    private final JdbcTemplate jdbc;
    private final ViewJson documents;
    private final QuotaQueries ledger;

    public StatementQueries(JdbcTemplate jdbc, ViewJson documents, QuotaQueries ledger) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.ledger = ledger;
    }

    public QuarterlyStatement quarterly(ContractView contract, int year, int quarter, LocalDate today) {
        LocalDate from = new CalendarQuarter(year, quarter).from();
        LocalDate to = new CalendarQuarter(year, quarter).to();
        var opening = ledger.balance(contract.contractId(), from.minusDays(1));
        var closing = ledger.balance(contract.contractId(), to);
        LocalDate quotaYearFrom = QuotaLedger.contractYearStart(contract.startDate(), to);
        long usedInQuotaYear = closing.used() - ledger.balance(contract.contractId(), quotaYearFrom.minusDays(1)).used();
        var quota = contract.terms().quota();
        Long remaining = quota.period() == AllotmentPeriod.CONTRACT_YEAR
                ? quota.allotmentMinutes() - usedInQuotaYear : null;
        return new QuarterlyStatement(contract.contractId(), year, quarter, from, to, !today.isAfter(to),
                opening.balance(), closing.credited() - opening.credited(), closing.used() - opening.used(),
                usedBy("service_item", contract, from, to), usedBy(TICKET_NUMBER_OR_ID, contract, from, to),
                closing.forfeited() - opening.forfeited(), closing.settled() - opening.settled(),
                closing.settledAmount().subtract(opening.settledAmount()), closing.balance(), quotaYearFrom,
                usedInQuotaYear, remaining);
    }

    /** The quota year that starts in {@code year}: the contract year beginning then. */
    public AnnualStatement annual(ContractView contract, int year, LocalDate today) {
        LocalDate from = contract.startDate().plusYears(year - contract.startDate().getYear());
        LocalDate to = from.plusYears(1).minusDays(1);
        var opening = ledger.balance(contract.contractId(), from.minusDays(1));
        var closing = ledger.balance(contract.contractId(), to);
        List<EntryLine> entries = entries(contract, from, to);
        Map<LocalDate, Long> usedByMonth = usedByMonth(contract, from, to);
        List<MonthLine> months = new ArrayList<>();
        BigDecimal instalments = new BigDecimal("0.00");
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
            BigDecimal instalment = contract.monthlyFee(YearMonth.from(month));
            instalments = instalments.add(instalment);
            months.add(new MonthLine(month, instalment, usedByMonth.getOrDefault(month, 0L)));
        }
        return new AnnualStatement(contract.contractId(), year, from, to, !today.isAfter(to), entries,
                entries.stream().mapToLong(EntryLine::rawMinutes).sum(),
                entries.stream().mapToLong(EntryLine::billedMinutes).sum(),
                entries.stream().mapToLong(EntryLine::quotaMinutes).sum(),
                entries.stream().map(EntryLine::netAmount).reduce(new BigDecimal("0.00"), BigDecimal::add),
                months, instalments, opening.balance(), closing.credited() - opening.credited(),
                closing.used() - opening.used(), closing.forfeited() - opening.forfeited(),
                closing.settled() - opening.settled(), closing.settledAmount().subtract(opening.settledAmount()),
                closing.balance(), Math.max(closing.balance(), 0));
    }

    /** The months from {@code from} to {@code to}, for the statements' chart (R-Q6). */
    public List<MonthBalance> months(ContractView contract, LocalDate from, LocalDate to) {
        List<MonthBalance> months = new ArrayList<>();
        var before = ledger.balance(contract.contractId(), from.minusDays(1));
        for (LocalDate start = from; !start.isAfter(to); start = start.withDayOfMonth(1).plusMonths(1)) {
            LocalDate end = start.withDayOfMonth(start.lengthOfMonth());
            end = end.isAfter(to) ? to : end;
            var after = ledger.balance(contract.contractId(), end);
            months.add(new MonthBalance(start, end, after.credited() - before.credited(), after.used() - before.used(),
                    after.forfeited() - before.forfeited(), after.settled() - before.settled(), after.balance()));
            before = after;
        }
        return months;
    }

    /**
     * A ticket's number never changes once it opened: the live ticket read model tells it, also to a statement as
     * known at an earlier instant.
     */
    private static final String TICKET_NUMBER_OR_ID = "COALESCE((SELECT t.number FROM ticket_view t "
            + "WHERE t.ticket_id = quota_ledger_view.ticket_id), ticket_id::text)";

    private List<Minutes> usedBy(String column, ContractView contract, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT " + column + " AS key, -SUM(minutes) AS used FROM quota_ledger_view "
                        + "WHERE contract_id = ? AND kind IN ('DEBIT', 'REVERSAL') AND business_date BETWEEN ? AND ? "
                        + "GROUP BY 1 HAVING SUM(minutes) <> 0 ORDER BY 2 DESC, 1",
                (rs, n) -> new Minutes(rs.getString("key"), rs.getLong("used")),
                contract.contractId(), Date.valueOf(from), Date.valueOf(to));
    }

    private Map<LocalDate, Long> usedByMonth(ContractView contract, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> used = new TreeMap<>();
        jdbc.query("""
                        SELECT date_trunc('month', business_date)::date AS month, -SUM(minutes) AS used
                        FROM quota_ledger_view WHERE contract_id = ? AND kind IN ('DEBIT', 'REVERSAL')
                            AND business_date BETWEEN ? AND ?
                        GROUP BY 1""",
                rs -> {
                    used.put(rs.getDate("month").toLocalDate(), rs.getLong("used"));
                }, contract.contractId(), Date.valueOf(from), Date.valueOf(to));
        return used;
    }

    /** The current pricing of every time entry of the contract worked in the period, in work order. */
    private List<EntryLine> entries(ContractView contract, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT latest.*, (SELECT t.number FROM ticket_view t WHERE t.ticket_id = latest.ticket_id)"
                        + " AS ticket_number FROM (" + PricingQueries.currentPricing("contract_id = ?") + """
                        ) latest
                        WHERE action = 'PRICED' AND work_date BETWEEN ? AND ?
                        ORDER BY work_date, recorded_at, entry_id""",
                (rs, n) -> entryLine(rs.getObject("ticket_id", java.util.UUID.class), rs.getString("ticket_number"),
                        rs.getObject("entry_id", java.util.UUID.class),
                        documents.fromJson(rs.getString("pricing"), PricedEntry.class),
                        rs.getString("non_billable_reason")),
                contract.contractId(), Date.valueOf(from), Date.valueOf(to));
    }

    private static EntryLine entryLine(java.util.UUID ticketId, String ticketNumber, java.util.UUID entryId,
                                       PricedEntry p, String nonBillableReason) {
        return new EntryLine(p.workDate(), ticketId, ticketNumber, entryId, p.technician(), p.role().name(), p.mode().name(),
                p.serviceItem() == null ? null : p.serviceItem().name(), p.rawMinutes(), p.billedMinutes(),
                p.surchargeMinuteEquivalents(), p.settlement().name(), p.quotaMinutes(),
                p.settlement() == Settlement.MONEY ? p.netAmount() : new BigDecimal("0.00"), nonBillableReason);
    }

}
