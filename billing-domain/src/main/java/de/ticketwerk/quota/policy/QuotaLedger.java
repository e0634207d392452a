package de.ticketwerk.quota.policy;

import de.ticketwerk.quota.api.Lot;
import de.ticketwerk.terms.Money;
import de.ticketwerk.terms.QuotaTerms;
import de.ticketwerk.terms.QuotaTerms.AllotmentPeriod;
import de.ticketwerk.terms.QuotaTerms.SettlementPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The quota ledger in business time (R-Q1…R-Q5), as a pure function of the terms, the contract's period and the
 * set of usages: the same usages give the same ledger, whatever order they were recorded in. Each day, credits come
 * first (the next credit pays debt first), then the day's work consumes the oldest open lot first, and at the day's
 * end lots expire (the reset) and a negative balance is settled as overage.
 */
public final class QuotaLedger {

    private QuotaLedger() {
    }

    /** Minutes of quota work on a work date. */
    public record Usage(UUID entryId, LocalDate workDate, long minutes) {
    }

    public record Credit(LocalDate date, long minutes, long paidDebt) {
    }

    /** At the end of {@code date}: the lots forfeited and their remaining minutes (R-Q3). */
    public record Reset(LocalDate date, List<Lot> forfeitedLots, long forfeitedMinutes) {
    }

    /** At the end of {@code date}: a negative balance billed as overage (R-Q4). */
    public record Settlement(LocalDate date, long overageMinutes, BigDecimal amount) {
    }

    public enum LineKind { CREDIT, DEBIT, RESET, SETTLEMENT }

    /** One line of the ledger in business-time order, with the balance after it. */
    public record Line(LocalDate date, LineKind kind, UUID entryId, long minutes, long balance) {
    }

    public record Result(List<Credit> credits, List<Reset> resets, List<Settlement> settlements, List<Line> lines,
                         long balance) {
    }

    /**
     * The ledger of a quota from {@code start} up to and including the day {@code through}: credits dated up to
     * {@code through}, every usage dated up to it, and the period ends that are over before it (the day
     * {@code through} itself has not ended yet). {@code end} is the contract's last day or null.
     */
    public static Result compute(QuotaTerms terms, LocalDate start, LocalDate end, List<Usage> usages,
                                 LocalDate through) {
        return compute(terms, start, end, byDay(usages), through, new LedgerMemo(), null, true);
    }

    public static NavigableMap<LocalDate, NavigableMap<UUID, Usage>> byDay(List<Usage> usages) {
        NavigableMap<LocalDate, NavigableMap<UUID, Usage>> byDay = new TreeMap<>();
        usages.forEach(u -> byDay.computeIfAbsent(u.workDate(), d -> new TreeMap<>()).put(u.entryId(), u));
        return byDay;
    }

    /**
     * As {@link #compute(QuotaTerms, LocalDate, LocalDate, List, LocalDate)}, resuming from {@code memo} when the
     * earliest work date changed since its last computation is {@code earliestChange} (null: nothing changed). It
     * leaves out the lines: their running balances would have to be rebuilt from the start for every change.
     */
    public static Result compute(QuotaTerms terms, LocalDate start, LocalDate end,
                                 NavigableMap<LocalDate, NavigableMap<UUID, Usage>> usagesByDay, LocalDate through,
                                 LedgerMemo memo, LocalDate earliestChange) {
        return compute(terms, start, end, usagesByDay, through, memo, earliestChange, false);
    }

    private static Result compute(QuotaTerms terms, LocalDate start, LocalDate end,
                                  NavigableMap<LocalDate, NavigableMap<UUID, Usage>> usagesByDay, LocalDate through,
                                  LedgerMemo memo, LocalDate earliestChange, boolean withLines) {
        if (memo.knows(through, earliestChange)) {
            return memo.last();
        }
        Run run = new Run(terms, start, end, withLines);
        LocalDate earliest = usagesByDay.isEmpty() || !usagesByDay.firstKey().isBefore(start) ? start
                : usagesByDay.firstKey();
        LocalDate first = memo.resume(run, earliestChange, earliest);
        LocalDate last = end == null || end.isAfter(through) ? through : end;
        for (LocalDate day = first; !day.isAfter(through); day = day.plusDays(1)) {
            memo.checkpoint(day, first, run);
            boolean inForce = !day.isBefore(start) && !day.isAfter(last);
            if (inForce) {
                run.credit(day);
            }
            run.consume(day, usagesByDay.getOrDefault(day, EMPTY).values());
            if (!day.isBefore(through)) {
                break;
            }
            run.expire(day);
            if (inForce) {
                run.settle(day);
            }
        }
        return memo.remember(run.result(), through);
    }

