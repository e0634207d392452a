package de.ticketwerk.app.quota;

import de.ticketwerk.app.web.BadRequest;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.contract.api.ContractTerms;
import de.ticketwerk.projections.quota.QuotaQueries;
import de.ticketwerk.projections.quota.QuotaQueries.LedgerLine;
import de.ticketwerk.projections.quota.QuotaQueries.QuotaBalance;
import de.ticketwerk.projections.ticket.TicketViews.Page;
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

/** A QUOTA contract's ledger: the balance now or as of a date, and its lines in business time. */
@RestController
@RequestMapping("/api/v1/contracts/{contractId}/quota")
class QuotaController {

    private final QuotaQueries queries;
    private final Clock clock;

    QuotaController(QuotaQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping
    QuotaBalance balance(@PathVariable UUID contractId, @RequestParam(required = false) LocalDate asOf) {
        requireQuota(contractId);
        return queries.balance(contractId, asOf == null ? today() : asOf);
    }

    @GetMapping("/ledger")
    Page<LedgerLine> ledger(@PathVariable UUID contractId,
                            @RequestParam(required = false) LocalDate from,
                            @RequestParam(required = false) LocalDate to,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        requireQuota(contractId);
        LocalDate first = from == null ? LocalDate.of(1900, 1, 1) : from;
        LocalDate last = to == null ? LocalDate.of(9999, 12, 31) : to;
        if (last.isBefore(first)) {
            throw new BadRequest("to", "to (" + last + ") must not be before from (" + first + ")");
        }
        return queries.ledger(contractId, first, last, page, size);
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
