package de.ticketwerk.pricing.domain;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.ports.ContractDirectory;
import de.ticketwerk.ports.ContractDirectory.CustomerContracts;
import de.ticketwerk.ports.ContractPeriod;
import de.ticketwerk.ports.PricedEntries;
import de.ticketwerk.ports.PricedEntries.EntryPricingState;
import de.ticketwerk.pricing.api.PricingCommands.PriceTimeEntry;
import de.ticketwerk.pricing.api.PricingCommands.ReverseTimeEntryPricing;
import de.ticketwerk.terms.ContractType;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pricing process over one batch of ticket events, as a pooled processor hands it over. The batch's events reach
 * the registry only when it commits, so the process tells the port what it decided. How the real ports read ahead for
 * a batch: {@code BatchReadAheadTest} in the api module.
 */
class PricingProcessTest {

    private static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID CONTRACT = UUID.fromString("00000000-0000-0000-0000-00000000c0c1");
    private static final UUID TICKET = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID CORRECTED = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID VOIDED = UUID.fromString("00000000-0000-0000-0000-0000000000e2");
    private static final UUID KEPT = UUID.fromString("00000000-0000-0000-0000-0000000000e3");
    private static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    private final List<Object> sent = new ArrayList<>();
    private final Map<UUID, EntryPricingState> registry = new HashMap<>();
    private AnnotationEventHandlerAdapter process;

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> command : List.of(PriceTimeEntry.class, ReverseTimeEntryPricing.class)) {
            bus.subscribe(command.getName(), message -> {
                sent.add(message.getPayload());
                return null;
            });
        }
        ContractDirectory directory = customerIds -> {
            return Map.of(CUSTOMER, new CustomerContracts(FederalState.NW, List.of(new ContractPeriod(CONTRACT,
                    CUSTOMER, ContractType.QUOTA, null, LocalDate.parse("2026-01-01"), null, "Europe/Berlin",
                    Set.of()))));
        };
        PricedEntries pricedEntries = new PricedEntries() {
            @Override
            public Map<UUID, EntryPricingState> find(Collection<UUID> entryIds) {
                Map<UUID, EntryPricingState> found = new HashMap<>();
                entryIds.stream().filter(registry::containsKey).forEach(id -> found.put(id, registry.get(id)));
                return found;
            }

            @Override
            public void decided(UUID entryId, EntryPricingState state) {
                registry.put(entryId, state);
            }
        };
        process = new AnnotationEventHandlerAdapter(new PricingProcess(DefaultCommandGateway.builder()
                .commandBus(bus).build(), directory, pricedEntries,
                new PricingProcess.DefaultPriceList(Map.of(Role.TECHNICIAN, new BigDecimal("90.00")),
                        BigDecimal.ZERO)));
    }

    private static TimeEntryDetails entry(String day) {
        return new TimeEntryDetails(Instant.parse(day + "T09:00:00Z"), Instant.parse(day + "T10:00:00Z"),
                Role.TECHNICIAN, WorkMode.REMOTE, "work", true, null, false, "tom");
    }

    private static EventMessage<?> ticketEvent(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Ticket", TICKET.toString(), sequence, payload);
    }

    private static TimeLogged logged(UUID entry, String day) {
        return new TimeLogged(TICKET, entry, CUSTOMER, TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT,
                Priority.NORMAL, entry(day), 60, "tom", AT);
    }

    private void handleAsOneBatch(EventMessage<?>... events) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(events));
        var result = batch.executeWithResult(() -> process.handle(batch.getMessage()));
        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();
    }

    @Test
    void aCorrectionOrVoidOfAnEntryLoggedEarlierInTheSameBatchReversesThatPricing() {
        handleAsOneBatch(
                ticketEvent(5, logged(CORRECTED, "2026-03-02")),
                ticketEvent(6, new TimeEntryCorrected(TICKET, CORRECTED, CUSTOMER, TicketKind.INCIDENT,
                        ServiceItem.REMOTE_SUPPORT, Priority.NORMAL, entry("2026-03-03"), 60, "longer", "tom", AT)),
                ticketEvent(7, logged(VOIDED, "2026-03-04")),
                ticketEvent(8, new TimeEntryVoided(TICKET, VOIDED, CUSTOMER, "duplicate", "tom", AT)),
                ticketEvent(9, logged(KEPT, "2026-03-05")));

        assertThat(sent).extracting(command -> command.getClass().getSimpleName() + " "
                        + (command instanceof PriceTimeEntry p ? p.entryId() + " " + p.sourceSequence()
                        : ((ReverseTimeEntryPricing) command).entryId() + " "
                        + ((ReverseTimeEntryPricing) command).sourceSequence()))
                .containsExactly(
                        "PriceTimeEntry " + CORRECTED + " 5",
                        "ReverseTimeEntryPricing " + CORRECTED + " 6",
                        "PriceTimeEntry " + CORRECTED + " 6",
                        "PriceTimeEntry " + VOIDED + " 7",
                        "ReverseTimeEntryPricing " + VOIDED + " 8",
                        "PriceTimeEntry " + KEPT + " 9");
    }

    @Test
    void eventsTheRegistryAlreadyRecordsAreSkipped() {
        registry.put(CORRECTED, new EntryPricingState(CONTRACT, true, 6, true));

        handleAsOneBatch(
                ticketEvent(5, logged(CORRECTED, "2026-03-02")),
                ticketEvent(6, new TimeEntryCorrected(TICKET, CORRECTED, CUSTOMER, TicketKind.INCIDENT,
                        ServiceItem.REMOTE_SUPPORT, Priority.NORMAL, entry("2026-03-03"), 60, "longer", "tom", AT)),
                ticketEvent(7, logged(KEPT, "2026-03-05")));

        assertThat(sent).hasSize(1).first().isInstanceOfSatisfying(PriceTimeEntry.class,
                command -> assertThat(command.entryId()).isEqualTo(KEPT));
    }
}