    /** One computation of the ledger, day by day: the state and the four steps of a day. */
    private static final class Run implements LedgerMemo.Resumable {
        private final QuotaTerms terms;
        private final LocalDate start;
        private final LocalDate end;
        private final boolean withLines;
        private final List<Credit> credits = new ArrayList<>();
        private final List<Reset> resets = new ArrayList<>();
        private final List<Settlement> settlements = new ArrayList<>();
        private final List<Line> lines = new ArrayList<>();
        private final OpenLots lots;
        private long debt;

        Run(QuotaTerms terms, LocalDate start, LocalDate end, boolean withLines) {
            this.terms = terms;
            this.start = start;
            this.end = end;
            this.withLines = withLines;
            this.lots = new OpenLots(terms, start, credits);
        }

        /** R-Q2: a credit day adds a lot; the credit pays debt first. */
        void credit(LocalDate day) {
            if (!isCreditDay(terms, start, day)) {
                return;
            }
            long paid = Math.min(debt, terms.allotmentMinutes());
            debt -= paid;
            lots.credit(new Credit(day, terms.allotmentMinutes(), paid));
            line(day, LineKind.CREDIT, null, terms.allotmentMinutes(), lots.open - debt);
        }

        /** R-Q2: the day's work takes from the oldest open lot first; what no lot covers is debt. */
        void consume(LocalDate day, Collection<Usage> usages) {
            for (Usage usage : usages) {
                debt += lots.consume(usage.minutes());
                line(day, LineKind.DEBIT, usage.entryId(), -usage.minutes(), lots.open - debt);
            }
        }

        /** R-Q3: at the day's end, the lots whose expiry it is are forfeited. */
        void expire(LocalDate day) {
            List<Lot> forfeited = lots.expireAtTheEndOf(day);
            if (!forfeited.isEmpty()) {
                long minutes = forfeited.stream().mapToLong(Lot::minutes).sum();
                resets.add(new Reset(day, forfeited, minutes));
                line(day, LineKind.RESET, null, -minutes, lots.open - debt);
            }
        }

        /** R-Q4: at the end of a settlement period, or of the contract, debt is billed as overage. */
        void settle(LocalDate day) {
            if (debt > 0 && (isSettlementDay(terms, start, day) || day.equals(end))) {
                settlements.add(new Settlement(day, debt, Money.forMinutes(terms.overageRate(), debt)));
                line(day, LineKind.SETTLEMENT, null, debt, lots.open);
                debt = 0;
            }
        }

        private void line(LocalDate day, LineKind kind, UUID entryId, long minutes, long balance) {
            if (withLines) {
                lines.add(new Line(day, kind, entryId, minutes, balance));
            }
        }

        @Override
        public LedgerMemo.Checkpoint checkpoint() {
            return new LedgerMemo.Checkpoint(lots.oldest, lots.oldestLeft, lots.open, debt, credits.size(),
                    resets.size(), settlements.size(), lines.size());
        }

        @Override
        public void resume(LedgerMemo.Checkpoint checkpoint, Result last) {
            credits.addAll(last.credits().subList(0, checkpoint.credits()));
            resets.addAll(last.resets().subList(0, checkpoint.resets()));
            settlements.addAll(last.settlements().subList(0, checkpoint.settlements()));
            lines.addAll(last.lines().subList(0, checkpoint.lines()));
            lots.resume(checkpoint.oldestLot(), checkpoint.oldestLotLeft(), checkpoint.open());
            debt = checkpoint.debt();
        }

        Result result() {
            return new Result(credits, resets, settlements, lines, lots.open - debt);
        }
    }

    private static final NavigableMap<UUID, Usage> EMPTY = new TreeMap<>();

    /** The first day of the contract year that {@code day} falls in. */
    public static LocalDate contractYearStart(LocalDate start, LocalDate day) {
        int years = (int) java.time.temporal.ChronoUnit.YEARS.between(start, day);
        return start.plusYears(Math.max(years, 0));
    }

