package de.ticketwerk.customer.domain;

import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.customer.api.CustomerCommands.RegisterCustomer;
import de.ticketwerk.customer.api.CustomerCommands.UpdateCustomer;
import de.ticketwerk.customer.api.CustomerDetails;
import de.ticketwerk.customer.api.CustomerEvents.CustomerRegistered;
import de.ticketwerk.customer.api.CustomerEvents.CustomerUpdated;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.PricingCommands.PriceWorkWithoutContract;
import de.ticketwerk.pricing.api.PricingCommands.ReverseWorkWithoutContract;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPriced;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPricingReversed;
import de.ticketwerk.pricing.domain.EntryPricings;
import de.ticketwerk.pricing.policy.PricingPolicy;
import de.ticketwerk.rules.Revision;
import de.ticketwerk.terms.ContractType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's master data. Work done while no contract is in force is priced here, at the default HOURLY price
 * list, and flagged for the back office.
 */
public class Customer {

    @AggregateIdentifier
    private UUID customerId;
    private CustomerDetails details;
    /** Registration and updates; the pricing of work without a contract, also in this stream, changes no reader. */
    private long revision;
    private EntryPricings pricingsWithoutContract = new EntryPricings();

    protected Customer() {
    }

    @CommandHandlerInterceptor
    void sentForCurrentRevision(@MetaDataValue(Revision.EXPECTED) Long expected) {
        Revision.expect(expected, revision);
    }

    @CommandHandler
    public Customer(RegisterCustomer cmd) {
        apply(new CustomerRegistered(cmd.customerId(), cmd.details(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(UpdateCustomer cmd) {
        if (!cmd.details().equals(details)) {
            apply(new CustomerUpdated(customerId, cmd.details(), cmd.actor(), cmd.at()));
        }
    }

    @CommandHandler
    public void handle(PriceWorkWithoutContract cmd, PublicHolidays holidays) {
        if (!pricingsWithoutContract.shouldPrice(cmd.entryId(), cmd.sourceSequence())) {
            return;
        }
        PricedEntry pricing = PricingPolicy.price(cmd.work(),
                new PricingPolicy.Basis(ContractType.HOURLY, null, cmd.defaultPriceList(), true), holidays);
        EntryPricings.emitPriced(customerId, null, customerId, cmd.ticketId(), cmd.entryId(), cmd.sourceSequence(),
                pricing, cmd.work().entry().nonBillableReason(), cmd.actor(), cmd.at());
    }

    @CommandHandler
    public void handle(ReverseWorkWithoutContract cmd) {
        if (!pricingsWithoutContract.shouldReverse(cmd.entryId(), cmd.sourceSequence())) {
            return;
        }
        apply(new TimeEntryPricingReversed(customerId, null, customerId, cmd.ticketId(), cmd.entryId(),
                cmd.sourceSequence(), pricingsWithoutContract.active(cmd.entryId()).orElseThrow(), cmd.reason(),
                cmd.actor(), cmd.at()));
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
        details = event.details();
        revision++;
    }

    @EventSourcingHandler
    void on(CustomerUpdated event) {
        details = event.details();
        revision++;
    }

    @EventSourcingHandler
    void on(TimeEntryPriced event) {
        pricingsWithoutContract.on(event);
    }

    @EventSourcingHandler
    void on(TimeEntryPricingReversed event) {
        pricingsWithoutContract.on(event);
    }
}
