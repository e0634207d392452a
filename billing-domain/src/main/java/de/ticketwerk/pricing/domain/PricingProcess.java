package de.ticketwerk.pricing.domain;

import de.ticketwerk.billing.policy.ContractSelection;
import de.ticketwerk.contract.api.ContractPeriod;
import de.ticketwerk.contract.api.ContractTerms;
import de.ticketwerk.contract.api.ContractType;
import de.ticketwerk.contract.domain.ContractDirectory;
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
        reverse(event.ticketId(), event.entryId(), sequence, "voided: " + event.reason(), event.actor(), event.at());
    }

    private boolean alreadyHandled(UUID entryId, long sequence) {
        return pricedEntries.find(entryId).map(state -> state.sourceSequence() >= sequence).orElse(false);
    }

    private void price(UUID customerId, UUID ticketId, UUID entryId, long sequence, Work work, String actor,
                       Instant at) {
        Optional<FederalState> state = contracts.customerState(customerId);
        if (state.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "time entry {0} is not priced: its ticket''s customer {1} was never "
                    + "registered (a ticket from before registration was required)", entryId, customerId);
            return;
        }
        Optional<ContractPeriod> contract = ContractSelection.contractFor(contracts.contractsOf(customerId), work);
        if (contract.isPresent()) {
            commands.sendAndWait(new PriceTimeEntry(contract.get().contractId(), entryId, ticketId, sequence, work,
                    actor, at));
        } else {
            commands.sendAndWait(new PriceWorkWithoutContract(customerId, entryId, ticketId, sequence, work,
                    defaultPriceList.termsFor(state.get()), actor, at));
        }
    }

    private void reverse(UUID ticketId, UUID entryId, long sequence, String reason, String actor, Instant at) {
        Optional<EntryPricingState> state = pricedEntries.find(entryId).filter(EntryPricingState::active);
        if (state.isEmpty()) {
            return;
        }
        if (state.get().byContract()) {
            commands.sendAndWait(new ReverseTimeEntryPricing(state.get().pricedBy(), entryId, ticketId, sequence,
                    reason, actor, at));
        } else {
            commands.sendAndWait(new ReverseWorkWithoutContract(state.get().pricedBy(), entryId, ticketId, sequence,
                    reason, actor, at));
        }
    }
}
