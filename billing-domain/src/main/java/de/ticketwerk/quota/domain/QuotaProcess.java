package de.ticketwerk.quota.domain;

import de.ticketwerk.contract.api.ContractEvents.ContractConcluded;
import de.ticketwerk.contract.api.ContractEvents.ContractTerminated;
import de.ticketwerk.ports.QuotaContracts;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPriced;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPricingReversed;
import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.quota.api.QuotaCommands.CloseQuotaPeriods;
import de.ticketwerk.quota.api.QuotaCommands.EndQuota;
import de.ticketwerk.quota.api.QuotaCommands.OpenQuota;
import de.ticketwerk.quota.api.QuotaCommands.RecordQuotaUsage;
import de.ticketwerk.quota.api.QuotaCommands.ReverseQuotaUsage;
import de.ticketwerk.quota.api.QuotaEvents.QuotaPeriodsClosed;
import de.ticketwerk.quota.api.QuotaIds;
import de.ticketwerk.terms.ContractType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

import java.time.LocalDate;

/**
 * Keeps each QUOTA contract's ledger: opens it with the contract (and catches it up to the day of conclusion, a year
 * per step), ends it with the contract, debits quota work and reverses it. The contract's events arrive in order, so
 * each ledger sees them in order; the ledger itself skips what it has already recorded.
 */
@ProcessingGroup(QuotaProcess.NAME)
@DisallowReplay
public class QuotaProcess {

    public static final String NAME = "quota";

    private final CommandGateway commands;
    private final QuotaContracts quotaContracts;

    public QuotaProcess(CommandGateway commands, QuotaContracts quotaContracts) {
        this.commands = commands;
        this.quotaContracts = quotaContracts;
    }

    @EventHandler
    void on(ContractConcluded event) {
        if (event.type() == ContractType.QUOTA) {
            LocalDate concludedOn = event.terms().dayOf(event.at());
            commands.sendAndWait(new OpenQuota(QuotaIds.of(event.contractId()), event.contractId(),
                    event.customerId(), event.terms().quota(), event.startDate(), event.endDate(), concludedOn,
                    event.at()));
        }
    }

    @EventHandler
    void on(ContractTerminated event) {
        if (quotaContracts.isQuota(event.contractId())) {
            commands.sendAndWait(new EndQuota(QuotaIds.of(event.contractId()), event.endDate(), event.at()));
        }
    }

    /** A ledger that closed one step of a long catch-up closes the next, each in a transaction of its own. */
    @EventHandler
    void on(QuotaPeriodsClosed event) {
        if (event.catchUpTo() != null) {
            commands.sendAndWait(new CloseQuotaPeriods(event.quotaId(), event.catchUpTo(), event.at()));
        }
    }

    @EventHandler
    void on(TimeEntryPriced event) {
        PricedEntry pricing = event.pricing();
        if (event.contractId() != null && pricing.settlement() == Settlement.QUOTA) {
            commands.sendAndWait(new RecordQuotaUsage(QuotaIds.of(event.contractId()), event.entryId(),
                    event.ticketId(), pricing.serviceItem(), pricing.workDate(), pricing.quotaMinutes(),
                    event.sourceSequence(),
                    event.actor(), event.at()));
        }
    }

    @EventHandler
    void on(TimeEntryPricingReversed event) {
        if (event.contractId() != null && event.reversed().settlement() == Settlement.QUOTA) {
            commands.sendAndWait(new ReverseQuotaUsage(QuotaIds.of(event.contractId()), event.entryId(),
                    event.ticketId(), event.reversed().serviceItem(), event.sourceSequence(), event.reason(),
                    event.actor(), event.at()));
        }
    }

}
