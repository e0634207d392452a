package de.ticketwerk.contract.domain;

import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.contract.api.ContractCommands.AnnouncePriceChange;
import de.ticketwerk.contract.api.ContractCommands.ConcludeContract;
import de.ticketwerk.contract.api.ContractCommands.TerminateContract;
import de.ticketwerk.contract.api.ContractEvents.ContractConcluded;
import de.ticketwerk.contract.api.ContractEvents.ContractTerminated;
import de.ticketwerk.contract.api.ContractEvents.PriceChangeAnnounced;
import de.ticketwerk.contract.api.Party;
import de.ticketwerk.contract.policy.ContractPeriods;
import de.ticketwerk.ports.ContractDirectory;
import de.ticketwerk.ports.ContractDirectory.CustomerContracts;
import de.ticketwerk.ports.ContractPeriod;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.PricingCommands.PriceTimeEntry;
import de.ticketwerk.pricing.api.PricingCommands.ReverseTimeEntryPricing;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPriced;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPricingReversed;
import de.ticketwerk.pricing.domain.EntryPricings;
import de.ticketwerk.pricing.policy.PricingPolicy;
import de.ticketwerk.rules.CustomerNotRegistered;
import de.ticketwerk.rules.Revision;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.rules.StateConflict;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.PriceChange;
import de.ticketwerk.terms.ServiceLevel;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An HOURLY, QUOTA or SERVICE contract: its terms, prices over time, its end, and the entries it priced. */
public class Contract {

    @AggregateIdentifier
    private UUID contractId;
    private UUID customerId;
    private ContractType type;
    private ServiceLevel level;
    private LocalDate startDate;
    private LocalDate endDate;
    private LocalDate minimumTermEnd;
    private ContractTerms terms;
    private List<PriceChange> priceChanges = new ArrayList<>();
    private boolean terminated;
    private EntryPricings pricings = new EntryPricings();

    protected Contract() {
    }

    /**
     * The conclusion, each price change and the termination; the pricing of work, also in this stream, changes no
     * reader of the contract.
     */
    @CommandHandlerInterceptor
    void sentForCurrentRevision(@MetaDataValue(Revision.EXPECTED) Long expected) {
        Revision.expect(expected, 1 + priceChanges.size() + (terminated ? 1 : 0));
    }

    @CommandHandler
    public Contract(ConcludeContract cmd, ContractDirectory directory) {
        CustomerContracts customer = directory.customer(cmd.customerId())
                .orElseThrow(() -> new CustomerNotRegistered(cmd.customerId()));
        requireLevelFitsType(cmd.type(), cmd.level());
        if (cmd.type() == ContractType.QUOTA && cmd.terms().quota() == null) {
            throw new RuleViolation("R-Q1", "a QUOTA contract needs quota terms");
        }
        if (cmd.endDate() != null && cmd.endDate().isBefore(cmd.startDate())) {
            throw new RuleViolation("R-C6", "the contract cannot end (" + cmd.endDate() + ") before it starts ("
                    + cmd.startDate() + ")");
        }
        for (ContractPeriod other : customer.contracts()) {
            if (other.type() == cmd.type() && other.overlaps(cmd.startDate(), cmd.endDate())) {
                throw new StateConflict("R-C1", "customer " + cmd.customerId() + " already has " + cmd.type()
                        + " contract " + other.contractId() + " from " + other.startDate()
                        + (other.endDate() == null ? " without an end" : " to " + other.endDate())
                        + "; contracts of the same type must not overlap");
            }
        }
        LocalDate minimumTermEnd = ContractPeriods.minimumTermEnd(cmd.startDate(), cmd.terms().minimumTermMonths());
        apply(new ContractConcluded(cmd.contractId(), cmd.customerId(), cmd.type(), cmd.level(), cmd.startDate(),
                cmd.endDate(), minimumTermEnd, ContractPeriods.noticeDeadline(minimumTermEnd,
                cmd.terms().noticeMonths()), cmd.terms(), cmd.actor(), cmd.at()));
    }

    /** Answers the day the customer's special right would end the contract on. */
    @CommandHandler
    public LocalDate handle(AnnouncePriceChange cmd) {
        LocalDate announcedOn = cmd.announcedOn() == null ? terms.dayOf(cmd.at()) : cmd.announcedOn();
        if (!cmd.effectiveFrom().isAfter(minimumTermEnd)) {
            throw new RuleViolation("R-C7", "prices can change only after the minimum term, which ends on "
                    + minimumTermEnd);
        }
        if (!ContractPeriods.announcedInTime(announcedOn, cmd.effectiveFrom())) {
            int lead = ContractPeriods.PRICE_CHANGE_LEAD_MONTHS;
            throw new RuleViolation("R-C7", "a price change must be announced at least " + lead + " months before it "
                    + "takes effect: for " + cmd.effectiveFrom() + " by " + cmd.effectiveFrom().minusMonths(lead));
        }
        if (announcedOn.isAfter(terms.dayOf(cmd.at()))) {
            throw new RuleViolation("R-C7", "the announcement date " + announcedOn + " is in the future");
        }
        if (endDate != null && cmd.effectiveFrom().isAfter(endDate)) {
            throw new StateConflict("R-C7", "the contract ends on " + endDate + ", before " + cmd.effectiveFrom());
        }
        ContractTerms current = PriceChange.termsOn(terms, priceChanges, cmd.effectiveFrom());
        BigDecimal fee = cmd.monthlyFee() == null ? current.monthlyFee() : cmd.monthlyFee();
        Map<de.ticketwerk.ticket.api.Role, BigDecimal> rates = new EnumMap<>(current.hourlyRates());
        if (cmd.hourlyRates() != null) {
            rates.putAll(cmd.hourlyRates());
        }
        ContractTerms changed = current.withPrices(fee, rates);
        LocalDate specialTerminationEnd = cmd.effectiveFrom().minusDays(1);
        apply(new PriceChangeAnnounced(contractId, customerId, announcedOn, cmd.effectiveFrom(),
                changed.monthlyFee(), changed.hourlyRates(), specialTerminationEnd, cmd.actor(), cmd.at()));
        return specialTerminationEnd;
    }

