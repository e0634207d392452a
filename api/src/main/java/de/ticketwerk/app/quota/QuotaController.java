package de.ticketwerk.app.quota;

import de.ticketwerk.app.quota.QuarterlyNotices.QuarterlyNotice;
import de.ticketwerk.app.web.Downloads;
import de.ticketwerk.documents.GermanCsv;
import de.ticketwerk.documents.quota.QuotaCsv;
import de.ticketwerk.documents.quota.StatementPdfs;
import de.ticketwerk.app.web.BadRequest;
import de.ticketwerk.app.web.BusinessDate;
import de.ticketwerk.app.web.BusinessRange;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.audit.AsOfReads;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.projections.quota.QuotaQueries;
import de.ticketwerk.projections.quota.QuotaQueries.LedgerLine;
import de.ticketwerk.projections.quota.QuotaQueries.QuotaBalance;
import de.ticketwerk.projections.quota.StatementQueries;
import de.ticketwerk.projections.quota.Statements.AnnualStatement;
import de.ticketwerk.projections.quota.Statements.QuarterlyStatement;
import de.ticketwerk.rules.RuleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import de.ticketwerk.app.access.Actor;
import de.ticketwerk.app.access.Allowed;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A QUOTA contract's ledger (the balance now or as of a date, its lines in business time) and its statements, as
 * JSON or, with {@code Accept: text/csv}, as CSV for German spreadsheets; the statements also, with
 * {@code Accept: application/pdf}, as PDF for the customer.
 */
@RestController
@RequestMapping(path = "/api/v1/contracts/{contractId}", produces = MediaType.APPLICATION_JSON_VALUE)
class QuotaController {

    private final QuotaQueries queries;
    private final StatementQueries statements;
    private final ContractQueries contracts;
    private final StatementPdfs documents;
    private final Clock clock;
    private final AsOfReads asOfReads;
    private final QuarterlyNotices notices;

    QuotaController(QuotaQueries queries, StatementQueries statements, ContractQueries contracts, AsOfReads asOfReads,
                    StatementPdfs documents, QuarterlyNotices notices, Clock clock) {
        this.notices = notices;
        this.queries = queries;
        this.statements = statements;
        this.contracts = contracts;
        this.documents = documents;
        this.clock = clock;
        this.asOfReads = asOfReads;
    }

    @GetMapping("/quota")
    @Allowed.QuotaReaders
    QuotaBalance balance(@PathVariable UUID contractId, @RequestParam(required = false) @BusinessDate LocalDate asOf,
                         @RequestParam(required = false) @BusinessDate Instant knownAt, Actor actor) {
        if (knownAt != null) {
            ContractView contract = knownContract(contractId, actor, knownAt);
            return asOfReads.quotaBalance(contractId, asOf == null ? contract.terms().dayOf(knownAt) : asOf, knownAt)
                    .orElseThrow(() -> noLedger(contractId, knownAt));
        }
        ContractView contract = quotaContract(contractId, actor);
        return queries.balance(contractId, asOf == null ? today(contract) : asOf);
    }

    @GetMapping("/quota/ledger")
    @Allowed.QuotaReaders
    Page<LedgerLine> ledger(@PathVariable UUID contractId,
                            @RequestParam(required = false) @BusinessDate LocalDate from,
                            @RequestParam(required = false) @BusinessDate LocalDate to,
                            @RequestParam(required = false) UUID entryId,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                            @RequestParam(required = false) @BusinessDate Instant knownAt, Actor actor) {
        quotaContract(contractId, actor, knownAt);
        LocalDate first = from == null ? BusinessRange.FIRST_DAY : from;
        LocalDate last = to == null ? BusinessRange.LAST_DAY : to;
        if (last.isBefore(first)) {
            throw new BadRequest("to", "to (" + last + ") must not be before from (" + first + ")");
        }
        return knownAt == null ? queries.ledger(contractId, first, last, entryId, page, size)
                : asOfReads.quotaLedger(contractId, first, last, entryId, page, size, knownAt)
                .orElseThrow(() -> noLedger(contractId, knownAt));
    }

    @GetMapping(path = "/quota", produces = GermanCsv.MEDIA_TYPE)
    @Allowed.QuotaReaders
    ResponseEntity<byte[]> balanceCsv(@PathVariable UUID contractId,
                                      @RequestParam(required = false) @BusinessDate LocalDate asOf, Actor actor) {
        return Downloads.attachment(QuotaCsv.balance(balance(contractId, asOf, null, actor)));
    }

    @GetMapping(path = "/quota/ledger", produces = GermanCsv.MEDIA_TYPE)
    @Allowed.QuotaReaders
    ResponseEntity<byte[]> ledgerCsv(@PathVariable UUID contractId,
                                     @RequestParam(required = false) @BusinessDate LocalDate from,
                                     @RequestParam(required = false) @BusinessDate LocalDate to,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                     @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                                     Actor actor) {
        return Downloads.attachment(QuotaCsv.ledger(ledger(contractId, from, to, null, page, size, null, actor)
                .items()));
    }

    /** R-S4: the quarterly notifications sent for the contract, and their corrections. */
    @GetMapping("/quota/notices")
    @Allowed.QuotaReaders
    List<QuarterlyNotice> notices(@PathVariable UUID contractId, Actor actor) {
        quotaContract(contractId, actor);
        return notices.of(contractId);
    }

