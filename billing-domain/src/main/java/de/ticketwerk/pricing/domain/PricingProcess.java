package de.ticketwerk.pricing.domain;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.ports.ContractDirectory;
import de.ticketwerk.ports.ContractDirectory.CustomerContracts;
import de.ticketwerk.ports.ContractPeriod;
import de.ticketwerk.ports.PricedEntries;
import de.ticketwerk.ports.PricedEntries.EntryPricingState;
import de.ticketwerk.pricing.api.PricingCommands.PriceTimeEntry;
import de.ticketwerk.pricing.api.PricingCommands.PriceWorkWithoutContract;
import de.ticketwerk.pricing.api.PricingCommands.ReverseTimeEntryPricing;
import de.ticketwerk.pricing.api.PricingCommands.ReverseWorkWithoutContract;
import de.ticketwerk.pricing.api.Work;
import de.ticketwerk.pricing.policy.ContractSelection;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.SourceSequences;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryCorrected;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryVoided;
import de.ticketwerk.ticket.api.TicketEvents.TimeLogged;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Prices every time entry by the contract in force on its work date (R-C1…R-C4, R-E3). A correction reverses the
 * earlier pricing wherever it was and prices anew; a void reverses it. Each ticket event is handled once: its
 * sequence number is recorded with the pricing, and an event whose number is already recorded is skipped. It is
 * a process, not a read model: it is never replayed.
 * <p>
 * Events are handled in batches, one transaction each; the ports read ahead for the batch.
 */
@ProcessingGroup(PricingProcess.NAME)
@DisallowReplay
public class PricingProcess {

    public static final String NAME = "pricing";
    private static final System.Logger LOG = System.getLogger(PricingProcess.class.getName());

    private final CommandGateway commands;
    private final ContractDirectory contracts;
    private final PricedEntries pricedEntries;
    private final DefaultPriceList defaultPriceList;

    /** The rates for work without a contract; the other terms are the HOURLY defaults. */
    public record DefaultPriceList(Map<Role, BigDecimal> hourlyRates, BigDecimal travelFee) {

        ContractTerms termsFor(FederalState state) {
            ContractTerms defaults = ContractTerms.defaults(ContractType.HOURLY, null, state);
            return defaults.withPrices(defaults.monthlyFee(), hourlyRates).withTravelFee(travelFee);
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
        if (alreadyHandled(event.entryId(), sequence)) {
            return;
        }
        price(event.customerId(), event.ticketId(), event.entryId(), sequence,
                new Work(event.kind(), event.serviceItem(), event.entry()), event.actor(), event.at());
    }

    @EventHandler
    void on(TimeEntryCorrected event, @SequenceNumber long sequence) {
        if (alreadyHandled(event.entryId(), sequence)) {
            return;
        }
        reverse(event.ticketId(), event.entryId(), sequence, "corrected: " + event.reason(), event.actor(),
                event.at());
        price(event.customerId(), event.ticketId(), event.entryId(), sequence,
                new Work(event.kind(), event.serviceItem(), event.entry()), event.actor(), event.at());
    }

    @EventHandler
    void on(TimeEntryVoided event, @SequenceNumber long sequence) {
        if (alreadyHandled(event.entryId(), sequence)) {
            return;
        }
        reverse(event.ticketId(), event.entryId(), sequence, "voided: " + event.reason(), event.actor(),
                event.at());
    }

    private boolean alreadyHandled(UUID entryId, long sequence) {
        return SourceSequences.handled(pricedEntries.find(entryId).map(EntryPricingState::sourceSequence)
                .orElse(null), sequence);
    }

    private void price(UUID customerId, UUID ticketId, UUID entryId, long sequence, Work work, String actor,
                       Instant at) {
        Optional<CustomerContracts> customer = contracts.customer(customerId);
        if (customer.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "time entry {0} is not priced: its ticket''s customer {1} was never "
                    + "registered (a ticket from before registration was required)", entryId, customerId);
            return;
        }
        Optional<ContractPeriod> contract = ContractSelection.contractFor(customer.get().contracts(), work);
        if (contract.isPresent()) {
            commands.sendAndWait(new PriceTimeEntry(contract.get().contractId(), entryId, ticketId, sequence, work,
                    actor, at));
            pricedEntries.decided(entryId, new EntryPricingState(contract.get().contractId(), true, sequence, true));
        } else {
            commands.sendAndWait(new PriceWorkWithoutContract(customerId, entryId, ticketId, sequence, work,
                    defaultPriceList.termsFor(customer.get().federalState()), actor, at));
            pricedEntries.decided(entryId, new EntryPricingState(customerId, false, sequence, true));
        }
    }

    private void reverse(UUID ticketId, UUID entryId, long sequence, String reason, String actor, Instant at) {
        Optional<EntryPricingState> state = pricedEntries.find(entryId).filter(EntryPricingState::active);
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
        pricedEntries.decided(entryId, new EntryPricingState(priced.pricedBy(), priced.byContract(), sequence, false));
    }
}