    @CommandHandler
    public LocalDate handle(TerminateContract cmd) {
        if (terminated) {
            throw new StateConflict("R-C6", "the contract is already terminated; it ends on " + endDate);
        }
        if (!cmd.channel().isTextForm()) {
            throw new RuleViolation("R-C6", "notice must be in text form (letter, e-mail, fax or portal), not by "
                    + cmd.channel());
        }
        if (cmd.receivedOn().isAfter(terms.dayOf(cmd.at()))) {
            throw new RuleViolation("R-C6", "the notice date " + cmd.receivedOn() + " is in the future");
        }
        LocalDate noticeDeadline;
        LocalDate end;
        if (cmd.specialRight()) {
            PriceChange change = pendingPriceChange(cmd.receivedOn(), cmd.by());
            end = change.effectiveFrom().minusDays(1);
            noticeDeadline = end;
        } else {
            end = ContractPeriods.effectiveEnd(startDate, terms.minimumTermMonths(), terms.noticeMonths(),
                    cmd.receivedOn());
            noticeDeadline = ContractPeriods.noticeDeadline(end, terms.noticeMonths());
        }
        if (endDate != null && endDate.isBefore(end)) {
            end = endDate;
        }
        apply(new ContractTerminated(contractId, customerId, cmd.receivedOn(), cmd.channel(), cmd.by(),
                cmd.specialRight(), noticeDeadline, end, cmd.actor(), cmd.at()));
        return end;
    }

    @CommandHandler
    public void handle(PriceTimeEntry cmd, PublicHolidays holidays) {
        if (!pricings.shouldPrice(cmd.entryId(), cmd.sourceSequence())) {
            return;
        }
        PricedEntry pricing = PricingPolicy.priceUnderContract(type, level, terms, priceChanges, cmd.work(), holidays);
        EntryPricings.emitPriced(contractId, contractId, customerId, cmd.ticketId(), cmd.entryId(),
                cmd.sourceSequence(), pricing, cmd.work().entry().nonBillableReason(), cmd.actor(), cmd.at());
    }

    @CommandHandler
    public void handle(ReverseTimeEntryPricing cmd) {
        if (!pricings.shouldReverse(cmd.entryId(), cmd.sourceSequence())) {
            return;
        }
        apply(new TimeEntryPricingReversed(contractId, contractId, customerId, cmd.ticketId(), cmd.entryId(),
                cmd.sourceSequence(), pricings.active(cmd.entryId()).orElseThrow(), cmd.reason(), cmd.actor(),
                cmd.at()));
    }

    private PriceChange pendingPriceChange(LocalDate receivedOn, Party by) {
        if (by != Party.CUSTOMER) {
            throw new RuleViolation("R-C7", "only the customer has the special right to end the contract");
        }
        return priceChanges.stream()
                .filter(change -> change.effectiveFrom().isAfter(receivedOn))
                .min(java.util.Comparator.comparing(PriceChange::effectiveFrom))
                .orElseThrow(() -> new RuleViolation("R-C7", "no announced price change is pending on "
                        + receivedOn + ", so there is no special right to end the contract"));
    }

    private static void requireLevelFitsType(ContractType type, ServiceLevel level) {
        if (type == ContractType.SERVICE && level == null) {
            throw new RuleViolation("R-C3", "a SERVICE contract needs a level: BASIC, STANDARD or COMFORT");
        }
        if (type != ContractType.SERVICE && level != null) {
            throw new RuleViolation("R-C3", "only SERVICE contracts have a level");
        }
    }

    @EventSourcingHandler
    void on(ContractConcluded event) {
        contractId = event.contractId();
        customerId = event.customerId();
        type = event.type();
        level = event.level();
        startDate = event.startDate();
        endDate = event.endDate();
        minimumTermEnd = event.minimumTermEnd();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(PriceChangeAnnounced event) {
        priceChanges.add(new PriceChange(event.effectiveFrom(), event.monthlyFee(), event.hourlyRates()));
    }

    @EventSourcingHandler
    void on(ContractTerminated event) {
        terminated = true;
        endDate = event.endDate();
    }

    @EventSourcingHandler
    void on(TimeEntryPriced event) {
        pricings.on(event);
    }

    @EventSourcingHandler
    void on(TimeEntryPricingReversed event) {
        pricings.on(event);
    }
}
