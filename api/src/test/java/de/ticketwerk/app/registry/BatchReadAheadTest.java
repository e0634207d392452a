package de.ticketwerk.app.registry;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.pricing.api.PricingCommands.PriceTimeEntry;
import de.ticketwerk.pricing.api.PricingCommands.ReverseTimeEntryPricing;
import de.ticketwerk.pricing.domain.PricingProcess;
import de.ticketwerk.ticket.api.Priority;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryCorrected;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryVoided;
import de.ticketwerk.ticket.api.TicketEvents.TimeLogged;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.TimeEntryDetails;
import de.ticketwerk.ticket.api.WorkMode;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's ports read what a batch of the pricing process needs once, and see what the batch decided before its
 * events reach the tables at the batch's commit.
 */
class BatchReadAheadTest extends ApiTest {

    private static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    private final UUID customer = UUID.randomUUID();
    private final UUID contract = UUID.randomUUID();
    private final UUID ticket = UUID.randomUUID();
    private final UUID corrected = UUID.randomUUID();
    private final UUID voided = UUID.randomUUID();
    private final UUID kept = UUID.randomUUID();
    private final List<String> sent = new ArrayList<>();
    private CountingJdbc directoryReads;
    private CountingJdbc entryReads;
    private AnnotationEventHandlerAdapter process;

    /** Counts the queries that read the registry; its writes go to the same database. */
    private final class CountingJdbc extends JdbcTemplate {
        int queries;

        CountingJdbc() {
            super(jdbc.getDataSource());
        }

        @Override
        public void query(PreparedStatementCreator creator, RowCallbackHandler handler) {
            queries++;
            super.query(creator, handler);
        }
    }

    @BeforeEach
    void registerCustomerAndContract() {
        directoryReads = new CountingJdbc();
        entryReads = new CountingJdbc();
        jdbc.update("INSERT INTO customer_registry (customer_id, federal_state) VALUES (?, ?)", customer,
                FederalState.NW.name());
        jdbc.update("""
                INSERT INTO contract_registry (contract_id, customer_id, type, level, start_date, end_date, zone,
                    coverage)
                VALUES (?, ?, 'HOURLY', NULL, ?, NULL, 'Europe/Berlin', '')""", contract, customer,
                Date.valueOf("2026-01-01"));
        EntryPricingRegistry entries = new EntryPricingRegistry(entryReads);
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(PriceTimeEntry.class.getName(), message -> {
            PriceTimeEntry command = (PriceTimeEntry) message.getPayload();
            sent.add("price " + command.entryId() + " " + command.sourceSequence());
            return null;
        });
        bus.subscribe(ReverseTimeEntryPricing.class.getName(), message -> {
            ReverseTimeEntryPricing command = (ReverseTimeEntryPricing) message.getPayload();
            sent.add("reverse " + command.entryId() + " " + command.sourceSequence());
            return null;
        });
        process = new AnnotationEventHandlerAdapter(new PricingProcess(DefaultCommandGateway.builder()
                .commandBus(bus).build(), new CustomerContractsDirectory(directoryReads), entries,
                new PricingProcess.DefaultPriceList(Map.of(Role.TECHNICIAN, new BigDecimal("90.00")),
                        BigDecimal.ZERO)));
    }

    private static TimeEntryDetails entry(String day) {
        return new TimeEntryDetails(Instant.parse(day + "T09:00:00Z"), Instant.parse(day + "T10:00:00Z"),
                Role.TECHNICIAN, WorkMode.REMOTE, "work", true, null, false, "tom");
    }

    private EventMessage<?> ticketEvent(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Ticket", ticket.toString(), sequence, payload);
    }

    private TimeLogged logged(UUID entry, String day) {
        return new TimeLogged(ticket, entry, customer, TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT,
                Priority.NORMAL, entry(day), 60, "tom", AT);
    }

    private void handleAsOneBatch(EventMessage<?>... events) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(events));
        var result = batch.executeWithResult(() -> process.handle(batch.getMessage()));
        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();
    }

    @Test
    void aBatchReadsItsCustomersAndEntriesOnceAndSeesWhatItPriced() {
        handleAsOneBatch(
                ticketEvent(5, logged(corrected, "2026-03-02")),
                ticketEvent(6, new TimeEntryCorrected(ticket, corrected, customer, TicketKind.INCIDENT,
                        ServiceItem.REMOTE_SUPPORT, Priority.NORMAL, entry("2026-03-03"), 60, "longer", "tom", AT)),
                ticketEvent(7, logged(voided, "2026-03-04")),
                ticketEvent(8, new TimeEntryVoided(ticket, voided, customer, "duplicate", "tom", AT)),
                ticketEvent(9, logged(kept, "2026-03-05")));

        assertThat(sent).containsExactly(
                "price " + corrected + " 5", "reverse " + corrected + " 6", "price " + corrected + " 6",
                "price " + voided + " 7", "reverse " + voided + " 8", "price " + kept + " 9");
        assertThat(directoryReads.queries).as("the customers (and then their contracts) are read once for the batch")
                .isEqualTo(2);
        assertThat(entryReads.queries).as("where the entries stand is read once for the whole batch").isEqualTo(1);
    }

    @Test
    void outsideABatchEveryLookupIsRead() {
        CustomerContractsDirectory directory = new CustomerContractsDirectory(directoryReads);

        assertThat(directory.customer(customer)).isPresent();
        assertThat(directory.customer(customer)).isPresent();
        assertThat(directoryReads.queries).isEqualTo(4);
    }
}
