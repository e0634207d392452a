package de.ticketwerk.quota.policy;

import de.ticketwerk.quota.policy.QuotaLedger.Result;
import de.ticketwerk.quota.policy.QuotaLedger.Usage;
import de.ticketwerk.terms.QuotaTerms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One quota's ledger kept warm between commands: its usages by day and the {@link LedgerMemo} of the last
 * computation, so that a change re-computes from the month it falls in instead of from the contract's start. It lives
 * in memory only and is built anew from the usages after a restart or a snapshot; what it computes is always
 * {@link QuotaLedger#compute} of the same usages.
 */
public final class IncrementalLedger {

    private NavigableMap<LocalDate, NavigableMap<UUID, Usage>> usagesByDay;
    private final LedgerMemo memo = new LedgerMemo();
    private LocalDate earliestChange;

    public void added(Usage usage) {
        if (usagesByDay != null) {
            usagesByDay.computeIfAbsent(usage.workDate(), d -> new TreeMap<>()).put(usage.entryId(), usage);
        }
        changedOn(usage.workDate());
    }

    /** {@code removed} is null when there was nothing to remove. */
    public void removed(Usage removed, LocalDate workDate) {
        if (usagesByDay != null && removed != null) {
            NavigableMap<UUID, Usage> day = usagesByDay.get(removed.workDate());
            day.remove(removed.entryId());
            if (day.isEmpty()) {
                usagesByDay.remove(removed.workDate());
            }
        }
        changedOn(workDate);
    }

    /** The contract's end moved: every period end may have changed. */
    public void ended() {
        memo.forget();
    }

    /** Through the closed day, or through the latest work date when work of a day not yet closed is recorded. */
    public Result compute(QuotaTerms terms, LocalDate start, LocalDate end, LocalDate closedThrough,
                          Supplier<Collection<Usage>> usages) {
        if (usagesByDay == null) {
            usagesByDay = QuotaLedger.byDay(new ArrayList<>(usages.get()));
            memo.forget();
        }
        LocalDate through = usagesByDay.isEmpty() || !usagesByDay.lastKey().isAfter(closedThrough) ? closedThrough
                : usagesByDay.lastKey();
        Result result = QuotaLedger.compute(terms, start, end, usagesByDay, through, memo, earliestChange);
        earliestChange = null;
        return result;
    }

    private void changedOn(LocalDate day) {
        earliestChange = earliestChange == null || day.isBefore(earliestChange) ? day : earliestChange;
    }
}
