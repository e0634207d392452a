package de.ticketwerk.app.contract;

import de.ticketwerk.app.contract.ContractRequests.ConcludeContractRequest;
import de.ticketwerk.app.contract.ContractRequests.PriceChangeRequest;
import de.ticketwerk.app.contract.ContractRequests.TerminationRequest;
import de.ticketwerk.app.registry.CustomerRegistry;
import de.ticketwerk.app.tuning.RandomIds;
import de.ticketwerk.app.access.Actor;
import de.ticketwerk.app.web.BadRequest;
import de.ticketwerk.app.web.BusinessDate;
import de.ticketwerk.app.web.IfMatch;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.contract.api.ContractCommands.AnnouncePriceChange;
import de.ticketwerk.contract.api.ContractCommands.ConcludeContract;
import de.ticketwerk.contract.api.ContractCommands.TerminateContract;
import de.ticketwerk.projections.audit.AsOfReads;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.rules.CustomerNotRegistered;
import de.ticketwerk.terms.ContractTerms;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import de.ticketwerk.app.access.Allowed;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Contracts: conclude with terms, read, list per customer, announce a price change, terminate. */
@RestController
@RequestMapping(path = "/api/v1/contracts", produces = MediaType.APPLICATION_JSON_VALUE)
class ContractController {

    private final CommandGateway commands;
    private final ContractQueries contracts;
    private final AsOfReads asOfReads;
    private final CustomerRegistry registry;
    private final Clock clock;
    private final int maxYearsBack;

    ContractController(CommandGateway commands, ContractQueries contracts, AsOfReads asOfReads,
                       CustomerRegistry registry, Clock clock,
                       @Value("${ticketwerk.contracts.max-years-back}") int maxYearsBack) {
        this.commands = commands;
        this.contracts = contracts;
        this.asOfReads = asOfReads;
        this.registry = registry;
        this.clock = clock;
        this.maxYearsBack = maxYearsBack;
    }

    @PostMapping
    @Allowed.AccountManagement
    ResponseEntity<Map<String, UUID>> conclude(@Valid @RequestBody ConcludeContractRequest body,
                                               Actor actor) {
        FederalState customerState = registry.customerState(body.customerId())
                .orElseThrow(() -> new CustomerNotRegistered(body.customerId()));
        ContractTerms terms = body.terms(customerState);
        LocalDate earliestStart = today(terms).minusYears(maxYearsBack);
        if (body.startDate().isBefore(earliestStart)) {
            throw new BadRequest("startDate", "startDate must not be before " + earliestStart + " (a contract may"
                    + " start at most " + maxYearsBack + " years back)");
        }
        UUID contractId = RandomIds.next();
        commands.sendAndWait(new ConcludeContract(contractId, body.customerId(), body.type(), body.level(),
                body.startDate(), body.endDate(), terms, actor.name(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + contractId))
                .body(Map.of("contractId", contractId));
    }

    @GetMapping("/{contractId}")
    @Allowed.ContractReaders
    ResponseEntity<ContractView> get(@PathVariable UUID contractId,
                                     @RequestParam(required = false) @BusinessDate Instant knownAt, Actor actor) {
        if (knownAt != null) {
            return ResponseEntity.ok(asOfReads.contract(contractId, actor.scope(), knownAt)
                    .orElseThrow(() -> new NotFound("no contract " + contractId + " known at " + knownAt)));
        }
        ContractView contract = contracts.find(contractId, actor.scope())
                .orElseThrow(() -> new NotFound("no contract " + contractId));
        return IfMatch.tagged(contract, contract.revision());
    }

    @GetMapping
    @Allowed.ContractReaders
    List<ContractView> ofCustomer(@RequestParam UUID customerId, Actor actor) {
        return contracts.ofCustomer(customerId, actor.scope());
    }

    @PostMapping("/{contractId}/price-changes")
    @Allowed.AccountManagement
    Map<String, Object> announcePriceChange(@PathVariable UUID contractId, @Valid @RequestBody PriceChangeRequest body,
                                            Actor actor) {
        Object specialTerminationEnd = send(contractId, new AnnouncePriceChange(contractId, body.announcedOn(),
                body.effectiveFrom(), body.monthlyFee(), body.hourlyRates(), actor.name(), clock.instant()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("contractId", contractId);
        answer.put("effectiveFrom", body.effectiveFrom());
        answer.put("specialTerminationEnd", specialTerminationEnd);
        return answer;
    }

    @PostMapping("/{contractId}/termination")
    @Allowed.AccountManagement
    Map<String, Object> terminate(@PathVariable UUID contractId, @Valid @RequestBody TerminationRequest body,
                                  Actor actor) {
        LocalDate endDate = (LocalDate) send(contractId, new TerminateContract(contractId, body.receivedOn(),
                body.channel(), body.by(), Boolean.TRUE.equals(body.specialRight()), actor.name(),
                clock.instant()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("contractId", contractId);
        answer.put("endDate", endDate);
        return answer;
    }

    private Object send(UUID contractId, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new NotFound("no contract " + contractId);
        }
    }

    private LocalDate today(ContractTerms terms) {
        return terms.dayOf(clock.instant());
    }
}
