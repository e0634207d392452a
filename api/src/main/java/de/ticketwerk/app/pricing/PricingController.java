package de.ticketwerk.app.pricing;

import de.ticketwerk.app.web.BusinessDate;
import de.ticketwerk.app.web.MultiLine;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.Work;
import de.ticketwerk.pricing.policy.PricingPolicy;
import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.projections.pricing.EntryPricingView;
import de.ticketwerk.projections.pricing.PricingQueries;
import de.ticketwerk.projections.pricing.PricingQueries.FlaggedEntry;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.TimeEntryDetails;
import de.ticketwerk.ticket.api.WorkMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import de.ticketwerk.app.access.Allowed;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The stored pricing of time entries, and a preview that prices a hypothetical entry without storing anything. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class PricingController {

    record PreviewRequest(@NotNull UUID contractId,
                          @NotNull TicketKind kind,
                          @NotNull ServiceItem serviceItem,
                          @NotNull @BusinessDate Instant start,
                          @NotNull @BusinessDate Instant end,
                          @NotNull Role role,
                          @NotNull WorkMode mode,
                          Boolean billable,
                          @Size(max = 2_000) @MultiLine String nonBillableReason,
                          Boolean emergency) {
    }

    private final PricingQueries pricing;
    private final ContractQueries contracts;
    private final PublicHolidays holidays;

    PricingController(PricingQueries pricing, ContractQueries contracts, PublicHolidays holidays) {
        this.pricing = pricing;
        this.contracts = contracts;
        this.holidays = holidays;
    }

    @GetMapping("/time-entries/{entryId}/pricing")
    @Allowed.MoneyReaders
    EntryPricingView pricingOf(@PathVariable UUID entryId) {
        return pricing.ofEntry(entryId).orElseThrow(() -> new NotFound("no pricing for time entry " + entryId
                + " (yet: an entry is priced moments after it is logged)"));
    }

    @GetMapping("/pricing/without-contract")
    @Allowed.MoneyReaders
    Page<FlaggedEntry> withoutContract(@RequestParam(required = false) UUID customerId,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return pricing.withoutContract(customerId, page, size);
    }

    @PostMapping("/pricing/preview")
    @Allowed.MoneyReaders
    PricedEntry preview(@Valid @RequestBody PreviewRequest body) {
        ContractView contract = contracts.find(body.contractId(), Scope.ALL)
                .orElseThrow(() -> new NotFound("no contract " + body.contractId()));
        TimeEntryDetails entry = new TimeEntryDetails(body.start(), body.end(), body.role(), body.mode(), "preview",
                body.billable() == null || body.billable(), body.nonBillableReason(),
                Boolean.TRUE.equals(body.emergency()), "preview");
        LocalDate workDate = entry.workDate(contract.terms().zoneId());
        if (!contract.inForceOn(workDate)) {
            throw new RuleViolation("R-C1", "contract " + contract.contractId() + " is not in force on " + workDate);
        }
        return PricingPolicy.priceUnderContract(contract.type(), contract.level(), contract.terms(),
                contract.announcedPrices(), new Work(body.kind(), body.serviceItem(), entry), holidays);
    }
}
