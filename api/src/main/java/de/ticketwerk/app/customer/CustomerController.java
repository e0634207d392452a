package de.ticketwerk.app.customer;

import de.ticketwerk.app.tuning.RandomIds;
import de.ticketwerk.app.access.Actor;
import de.ticketwerk.app.web.IfMatch;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.app.web.SingleLine;
import de.ticketwerk.customer.api.CustomerCommands.RegisterCustomer;
import de.ticketwerk.customer.api.CustomerCommands.UpdateCustomer;
import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.Revised;
import de.ticketwerk.projections.customer.CustomerQueries;
import de.ticketwerk.projections.customer.CustomerView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import de.ticketwerk.app.access.Allowed;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Customers' master data. Reads follow the command within moments, like every read model. */
@RestController
@RequestMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerController {

    private final CommandGateway commands;
    private final CustomerQueries queries;
    private final Clock clock;

    CustomerController(CommandGateway commands, CustomerQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping
    @Allowed.AccountManagement
    ResponseEntity<Map<String, UUID>> register(@Valid @RequestBody CustomerRequest body,
                                               Actor actor) {
        UUID customerId = RandomIds.next();
        commands.sendAndWait(new RegisterCustomer(customerId, body.details(), actor.name(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId))
                .body(Map.of("customerId", customerId));
    }

    @PutMapping("/{customerId}")
    @Allowed.AccountManagement
    Map<String, UUID> update(@PathVariable UUID customerId, @Valid @RequestBody CustomerRequest body,
                             Actor actor) {
        try {
            commands.sendAndWait(new UpdateCustomer(customerId, body.details(), actor.name(), clock.instant()));
        } catch (AggregateNotFoundException e) {
            throw new NotFound("no customer " + customerId);
        }
        return Map.of("customerId", customerId);
    }

    @GetMapping("/{customerId}")
    @Allowed.CustomerReaders
    ResponseEntity<CustomerView> get(@PathVariable UUID customerId, Actor actor) {
        Revised<CustomerView> customer = queries.revised(customerId, actor.scope())
                .orElseThrow(() -> new NotFound("no customer " + customerId));
        return IfMatch.tagged(customer.view(), customer.revision());
    }

    @GetMapping
    @Allowed.CustomerReaders
    Page<CustomerView> list(@RequestParam(required = false) @Size(max = 200) @SingleLine String name,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, Actor actor) {
        return queries.list(actor.scope(), name, page, size);
    }
}
