package de.ticketwerk.app.invoice;

import de.ticketwerk.app.registry.InvoiceRegistry;
import de.ticketwerk.invoice.api.InvoiceCommands.DraftInvoice;
import de.ticketwerk.invoice.policy.MonthDraft;
import de.ticketwerk.invoice.ports.BillingFacts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The billing run of a month (R-I1): per customer, the draft that {@link MonthDraft} decides from the read models'
 * facts. A second run of the month revises the draft and adds nothing twice; an issued invoice stays as it is.
 */
@Component
class BillingRun {

    record Drafted(UUID invoiceId, UUID customerId, YearMonth month, int lines) {
    }

    private final JdbcTemplate jdbc;
    private final InvoiceRegistry registry;
    private final BillingFacts facts;
    private final CommandGateway commands;
    private final Clock clock;

    BillingRun(JdbcTemplate jdbc, InvoiceRegistry registry, BillingFacts facts, CommandGateway commands,
               Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.facts = facts;
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
        MonthDraft.Draft draft = MonthDraft.of(customerId, month, facts, registry);
        if (open.isEmpty() && draft.isEmpty()) {
            return Optional.empty();
        }
        UUID invoiceId = open.isEmpty()
                ? MonthDraft.invoiceId(customerId, month, registry.cancelled(customerId, month)) : open.get(0);
        commands.sendAndWait(new DraftInvoice(invoiceId, customerId, month, draft.lines(), draft.report(), actor,
                clock.instant()));
        return Optional.of(new Drafted(invoiceId, customerId, month, draft.lines().size()));
    }
}
