package de.ticketwerk.app.quota;

import de.ticketwerk.app.web.BadRequest;
import de.ticketwerk.app.web.BusinessDate;
import de.ticketwerk.app.web.BusinessRange;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.contract.api.ContractTerms;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.projections.quota.QuotaQueries;
import de.ticketwerk.projections.quota.StatementQueries;
import de.ticketwerk.projections.quota.Statements.AnnualStatement;
import de.ticketwerk.projections.quota.Statements.QuarterlyStatement;
import de.ticketwerk.rules.RuleViolation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import de.ticketwerk.projections.quota.QuotaQueries.LedgerLine;
import de.ticketwerk.projections.quota.QuotaQueries.QuotaBalance;
import de.ticketwerk.projections.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A QUOTA contract's ledger (the balance now or as of a date, its lines in business time) and its statements, as
 * JSON or, with {@code Accept: text/csv}, as CSV for German spreadsheets.
 */
@RestController
@RequestMapping(path = "/api/v1/contracts/{contractId}", produces = MediaType.APPLICATION_JSON_VALUE)
class QuotaController {

    private final QuotaQueries queries;
    private final StatementQueries statements;
    private final ContractQueries contracts;
    private final Clock clock;

    QuotaController(QuotaQueries queries, StatementQueries statements, ContractQueries contracts, Clock clock) {
        this.queries = queries;
        this.statements = statements;
        this.contracts = contracts;
        this.clock = clock;
    }

    @GetMapping("/quota")
    QuotaBalance balance(@PathVariable UUID contractId, @RequestParam(required = false) @BusinessDate LocalDate asOf) {
        requireQuota(contractId);
        return queries.balance(contractId, asOf == null ? today() : asOf);
    }

    @GetMapping("/quota/ledger")
    Page<LedgerLine> ledger(@PathVariable UUID contractId,
                            @RequestParam(required = false) @BusinessDate LocalDate from,
                            @RequestParam(required = false) @BusinessDate LocalDate to,
                            @RequestParam(required = false) UUID entryId,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        requireQuota(contractId);
        LocalDate first = from == null ? BusinessRange.FIRST_DAY : from;
        LocalDate last = to == null ? BusinessRange.LAST_DAY : to;
        if (last.isBefore(first)) {
            throw new BadRequest("to", "to (" + last + ") must not be before from (" + first + ")");
        }
        return queries.ledger(contractId, first, last, entryId, page, size);
    }

    @GetMapping(path = "/quota", produces = GermanCsv.MEDIA_TYPE)
    ResponseEntity<byte[]> balanceCsv(@PathVariable UUID contractId, @RequestParam(required = false) @BusinessDate LocalDate asOf) {
        QuotaBalance b = balance(contractId, asOf);
        return new GermanCsv()
                .row("Stand am", b.asOf())
                .row("Bestand (min)", b.balance())
                .row("Gutschriften (min)", b.credited())
                .row("Verbraucht (min)", b.used())
                .row("Verfallen (min)", b.forfeited())
                .row("Abgerechnete Mehrminuten", b.settled(), b.settledAmount())
                .response("kontingent-" + b.asOf() + ".csv");
    }

    @GetMapping(path = "/quota/ledger", produces = GermanCsv.MEDIA_TYPE)
    ResponseEntity<byte[]> ledgerCsv(@PathVariable UUID contractId,
                                     @RequestParam(required = false) @BusinessDate LocalDate from,
                                     @RequestParam(required = false) @BusinessDate LocalDate to,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                     @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        GermanCsv csv = new GermanCsv().row("Datum", "Buchung", "Minuten", "Bestand (min)", "Ticket", "Eintrag",
                "Betrag (EUR)", "Korrektur wegen Eintrag", "Details");
        ledger(contractId, from, to, null, page, size).items().forEach(l -> csv.row(l.businessDate(), l.kind(),
                l.minutes(), l.balance(), l.ticketId(), l.entryId(), l.amount(), l.causedBy(), l.details()));
        return csv.response("kontingent-buchungen.csv");
    }

    @GetMapping("/statements/quarterly/{year}/{quarter}")
    QuarterlyStatement quarterly(@PathVariable UUID contractId, @PathVariable @Min(2000) @Max(2099) int year,
                                 @PathVariable @Min(1) @Max(4) int quarter) {
        return statements.quarterly(quotaContract(contractId), year, quarter, today());
    }

