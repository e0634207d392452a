package de.ticketwerk.app.invoice;

import de.ticketwerk.app.access.Actor;
import de.ticketwerk.app.access.Allowed;
import de.ticketwerk.app.config.SellerProperties;
import de.ticketwerk.app.invoice.InvoiceRequests.CancelRequest;
import de.ticketwerk.app.invoice.InvoiceRequests.HoldBackRequest;
import de.ticketwerk.app.invoice.InvoiceRequests.IssueRequest;
import de.ticketwerk.app.invoice.InvoiceRequests.RunRequest;
import de.ticketwerk.app.registry.InvoiceRegistry;
import de.ticketwerk.app.web.BusinessDate;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.app.web.SingleLine;
import de.ticketwerk.calendar.Days;
import de.ticketwerk.customer.api.CustomerDetails;
import de.ticketwerk.invoice.api.InvoiceCommands.CancelInvoice;
import de.ticketwerk.invoice.api.InvoiceCommands.HoldBackEntry;
import de.ticketwerk.invoice.api.InvoiceCommands.IssueInvoice;
import de.ticketwerk.invoice.api.InvoiceParties;
import de.ticketwerk.invoice.api.InvoiceParties.Party;
import de.ticketwerk.invoice.api.InvoiceStatus;
import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.audit.AsOfReads;
import de.ticketwerk.projections.customer.CustomerQueries;
import de.ticketwerk.projections.customer.CustomerView;
import de.ticketwerk.projections.invoice.InvoiceQueries;
import de.ticketwerk.projections.invoice.InvoiceView;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.rules.StateConflict;
import de.ticketwerk.terms.ContractTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Billing runs, drafts, issue and cancellation (R-I1…R-I6). Reads follow the commands within moments. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class InvoiceController {

    private static final ZoneId BERLIN = ZoneId.of(ContractTerms.DEFAULT_ZONE);

    private final BillingRun billingRun;
    private final CommandGateway commands;
    private final InvoiceQueries queries;
    private final AsOfReads asOfReads;
    private final InvoiceRegistry registry;
    private final CustomerQueries customers;
    private final SellerProperties seller;
    private final Clock clock;

    InvoiceController(BillingRun billingRun, CommandGateway commands, InvoiceQueries queries, AsOfReads asOfReads,
                      InvoiceRegistry registry, CustomerQueries customers, SellerProperties seller, Clock clock) {
        this.billingRun = billingRun;
        this.commands = commands;
        this.queries = queries;
        this.asOfReads = asOfReads;
        this.registry = registry;
        this.customers = customers;
        this.seller = seller;
        this.clock = clock;
    }

    record RunResult(YearMonth month, List<BillingRun.Drafted> drafts) {
    }

    @PostMapping("/billing-runs")
    @Allowed.Finance
    RunResult run(@Valid @RequestBody RunRequest body, Actor actor) {
        if (!body.month().isBefore(YearMonth.from(today()))) {
            throw new RuleViolation("R-I1", "month " + body.month() + " has not ended yet");
        }
        return new RunResult(body.month(), billingRun.run(body.month(), body.customerId(), actor.name()));
    }

    @GetMapping("/invoices")
    @Allowed.InvoiceReaders
    Page<InvoiceView> list(@RequestParam(required = false) UUID customerId,
                           @RequestParam(required = false) @BusinessDate YearMonth month,
                           @RequestParam(required = false) InvoiceStatus status,
                           @RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{5}") @SingleLine String number,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                           @RequestParam(required = false) @BusinessDate Instant knownAt, Actor actor) {
        String state = status == null ? null : status.name();
        return knownAt == null ? queries.list(actor.scope(), customerId, month, state, number, page, size)
                : asOfReads.invoices(actor.scope(), customerId, month, state, number, page, size, knownAt);
    }

    @GetMapping("/invoices/{invoiceId}")
    @Allowed.InvoiceReaders
    InvoiceView get(@PathVariable UUID invoiceId, Actor actor) {
        return queries.find(invoiceId, actor.scope()).orElseThrow(() -> new NotFound("no invoice " + invoiceId));
    }

    @PostMapping("/invoices/{invoiceId}/held-back-entries")
    @Allowed.Finance
    Map<String, UUID> holdBack(@PathVariable UUID invoiceId, @Valid @RequestBody HoldBackRequest body, Actor actor) {
        commands.sendAndWait(new HoldBackEntry(invoiceId, body.entryId(), body.reason(), actor.name(),
                clock.instant()));
        return Map.of("invoiceId", invoiceId, "entryId", body.entryId());
    }

    @PostMapping("/invoices/{invoiceId}/issue")
    @Allowed.Finance
    Map<String, Object> issue(@PathVariable UUID invoiceId, @Valid @RequestBody(required = false) IssueRequest body,
                              Actor actor) {
        LocalDate date = body == null || body.issueDate() == null ? today() : body.issueDate();
        String number = commands.sendAndWait(new IssueInvoice(invoiceId, date, parties(invoiceId), actor.name(),
                clock.instant()));
        return Map.of("invoiceId", invoiceId, "number", number);
    }

    @PostMapping("/invoices/{invoiceId}/cancellation")
    @Allowed.Finance
    Map<String, Object> cancel(@PathVariable UUID invoiceId, @Valid @RequestBody CancelRequest body, Actor actor) {
        LocalDate date = body.date() == null ? today() : body.date();
        String number = commands.sendAndWait(new CancelInvoice(invoiceId, date, body.reason(), parties(invoiceId),
                actor.name(), clock.instant()));
        return Map.of("invoiceId", invoiceId, "number", number);
    }

    /** R-I7: the seller as configured and the customer as the read model shows them now. */
    private InvoiceParties parties(UUID invoiceId) {
        UUID customerId = registry.customerOf(invoiceId).orElseThrow(() -> new NotFound("no invoice " + invoiceId));
        CustomerDetails buyer = customers.find(customerId, Scope.ALL).map(CustomerView::details)
                .orElseThrow(() -> new StateConflict("R-I7", "customer " + customerId + " is not readable yet"));
        return new InvoiceParties(seller.party(), new Party(buyer.name(), buyer.address(), buyer.vatId(), null,
                buyer.reportEmails().stream().findFirst().orElse(null), null, buyer.debtorNumber()), seller.account());
    }

    private LocalDate today() {
        return Days.dayOf(clock.instant(), BERLIN);
    }
}