    @GetMapping("/statements/quarterly/{year}/{quarter}")
    @Allowed.QuotaReaders
    QuarterlyStatement quarterly(@PathVariable UUID contractId, @PathVariable @Min(2000) @Max(2099) int year,
                                 @PathVariable @Min(1) @Max(4) int quarter,
                                 @RequestParam(required = false) @BusinessDate Instant knownAt, Actor actor) {
        if (knownAt != null) {
            return asOfReads.quarterly(contractId, actor.scope(), year, quarter, knownAt)
                    .orElseThrow(() -> noLedger(contractId, knownAt));
        }
        ContractView contract = quotaContract(contractId, actor);
        return statements.quarterly(contract, year, quarter, today(contract));
    }

    @GetMapping(path = "/statements/quarterly/{year}/{quarter}", produces = GermanCsv.MEDIA_TYPE)
    @Allowed.QuotaReaders
    ResponseEntity<byte[]> quarterlyCsv(@PathVariable UUID contractId, @PathVariable @Min(2000) @Max(2099) int year,
                                        @PathVariable @Min(1) @Max(4) int quarter,
                                        @RequestParam(required = false) @BusinessDate Instant knownAt, Actor actor) {
        return Downloads.attachment(QuotaCsv.quarterly(quarterly(contractId, year, quarter, knownAt, actor), year,
                quarter));
    }

    @GetMapping(path = "/statements/quarterly/{year}/{quarter}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Allowed.QuotaReaders
    ResponseEntity<byte[]> quarterlyPdf(@PathVariable UUID contractId, @PathVariable @Min(2000) @Max(2099) int year,
                                        @PathVariable @Min(1) @Max(4) int quarter,
                                        @RequestParam(required = false) @BusinessDate Instant knownAt, Actor actor) {
        ContractView contract = quotaContract(contractId, actor, knownAt);
        return Downloads.attachment(documents.quarterly(contract, quarterly(contractId, year, quarter, knownAt,
                actor)));
    }

    @GetMapping("/statements/annual/{year}")
    @Allowed.QuotaReaders
    AnnualStatement annual(@PathVariable UUID contractId, @PathVariable @Min(2000) @Max(2099) int year,
                           @RequestParam(required = false) @BusinessDate Instant knownAt, Actor actor) {
        if (knownAt != null) {
            startsBy(knownContract(contractId, actor, knownAt), year);
            return asOfReads.annual(contractId, actor.scope(), year, knownAt)
                    .orElseThrow(() -> noLedger(contractId, knownAt));
        }
        return annual(quotaContract(contractId, actor), year);
    }

    @GetMapping(path = "/statements/annual/{year}", produces = GermanCsv.MEDIA_TYPE)
    @Allowed.QuotaReaders
    ResponseEntity<byte[]> annualCsv(@PathVariable UUID contractId, @PathVariable @Min(2000) @Max(2099) int year,
                                     @RequestParam(required = false) @BusinessDate Instant knownAt, Actor actor) {
        return Downloads.attachment(QuotaCsv.annual(annual(contractId, year, knownAt, actor), year));
    }

    @GetMapping(path = "/statements/annual/{year}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Allowed.QuotaReaders
    ResponseEntity<byte[]> annualPdf(@PathVariable UUID contractId, @PathVariable @Min(2000) @Max(2099) int year,
                                     @RequestParam(required = false) @BusinessDate Instant knownAt, Actor actor) {
        ContractView contract = quotaContract(contractId, actor, knownAt);
        return Downloads.attachment(documents.annual(contract, annual(contractId, year, knownAt, actor)));
    }

    private AnnualStatement annual(ContractView contract, int year) {
        startsBy(contract, year);
        return statements.annual(contract, year, today(contract));
    }

    private static void startsBy(ContractView contract, int year) {
        if (year < contract.startDate().getYear()) {
            throw new RuleViolation("R-Q6", "the contract starts on " + contract.startDate() + "; there is no quota "
                    + "year " + year);
        }
    }

    /** Another customer's contract is not found, exactly like an unknown one (R-A3). */
    private ContractView quotaContract(UUID contractId, Actor actor) {
        ContractView contract = contracts.find(contractId, actor.scope())
                .orElseThrow(() -> new NotFound("no contract " + contractId));
        if (!queries.exists(contractId)) {
            throw new NotFound("no quota ledger for contract " + contractId + " (only QUOTA contracts have one)");
        }
        return contract;
    }

    /** As above, or as the contract was known at the instant (R-AU2) when one is given. */
    private ContractView quotaContract(UUID contractId, Actor actor, Instant knownAt) {
        return knownAt == null ? quotaContract(contractId, actor) : knownContract(contractId, actor, knownAt);
    }

    /** The contract as it was known at the instant (R-AU2); another customer's is not found (R-A3). */
    private ContractView knownContract(UUID contractId, Actor actor, Instant knownAt) {
        return asOfReads.contract(contractId, actor.scope(), knownAt)
                .orElseThrow(() -> new NotFound("no contract " + contractId + " known at " + knownAt));
    }

    private static NotFound noLedger(UUID contractId, Instant knownAt) {
        return new NotFound("no quota ledger for contract " + contractId + " known at " + knownAt);
    }

    private LocalDate today(ContractView contract) {
        return contract.terms().dayOf(clock.instant());
    }
}