    @GetMapping(path = "/statements/quarterly/{year}/{quarter}", produces = GermanCsv.MEDIA_TYPE)
    ResponseEntity<byte[]> quarterlyCsv(@PathVariable UUID contractId, @PathVariable @Min(2000) @Max(2099) int year,
                                        @PathVariable @Min(1) @Max(4) int quarter) {
        QuarterlyStatement s = quarterly(contractId, year, quarter);
        GermanCsv csv = new GermanCsv()
                .row("Zwischenstand", "Q" + quarter + "/" + year, s.provisional() ? "vorläufig" : "endgültig")
                .row("Zeitraum", s.from(), s.to())
                .row("Anfangsbestand (min)", s.openingBalance())
                .row("Gutschriften (min)", s.credited())
                .row("Verbraucht (min)", s.used())
                .row("Verfallen (min)", s.forfeited())
                .row("Abgerechnete Mehrminuten", s.settledMinutes(), s.settledAmount())
                .row("Endbestand (min)", s.closingBalance())
                .row("Verbraucht im Kontingentjahr seit " + GermanCsv.cell(s.quotaYearFrom()) + " (min)",
                        s.usedInQuotaYear())
                .row("Rest des Jahreskontingents (min)", s.remainingOfAnnualQuota())
                .blank().row("Leistung", "Minuten");
        s.usedByServiceItem().forEach(m -> csv.row(m.key(), m.minutes()));
        csv.blank().row("Ticket", "Minuten");
        s.usedByTicket().forEach(m -> csv.row(m.key(), m.minutes()));
        return csv.response("zwischenstand-" + year + "-q" + quarter + ".csv");
    }

    @GetMapping("/statements/annual/{year}")
    AnnualStatement annual(@PathVariable UUID contractId, @PathVariable @Min(2000) @Max(2099) int year) {
        ContractView contract = quotaContract(contractId);
        if (year < contract.startDate().getYear()) {
            throw new RuleViolation("R-Q6", "the contract starts on " + contract.startDate() + "; there is no quota "
                    + "year " + year);
        }
        return statements.annual(contract, year, today());
    }

    @GetMapping(path = "/statements/annual/{year}", produces = GermanCsv.MEDIA_TYPE)
    ResponseEntity<byte[]> annualCsv(@PathVariable UUID contractId, @PathVariable @Min(2000) @Max(2099) int year) {
        AnnualStatement s = annual(contractId, year);
        GermanCsv csv = new GermanCsv()
                .row("Jahresaufstellung", s.from(), s.to(), s.provisional() ? "vorläufig" : "endgültig")
                .row("Datum", "Ticket", "Eintrag", "Techniker", "Rolle", "Art", "Leistung", "Minuten",
                        "Abgerechnete Minuten", "Zuschlag (min)", "Abrechnung", "Kontingent (min)", "Netto (EUR)",
                        "Nicht abrechenbar, weil");
        s.entries().forEach(e -> csv.row(e.workDate(), e.ticketId(), e.entryId(), e.technician(), e.role(),
                e.mode(), e.serviceItem(), e.rawMinutes(), e.billedMinutes(), e.surchargeMinuteEquivalents(),
                e.settlement(), e.quotaMinutes(), e.netAmount(), e.nonBillableReason()));
        csv.row("Summe", null, null, null, null, null, null, s.rawMinutes(), s.billedMinutes(), null, null,
                s.quotaMinutes(), s.chargedAmount(), null);
        csv.blank().row("Monat", "Abschlag (EUR)", "Verbraucht (min)");
        s.months().forEach(m -> csv.row(m.month(), m.instalment(), m.used()));
        csv.row("Summe", s.instalments(), s.used())
                .blank()
                .row("Anfangsbestand (min)", s.openingBalance())
                .row("Gutschriften (min)", s.credited())
                .row("Verbraucht (min)", s.used())
                .row("Verfallen (min)", s.forfeited())
                .row("Mehrminuten", s.overageMinutes(), s.overageAmount())
                .row("Endbestand (min)", s.closingBalance())
                .row("Übertrag (min)", s.carriedOver());
        return csv.response("jahresaufstellung-" + year + ".csv");
    }

    private ContractView quotaContract(UUID contractId) {
        requireQuota(contractId);
        return contracts.find(contractId).orElseThrow(() -> new NotFound("no contract " + contractId));
    }

    private void requireQuota(UUID contractId) {
        if (!queries.exists(contractId)) {
            throw new NotFound("no quota ledger for contract " + contractId + " (only QUOTA contracts have one)");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of(ContractTerms.DEFAULT_ZONE));
    }
}
