package de.ticketwerk.quota.policy;

import de.ticketwerk.quota.policy.QuotaLedger.Result;

import java.time.LocalDate;
import java.util.TreeMap;

/**
 * What an earlier computation of the same quota's ledger learnt: the state at the start of every month and its result.
 * Work dated on or after a day changes nothing before it, so a computation resumes from the last month start before
 * the earliest change instead of from the contract's start. A long history thus costs little per change. A checkpoint
 * is a few numbers (the open lots are a run of the credits), so the memo grows with the months, not with months times
 * lots. {@link QuotaLedger} keeps the rules; this keeps only what lets it resume.
 */
public final class LedgerMemo {

    /** The state of a computation at the start of a day: where the open lots begin, the debt, the results' sizes. */
    record Checkpoint(int oldestLot, long oldestLotLeft, long open, long debt, int credits, int resets,
                      int settlements, int lines) {
    }

    /** A computation that can be checkpointed and resumed. */
    interface Resumable {
        Checkpoint checkpoint();

        void resume(Checkpoint checkpoint, Result last);
    }

    private final TreeMap<LocalDate, Checkpoint> checkpoints = new TreeMap<>();
    private Result last;
    private LocalDate lastThrough;

    public void forget() {
        checkpoints.clear();
        last = null;
        lastThrough = null;
    }

    Result last() {
        return last;
    }

    boolean knows(LocalDate through, LocalDate earliestChange) {
        return last != null && earliestChange == null && through.equals(lastThrough);
    }

    /** Resumes {@code run} from the last checkpoint before the earliest change; answers the day it goes on from. */
    LocalDate resume(Resumable run, LocalDate earliestChange, LocalDate first) {
        var resumeAt = last == null ? null : checkpoints.floorEntry(
                earliestChange == null || earliestChange.isAfter(lastThrough) ? lastThrough : earliestChange);
        if (resumeAt == null) {
            checkpoints.clear();
            return first;
        }
        run.resume(resumeAt.getValue(), last);
        checkpoints.tailMap(resumeAt.getKey(), true).clear();
        return resumeAt.getKey();
    }

    void checkpoint(LocalDate day, LocalDate first, Resumable run) {
        if (day.getDayOfMonth() == 1 || day.equals(first)) {
            checkpoints.put(day, run.checkpoint());
        }
    }

    Result remember(Result result, LocalDate through) {
        last = result;
        lastThrough = through;
        return result;
    }
}
