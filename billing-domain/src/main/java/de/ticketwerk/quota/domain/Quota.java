package de.ticketwerk.quota.domain;

import de.ticketwerk.quota.api.QuotaCommands.CloseQuotaPeriods;
import de.ticketwerk.quota.api.QuotaCommands.EndQuota;
import de.ticketwerk.quota.api.QuotaCommands.OpenQuota;
import de.ticketwerk.quota.api.QuotaCommands.RecordQuotaUsage;
import de.ticketwerk.quota.api.QuotaCommands.ReverseQuotaUsage;
import de.ticketwerk.quota.api.QuotaEvents.QuotaCredited;
import de.ticketwerk.quota.api.QuotaEvents.QuotaDebitReversed;
import de.ticketwerk.quota.api.QuotaEvents.QuotaDebited;
import de.ticketwerk.quota.api.QuotaEvents.QuotaEnded;
import de.ticketwerk.quota.api.QuotaEvents.QuotaExhausted;
import de.ticketwerk.quota.api.QuotaEvents.QuotaOpened;
import de.ticketwerk.quota.api.QuotaEvents.QuotaOverageSettled;
import de.ticketwerk.quota.api.QuotaEvents.QuotaPeriodsClosed;
import de.ticketwerk.quota.api.QuotaEvents.QuotaReset;
import de.ticketwerk.quota.api.QuotaEvents.QuotaResetCorrected;
import de.ticketwerk.quota.api.QuotaEvents.QuotaResizingRecommended;
import de.ticketwerk.quota.api.QuotaEvents.QuotaSettlementCorrected;
import de.ticketwerk.quota.policy.IncrementalLedger;
import de.ticketwerk.quota.policy.QuotaLedger;
import de.ticketwerk.quota.policy.QuotaLedger.Credit;
import de.ticketwerk.quota.policy.QuotaLedger.Reset;
import de.ticketwerk.quota.policy.QuotaLedger.Result;
import de.ticketwerk.quota.policy.QuotaLedger.Settlement;
import de.ticketwerk.quota.policy.QuotaLedger.Usage;
import de.ticketwerk.quota.policy.QuotaResizing;
import de.ticketwerk.terms.QuotaTerms;
import de.ticketwerk.ticket.api.SourceSequences;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The ledger of one QUOTA contract. What the ledger says is always {@link QuotaLedger#compute} of the usages it
 * holds, up to the day it has closed through; after every change the aggregate publishes the difference: new credits,
 * resets and settlements, or corrections of earlier ones that name the entry that caused them (R-Q5).
 */
public class Quota {

    static final Period CATCH_UP_STEP = Period.ofYears(1);

    @AggregateIdentifier
    private UUID quotaId;
    private UUID contractId;
    private QuotaTerms terms;
    private LocalDate startDate;
    private LocalDate endDate;
    private LocalDate closedThrough;
    private Map<UUID, Usage> usages = new HashMap<>();
    private Map<UUID, Long> lastSequence = new HashMap<>();
    private Set<LocalDate> credited = new HashSet<>();
    private Map<LocalDate, Long> forfeited = new TreeMap<>();
    private Map<LocalDate, Settlement> settled = new TreeMap<>();
    private Set<LocalDate> resizingRecommended = new HashSet<>();

    /* Derived from the usages and kept only in memory (not in snapshots), so that a change re-computes little. */
    private final transient IncrementalLedger incremental = new IncrementalLedger();

    protected Quota() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenQuota cmd) {
        if (quotaId != null) {
            return;
        }
        apply(new QuotaOpened(cmd.quotaId(), cmd.contractId(), cmd.customerId(), cmd.terms(), cmd.startDate(),
                cmd.endDate(), cmd.at()));
        close(cmd.through(), null, cmd.at());
    }

    @CommandHandler
    public void handle(EndQuota cmd) {
        if (!cmd.endDate().equals(endDate)) {
            apply(new QuotaEnded(quotaId, contractId, cmd.endDate(), cmd.at()));
            reconcile(null, cmd.at());
        }
    }

    @CommandHandler
    public void handle(CloseQuotaPeriods cmd) {
        close(cmd.through(), null, cmd.at());
    }

    @CommandHandler
    public void handle(RecordQuotaUsage cmd) {
        if (!SourceSequences.mayRecord(lastSequence.get(cmd.entryId()), usages.containsKey(cmd.entryId()),
                cmd.sourceSequence())) {
            return;
        }
        long balanceBefore = ledger().balance();
        apply(new QuotaDebited(quotaId, contractId, cmd.entryId(), cmd.ticketId(), cmd.serviceItem(),
                cmd.workDate(), cmd.minutes(), cmd.sourceSequence(), cmd.actor(), cmd.at()));
        reconcile(cmd.entryId(), cmd.at());
        long balanceAfter = ledger().balance();
        if (balanceBefore > 0 && balanceAfter <= 0) {
            apply(new QuotaExhausted(quotaId, contractId, cmd.workDate(), balanceAfter, cmd.entryId(), cmd.at()));
        }
    }

    @CommandHandler
    public void handle(ReverseQuotaUsage cmd) {
        Usage usage = usages.get(cmd.entryId());
        if (!SourceSequences.mayReverse(lastSequence.get(cmd.entryId()), usage != null, cmd.sourceSequence())) {
            return;
        }
        apply(new QuotaDebitReversed(quotaId, contractId, cmd.entryId(), cmd.ticketId(), cmd.serviceItem(),
                usage.workDate(), usage.minutes(), cmd.sourceSequence(), cmd.reason(), cmd.actor(), cmd.at()));
        reconcile(cmd.entryId(), cmd.at());
    }

    /** At most a year per command, so that a ledger years behind appends a bounded number of events at a time. */
    private void close(LocalDate through, UUID causedBy, Instant at) {
        if (closedThrough != null && !through.isAfter(closedThrough)) {
            return;
        }
        LocalDate stepEnd = (closedThrough == null ? startDate : closedThrough).plus(CATCH_UP_STEP);
        if (through.isAfter(stepEnd)) {
            apply(new QuotaPeriodsClosed(quotaId, contractId, stepEnd, through, at));
        } else {
            apply(new QuotaPeriodsClosed(quotaId, contractId, through, at));
        }
        reconcile(causedBy, at);
    }

    private Result ledger() {
        return incremental.compute(terms, startDate, endDate, closedThrough, usages::values);
    }

    private void reconcile(UUID causedBy, Instant at) {
        Result ledger = ledger();
        for (Credit credit : ledger.credits()) {
            if (!credited.contains(credit.date())) {
                apply(new QuotaCredited(quotaId, contractId, credit.date(), credit.minutes(), credit.paidDebt(), at));
            }
        }
        Map<LocalDate, Reset> resets = new TreeMap<>();
        ledger.resets().forEach(reset -> resets.put(reset.date(), reset));
        for (LocalDate date : union(resets.keySet(), forfeited.keySet())) {
            Reset now = resets.get(date);
            long minutes = now == null ? 0 : now.forfeitedMinutes();
            Long before = forfeited.get(date);
            if (before == null) {
                apply(new QuotaReset(quotaId, contractId, date, now.forfeitedLots(), minutes, at));
            } else if (before != minutes) {
                apply(new QuotaResetCorrected(quotaId, contractId, date, before,
                        now == null ? java.util.List.of() : now.forfeitedLots(), minutes, causedBy, at));
            }
        }
        Map<LocalDate, Settlement> settlements = new TreeMap<>();
        ledger.settlements().forEach(settlement -> settlements.put(settlement.date(), settlement));
        for (LocalDate date : union(settlements.keySet(), settled.keySet())) {
            Settlement now = settlements.get(date);
            Settlement before = settled.get(date);
            if (before == null) {
                apply(new QuotaOverageSettled(quotaId, contractId, date, now.overageMinutes(), now.amount(), at));
            } else if (now == null || now.overageMinutes() != before.overageMinutes()) {
                apply(new QuotaSettlementCorrected(quotaId, contractId, date, before.overageMinutes(),
                        before.amount(), now == null ? 0 : now.overageMinutes(),
                        now == null ? new BigDecimal("0.00") : now.amount(), causedBy, at));
            }
        }
        recommendResizing(ledger, at);
    }

    /** What the published events add up to: forfeits and settled overage minutes per day, and the balance. */
    record Outcome(Map<LocalDate, Long> forfeited, Map<LocalDate, Long> settledMinutes, long balance) {
    }

    Outcome outcome() {
        Map<LocalDate, Long> settledMinutes = new TreeMap<>();
        settled.forEach((date, settlement) -> settledMinutes.put(date, settlement.overageMinutes()));
        return new Outcome(new TreeMap<>(forfeited), settledMinutes, ledger().balance());
    }

    private void recommendResizing(Result ledger, Instant at) {
        Map<LocalDate, Long> overage = new TreeMap<>();
        settled.forEach((date, settlement) -> overage.put(date, settlement.overageMinutes()));
        QuotaResizing.recommendations(terms, startDate, closedThrough, overage, forfeited, ledger.credits())
                .forEach((date, reason) -> recommend(date, reason, at));
    }

    private void recommend(LocalDate date, String reason, Instant at) {
        if (!resizingRecommended.contains(date)) {
            apply(new QuotaResizingRecommended(quotaId, contractId, date, reason, at));
        }
    }

    private static Set<LocalDate> union(Set<LocalDate> a, Set<LocalDate> b) {
        Set<LocalDate> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    @EventSourcingHandler
    void on(QuotaOpened event) {
        quotaId = event.quotaId();
        contractId = event.contractId();
        terms = event.terms();
        startDate = event.startDate();
        endDate = event.endDate();
    }

    @EventSourcingHandler
    void on(QuotaEnded event) {
        endDate = event.endDate();
        incremental.ended();
    }

    @EventSourcingHandler
    void on(QuotaPeriodsClosed event) {
        closedThrough = event.through();
    }

    @EventSourcingHandler
    void on(QuotaCredited event) {
        credited.add(event.date());
    }

    @EventSourcingHandler
    void on(QuotaDebited event) {
        Usage usage = new Usage(event.entryId(), event.workDate(), event.minutes());
        usages.put(event.entryId(), usage);
        incremental.added(usage);
        lastSequence.put(event.entryId(), event.sourceSequence());
    }

    @EventSourcingHandler
    void on(QuotaDebitReversed event) {
        incremental.removed(usages.remove(event.entryId()), event.workDate());
        lastSequence.put(event.entryId(), event.sourceSequence());
    }

    @EventSourcingHandler
    void on(QuotaReset event) {
        forfeited.put(event.date(), event.forfeitedMinutes());
    }

    @EventSourcingHandler
    void on(QuotaResetCorrected event) {
        forfeited.put(event.date(), event.forfeitedMinutes());
    }

    @EventSourcingHandler
    void on(QuotaResizingRecommended event) {
        resizingRecommended.add(event.date());
    }

    @EventSourcingHandler
    void on(QuotaOverageSettled event) {
        settled.put(event.date(), new Settlement(event.date(), event.overageMinutes(), event.amount()));
    }

    @EventSourcingHandler
    void on(QuotaSettlementCorrected event) {
        settled.put(event.date(), new Settlement(event.date(), event.overageMinutes(), event.amount()));
    }
}
