package de.ticketwerk.pricing.domain;

import de.ticketwerk.billing.policy.ContractSelection;
import de.ticketwerk.contract.api.ContractPeriod;
import de.ticketwerk.contract.api.ContractTerms;
import de.ticketwerk.contract.api.ContractType;
import de.ticketwerk.contract.domain.ContractDirectory;
import de.ticketwerk.contract.domain.ContractDirectory.CustomerContracts;
import de.ticketwerk.customer.api.FederalState;
import de.ticketwerk.pricing.api.PricingCommands.PriceTimeEntry;
import de.ticketwerk.pricing.api.PricingCommands.PriceWorkWithoutContract;
import de.ticketwerk.pricing.api.PricingCommands.ReverseTimeEntryPricing;
import de.ticketwerk.pricing.api.PricingCommands.ReverseWorkWithoutContract;
import de.ticketwerk.pricing.api.Work;
import de.ticketwerk.pricing.domain.PricedEntries.EntryPricingState;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryCorrected;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryVoided;
import de.ticketwerk.ticket.api.TicketEvents.TimeLogged;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Prices every time entry by the contract in force on its work date (R-C1…R-C4, R-E3). A correction reverses the
 * earlier pricing wherever it was and prices anew; a void reverses it. Each ticket event is handled once: its
 * sequence number is recorded with the pricing, and an event whose number is already recorded is skipped. It is
 * a process, not a read model: it is never replayed.
 * <p>
 * Events are handled in batches, one transaction each; what a batch needs from the registry is read once when it
 * starts ({@link PricingBatch}).
 */
@ProcessingGroup(PricingProcess.NAME)
@DisallowReplay
public class PricingProcess {

    public static final String NAME = "pricing";
    private static final String BATCH = PricingProcess.class.getName() + ".batch";
    private static final Set<Class<?>> TIME_EVENTS = Set.of(TimeLogged.class, TimeEntryCorrected.class,
            TimeEntryVoided.class);
    private static final System.Logger LOG = System.getLogger(PricingProcess.class.getName());

    private final CommandGateway commands;
    private final ContractDirectory contracts;
    private final PricedEntries pricedEntries;
    private final DefaultPriceList defaultPriceList;

    /** The rates for work without a contract; the other terms are the HOURLY defaults. */
    public record DefaultPriceList(Map<Role, BigDecimal> hourlyRates, BigDecimal travelFee) {

        ContractTerms termsFor(FederalState state) {
            ContractTerms defaults = ContractTerms.defaults(ContractType.HOURLY, null, state);
            return new ContractTerms(defaults.monthlyFee(), hourlyRates, defaults.billingUnits(),
                    defaults.serviceHours(), state, defaults.zone(), defaults.surcharges(),
                    defaults.emergencyPercent(), travelFee, defaults.vatPercent(), defaults.coverage(), null,
                    defaults.minimumTermMonths(), defaults.noticeMonths());
        }
    }

    public PricingProcess(CommandGateway commands, ContractDirectory contracts, PricedEntries pricedEntries,
                          DefaultPriceList defaultPriceList) {
        this.commands = commands;
        this.contracts = contracts;
        this.pricedEntries = pricedEntries;
        this.defaultPriceList = defaultPriceList;
    }

    @EventHandler
    void on(TimeLogged event, @SequenceNumber long sequence) {
        PricingBatch batch = batch(event);
        if (alreadyHandled(batch, event.entryId(), sequence)) {
            return;
        }
        price(batch, event.customerId(), event.ticketId(), event.entryId(), sequence,
                new Work(event.kind(), event.serviceItem(), event.entry()), event.actor(), event.at());
    }

    @EventHandler
    void on(TimeEntryCorrected event, @SequenceNumber long sequence) {
        PricingBatch batch = batch(event);
        if (alreadyHandled(batch, event.entryId(), sequence)) {
            return;
        }
        reverse(batch, event.ticketId(), event.entryId(), sequence, "corrected: " + event.reason(), event.actor(),
                event.at());
        price(batch, event.customerId(), event.ticketId(), event.entryId(), sequence,
                new Work(event.kind(), event.serviceItem(), event.entry()), event.actor(), event.at());
    }

    @EventHandler
    void on(TimeEntryVoided event, @SequenceNumber long sequence) {
        PricingBatch batch = batch(event);
        if (alreadyHandled(batch, event.entryId(), sequence)) {
            return;
        }
        reverse(batch, event.ticketId(), event.entryId(), sequence, "voided: " + event.reason(), event.actor(),
                event.at());
    }

    private static boolean alreadyHandled(PricingBatch batch, UUID entryId, long sequence) {
        return batch.entry(entryId).map(state -> state.sourceSequence() >= sequence).orElse(false);
    }

    private void price(PricingBatch batch, UUID customerId, UUID ticketId, UUID entryId, long sequence, Work work,
                       String actor, Instant at) {
        Optional<CustomerContracts> customer = batch.customer(customerId);
        if (customer.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "time entry {0} is not priced: its ticket''s customer {1} was never "
                    + "registered (a ticket from before registration was required)", entryId, customerId);
            return;
        }
        Optional<ContractPeriod> contract = ContractSelection.contractFor(customer.get().contracts(), work);
        if (contract.isPresent()) {
            commands.sendAndWait(new PriceTimeEntry(contract.get().contractId(), entryId, ticketId, sequence, work,
                    actor, at));
            batch.decided(entryId, new EntryPricingState(contract.get().contractId(), true, sequence, true));
        } else {
            commands.sendAndWait(new PriceWorkWithoutContract(customerId, entryId, ticketId, sequence, work,
                    defaultPriceList.termsFor(customer.get().federalState()), actor, at));
            batch.decided(entryId, new EntryPricingState(customerId, false, sequence, true));
        }
    }

    private void reverse(PricingBatch batch, UUID ticketId, UUID entryId, long sequence, String reason, String actor,
                         Instant at) {
        Optional<EntryPricingState> state = batch.entry(entryId).filter(EntryPricingState::active);
        if (state.isEmpty()) {
            return;
        }
        EntryPricingState priced = state.get();
        if (priced.byContract()) {
            commands.sendAndWait(new ReverseTimeEntryPricing(priced.pricedBy(), entryId, ticketId, sequence,
                    reason, actor, at));
        } else {
            commands.sendAndWait(new ReverseWorkWithoutContract(priced.pricedBy(), entryId, ticketId, sequence,
                    reason, actor, at));
        }
        batch.decided(entryId, new EntryPricingState(priced.pricedBy(), priced.byContract(), sequence, false));
    }

    /** The batch the event belongs to: every ticket event the processor handles in this transaction. */
    private PricingBatch batch(Object event) {
        if (!CurrentUnitOfWork.isStarted()) {
            return PricingBatch.read(List.of(event), contracts, pricedEntries);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> PricingBatch.read(timeEvents(root, event), contracts,
                pricedEntries));
    }

    private static List<Object> timeEvents(UnitOfWork<?> root, Object event) {
        if (!(root instanceof BatchingUnitOfWork<?> batching)) {
            return List.of(event);
        }
        return batching.getMessages().stream()
                .filter(message -> TIME_EVENTS.contains(message.getPayloadType()))
                .map(message -> (Object) message.getPayload())
                .toList();
    }
}
