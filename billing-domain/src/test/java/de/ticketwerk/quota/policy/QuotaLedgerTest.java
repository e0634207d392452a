package de.ticketwerk.quota.policy;

import de.ticketwerk.quota.policy.QuotaLedger.Result;
import de.ticketwerk.quota.policy.QuotaLedger.Usage;
import de.ticketwerk.terms.QuotaTerms;
import de.ticketwerk.terms.QuotaTerms.AllotmentPeriod;
import de.ticketwerk.terms.QuotaTerms.ExpiryPolicy;
import de.ticketwerk.terms.QuotaTerms.SettlementPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The quota examples Q1–Q4 of DOMAIN.md at the policy level, and the ledger's independence of recording order. */
class QuotaLedgerTest {

    private static final QuotaTerms MONTHLY_CARRY_OVER = new QuotaTerms(600, AllotmentPeriod.MONTH,
            ExpiryPolicy.CARRY_OVER_UNTIL_MARCH, SettlementPeriod.QUARTERLY, new BigDecimal("90.00"));

    private static Usage used(String date, long minutes) {
        return new Usage(UUID.randomUUID(), LocalDate.parse(date), minutes);
    }

    /** Q1, Q2: 500 min in every month of 2025, then {@code perMonth2026} in January to March 2026. */
    private static List<Usage> q1Usage(long perMonth2026) {
        List<Usage> usages = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            usages.add(used("2025-%02d-15".formatted(month), 500));
        }
        for (int month = 1; month <= 3; month++) {
            usages.add(used("2026-%02d-10".formatted(month), perMonth2026));
        }
        return usages;
    }

    @ParameterizedTest(name = "{0}: {1} min used Jan–Mar 2026 → {2} forfeited, balance {3}")
    @CsvSource({"Q1, 900, 300, 1800", "Q2, 1500, 0, 1500"})
    void theMarchResetForfeitsWhatRemainsOfLastYearsLots(String id, long usedPerQuarter, long forfeited,
                                                         long balance) {
        Result result = QuotaLedger.compute(MONTHLY_CARRY_OVER, LocalDate.parse("2025-01-01"), null,
                q1Usage(usedPerQuarter / 3), LocalDate.parse("2026-04-01"));

        long forfeitedAtMarchEnd = result.resets().stream()
                .filter(r -> r.date().equals(LocalDate.parse("2026-03-31")))
                .mapToLong(QuotaLedger.Reset::forfeitedMinutes).sum();
        assertThat(forfeitedAtMarchEnd).isEqualTo(forfeited);
        assertThat(result.resets()).allSatisfy(r -> assertThat(r.forfeitedLots())
                .allSatisfy(lot -> assertThat(lot.creditedOn().getYear()).isEqualTo(2025)));
        assertThat(result.settlements()).isEmpty();
        long balanceAfterReset = result.lines().stream()
                .filter(l -> !l.date().isAfter(LocalDate.parse("2026-03-31"))).reduce((a, b) -> b).orElseThrow()
                .balance();
        assertThat(balanceAfterReset).isEqualTo(balance);
    }

    @Test
    void q3OverageIsSettledAtTheMonthsEndAndTheBalanceReturnsToZero() {
        QuotaTerms terms = new QuotaTerms(600, AllotmentPeriod.MONTH, ExpiryPolicy.NEVER, SettlementPeriod.MONTHLY,
                new BigDecimal("90.00"));

        Result result = QuotaLedger.compute(terms, LocalDate.parse("2026-04-01"), null,
                List.of(used("2026-04-08", 400), used("2026-04-22", 350)), LocalDate.parse("2026-05-01"));

        assertThat(result.settlements()).singleElement().satisfies(s -> {
            assertThat(s.date()).isEqualTo(LocalDate.parse("2026-04-30"));
            assertThat(s.overageMinutes()).isEqualTo(150);
            assertThat(s.amount()).isEqualTo("225.00");
        });
        assertThat(result.lines().stream().filter(l -> l.date().equals(LocalDate.parse("2026-04-30")))
                .reduce((a, b) -> b).orElseThrow().balance()).isZero();
        assertThat(result.balance()).as("May's credit").isEqualTo(600);
    }

    @Test
    void q4AnAnnualQuotaIsSettledOnceAtTheEndOfTheContractYear() {
        QuotaTerms terms = new QuotaTerms(1440, AllotmentPeriod.CONTRACT_YEAR, ExpiryPolicy.PERIOD_END,
                SettlementPeriod.CONTRACT_YEAR, new BigDecimal("96.00"));
        List<Usage> usages = List.of(used("2026-02-10", 300), used("2026-05-10", 500), used("2026-08-10", 400),
                used("2026-11-10", 500));

        Result result = QuotaLedger.compute(terms, LocalDate.parse("2026-01-01"), null, usages,
                LocalDate.parse("2027-01-01"));

        assertThat(result.credits()).extracting(QuotaLedger.Credit::date)
                .containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"));
        assertThat(result.settlements()).singleElement().satisfies(s -> {
            assertThat(s.date()).isEqualTo(LocalDate.parse("2026-12-31"));
            assertThat(s.overageMinutes()).isEqualTo(260);
            assertThat(s.amount()).isEqualTo("416.00");
        });
        assertThat(result.resets()).as("nothing left to forfeit").isEmpty();
    }

    @Test
    void debtIsPaidFirstByTheNextCredit() {
        QuotaTerms terms = new QuotaTerms(600, AllotmentPeriod.MONTH, ExpiryPolicy.NEVER,
                SettlementPeriod.CONTRACT_YEAR, new BigDecimal("90.00"));

        Result result = QuotaLedger.compute(terms, LocalDate.parse("2026-01-01"), null,
                List.of(used("2026-01-20", 800)), LocalDate.parse("2026-02-01"));

        assertThat(result.credits().get(1).paidDebt()).isEqualTo(200);
        assertThat(result.balance()).isEqualTo(400);
    }

    @Test
    void theLedgerDoesNotDependOnTheOrderTheUsagesArrive() {
        List<Usage> usages = new ArrayList<>(q1Usage(300));
        usages.add(used("2025-03-31", 2500));
        usages.add(used("2026-03-31", 700));
        Result expected = QuotaLedger.compute(MONTHLY_CARRY_OVER, LocalDate.parse("2025-01-01"), null, usages,
                LocalDate.parse("2026-06-01"));
        Random random = new Random(4711);
        for (int i = 0; i < 50; i++) {
            List<Usage> shuffled = new ArrayList<>(usages);
            Collections.shuffle(shuffled, random);
            assertThat(QuotaLedger.compute(MONTHLY_CARRY_OVER, LocalDate.parse("2025-01-01"), null, shuffled,
                    LocalDate.parse("2026-06-01"))).isEqualTo(expected);
        }
        assertThat(expected.settlements()).isNotEmpty();
    }

    /** Resuming from the memo after each change gives exactly what computing from the start gives. */
    @Test
    void resumingFromTheMemoEqualsComputingFromTheStart() {
        Random random = new Random(42);
        QuotaTerms[] variants = {MONTHLY_CARRY_OVER,
                new QuotaTerms(1440, AllotmentPeriod.CONTRACT_YEAR, ExpiryPolicy.PERIOD_END,
                        SettlementPeriod.CONTRACT_YEAR, new BigDecimal("96.00")),
                new QuotaTerms(600, AllotmentPeriod.MONTH, ExpiryPolicy.NEVER, SettlementPeriod.MONTHLY,
                        new BigDecimal("90.00"))};
        LocalDate start = LocalDate.parse("2025-01-01");
        for (QuotaTerms terms : variants) {
            var byDay = QuotaLedger.byDay(List.of());
            var memo = new LedgerMemo();
            List<Usage> current = new ArrayList<>();
            LocalDate through = start;
            for (int step = 0; step < 300; step++) {
                LocalDate changed = null;
                if (random.nextInt(5) == 0 && !current.isEmpty()) {
                    Usage gone = current.remove(random.nextInt(current.size()));
                    byDay.get(gone.workDate()).remove(gone.entryId());
                    changed = gone.workDate();
                } else if (random.nextInt(3) == 0) {
                    through = through.plusDays(random.nextInt(20));
                } else {
                    Usage usage = new Usage(UUID.randomUUID(), start.plusDays(random.nextInt(
                            (int) java.time.temporal.ChronoUnit.DAYS.between(start, through) + 1)),
                            10 + random.nextInt(700));
                    current.add(usage);
                    byDay.computeIfAbsent(usage.workDate(), d -> new java.util.TreeMap<>())
                            .put(usage.entryId(), usage);
                    changed = usage.workDate();
                }
                Result resumed = QuotaLedger.compute(terms, start, null, byDay, through, memo, changed);
                Result full = QuotaLedger.compute(terms, start, null, current, through);
                assertThat(resumed).as("step " + step + " with " + terms).usingRecursiveComparison()
                        .ignoringFields("lines").isEqualTo(full);
                assertThat(resumed.lines()).as("lines only come from a computation from the start").isEmpty();
            }
        }
    }

    /** Looking only at month ends and the days before anniversaries finds every day a day-by-day scan finds. */
    @Test
    void settlementDaysAreEveryDayThatEndsASettlementPeriod() {
        for (SettlementPeriod period : SettlementPeriod.values()) {
            QuotaTerms terms = new QuotaTerms(600, AllotmentPeriod.MONTH, ExpiryPolicy.NEVER, period,
                    new BigDecimal("90.00"));
            for (String startText : List.of("2020-01-01", "2020-02-29", "2021-01-31", "2023-11-15", "2024-03-31")) {
                LocalDate start = LocalDate.parse(startText);
                LocalDate through = start.plusYears(5).plusDays(3);
                List<LocalDate> scanned = new ArrayList<>();
                for (LocalDate day = start; day.isBefore(through); day = day.plusDays(1)) {
                    if (QuotaLedger.isSettlementDay(terms, start, day)) {
                        scanned.add(day);
                    }
                }
                assertThat(QuotaLedger.settlementDays(terms, start, through)).as(period + " from " + start)
                        .isEqualTo(scanned).isNotEmpty();
            }
        }
    }

    /**
     * A century of monthly lots that never expire: 1,200 open lots at the end. A checkpoint per month that copied the
     * open lots allocated 30 MB here (and kept them in the cached aggregate); the memo keeps a few numbers a month.
     */
    @Test
    void theMemoGrowsWithTheMonthsNotWithMonthsTimesOpenLots() {
        QuotaTerms never = new QuotaTerms(600, AllotmentPeriod.MONTH, ExpiryPolicy.NEVER, SettlementPeriod.MONTHLY,
                new BigDecimal("90.00"));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Result result = QuotaLedger.compute(never, LocalDate.parse("2000-01-01"), null, new java.util.TreeMap<>(),
                LocalDate.parse("2099-12-31"), new LedgerMemo(), null);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(result.credits()).hasSize(1200);
        assertThat(result.balance()).isEqualTo(1200 * 600);
        assertThat(allocated).as("bytes allocated").isLessThan(8_000_000);
    }
}