    /**
     * The ends of settlement periods from {@code start} up to the day before {@code through}. Only month ends (or the
     * days before contract anniversaries) can be settlement days, so only those are looked at.
     */
    public static List<LocalDate> settlementDays(QuotaTerms terms, LocalDate start, LocalDate through) {
        List<LocalDate> days = new ArrayList<>();
        if (terms.settlement() == SettlementPeriod.CONTRACT_YEAR) {
            for (int years = 1; start.plusYears(years).minusDays(1).isBefore(through); years++) {
                LocalDate day = start.plusYears(years).minusDays(1);
                if (isSettlementDay(terms, start, day)) {
                    days.add(day);
                }
            }
        } else {
            for (LocalDate day = start.with(TemporalAdjusters.lastDayOfMonth()); day.isBefore(through);
                 day = day.plusDays(1).with(TemporalAdjusters.lastDayOfMonth())) {
                if (isSettlementDay(terms, start, day)) {
                    days.add(day);
                }
            }
        }
        return days;
    }

    /** The minutes credited by the lots that expire at the end of {@code day}: the credits a reset there draws on. */
    public static long creditsExpiringOn(QuotaTerms terms, LocalDate start, List<Credit> credits, LocalDate day) {
        return credits.stream().filter(c -> day.equals(expiryOf(terms, start, c.date()))).mapToLong(Credit::minutes)
                .sum();
    }

    static boolean isCreditDay(QuotaTerms terms, LocalDate start, LocalDate day) {
        if (terms.period() == AllotmentPeriod.CONTRACT_YEAR) {
            return contractYearStart(start, day).equals(day);
        }
        return day.equals(start) || (day.getDayOfMonth() == 1 && day.isAfter(start));
    }

    static LocalDate expiryOf(QuotaTerms terms, LocalDate start, LocalDate creditedOn) {
        return switch (terms.expiry()) {
            case NEVER -> null;
            case CARRY_OVER_UNTIL_MARCH -> LocalDate.of(creditedOn.getYear() + 1, Month.MARCH, 31);
            case PERIOD_END -> terms.period() == AllotmentPeriod.CONTRACT_YEAR
                    ? contractYearStart(start, creditedOn).plusYears(1).minusDays(1)
                    : creditedOn.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    static boolean isSettlementDay(QuotaTerms terms, LocalDate start, LocalDate day) {
        SettlementPeriod period = terms.settlement();
        return switch (period) {
            case MONTHLY -> day.equals(day.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTERLY -> day.equals(day.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1));
            case CONTRACT_YEAR -> day.plusDays(1).equals(contractYearStart(start, day.plusDays(1)))
                    && day.plusDays(1).isAfter(start);
        };
    }

    /**
     * The lots not yet used up or expired (R-Q2, R-Q3). Work takes from the oldest lot first, and a later credit never
     * expires before an earlier one, so the open lots are always the credits from {@code oldest} on: all of them
     * untouched but the oldest, of which {@code oldestLeft} minutes are left.
     */
    private static final class OpenLots {
        private final QuotaTerms terms;
        private final LocalDate start;
        private final List<Credit> credits;
        private int oldest;
        private long oldestLeft;
        private long open;

        OpenLots(QuotaTerms terms, LocalDate start, List<Credit> credits) {
            this.terms = terms;
            this.start = start;
            this.credits = credits;
        }

        void resume(int oldest, long oldestLeft, long open) {
            this.oldest = oldest;
            this.oldestLeft = oldestLeft;
            this.open = open;
        }

        void credit(Credit credit) {
            credits.add(credit);
            if (oldest == credits.size() - 1) {
                oldestLeft = lotOf(credit);
            }
            open += lotOf(credit);
        }

        /** Takes the minutes from the oldest lots; returns what no lot covered. */
        long consume(long minutes) {
            long left = minutes;
            while (left > 0 && oldest < credits.size()) {
                long taken = Math.min(oldestLeft, left);
                oldestLeft -= taken;
                left -= taken;
                open -= taken;
                if (oldestLeft == 0) {
                    next();
                }
            }
            return left;
        }

        /** The lots whose expiry is this day's end, with what was left of them. */
        List<Lot> expireAtTheEndOf(LocalDate day) {
            List<Lot> forfeited = List.of();
            while (oldest < credits.size()) {
                Credit credit = credits.get(oldest);
                LocalDate expiry = expiryOf(terms, start, credit.date());
                if (expiry == null || expiry.isAfter(day)) {
                    break;
                }
                if (oldestLeft > 0) {
                    forfeited = forfeited.isEmpty() ? new ArrayList<>() : forfeited;
                    forfeited.add(new Lot(credit.date(), oldestLeft));
                    open -= oldestLeft;
                }
                next();
            }
            return forfeited;
        }

        private void next() {
            oldest++;
            oldestLeft = oldest < credits.size() ? lotOf(credits.get(oldest)) : 0;
        }

        private static long lotOf(Credit credit) {
            return credit.minutes() - credit.paidDebt();
        }
    }
}
