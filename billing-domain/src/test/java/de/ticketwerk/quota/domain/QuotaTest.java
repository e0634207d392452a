package de.ticketwerk.quota.domain;

import de.ticketwerk.quota.api.Lot;
import de.ticketwerk.quota.api.QuotaCommands.CloseQuotaPeriods;
import de.ticketwerk.quota.api.QuotaCommands.OpenQuota;
import de.ticketwerk.quota.api.QuotaCommands.RecordQuotaUsage;
import de.ticketwerk.quota.api.QuotaCommands.ReverseQuotaUsage;
import de.ticketwerk.quota.api.QuotaEvents.QuotaCredited;
import de.ticketwerk.quota.api.QuotaEvents.QuotaDebitReversed;
import de.ticketwerk.quota.api.QuotaEvents.QuotaDebited;
import de.ticketwerk.quota.api.QuotaEvents.QuotaExhausted;
import de.ticketwerk.quota.api.QuotaEvents.QuotaOpened;
import de.ticketwerk.quota.api.QuotaEvents.QuotaOverageSettled;
import de.ticketwerk.quota.api.QuotaEvents.QuotaPeriodsClosed;
import de.ticketwerk.quota.api.QuotaEvents.QuotaResetCorrected;
import de.ticketwerk.quota.api.QuotaEvents.QuotaResizingRecommended;
import de.ticketwerk.quota.policy.QuotaLedger;
import de.ticketwerk.terms.QuotaTerms;
import de.ticketwerk.terms.QuotaTerms.AllotmentPeriod;
import de.ticketwerk.terms.QuotaTerms.ExpiryPolicy;
import de.ticketwerk.terms.QuotaTerms.SettlementPeriod;
import de.ticketwerk.ticket.api.ServiceItem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaTest {

    private static final UUID QUOTA = UUID.fromString("00000000-0000-0000-0000-00000000a0a1");
    private static final UUID CONTRACT = UUID.fromString("00000000-0000-0000-0000-00000000c0c1");
    private static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID TICKET = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final QuotaTerms MONTHLY = new QuotaTerms(600, AllotmentPeriod.MONTH,
            ExpiryPolicy.CARRY_OVER_UNTIL_MARCH, SettlementPeriod.QUARTERLY, new BigDecimal("90.00"));
    private static final LocalDate START = LocalDate.parse("2025-01-01");

    private AggregateTestFixture<Quota> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Quota.class);
    }

    private static QuotaOpened opened() {
        return new QuotaOpened(QUOTA, CONTRACT, CUSTOMER, MONTHLY, START, null, NOW);
    }

    /** What the quota process sends when a ledger closed one step of a catch-up towards {@code through}. */
    private static CloseQuotaPeriods caughtUpStep(LocalDate through) {
        return new CloseQuotaPeriods(QUOTA, through, NOW);
    }

    private static RecordQuotaUsage usage(UUID entry, String date, long minutes, long sequence) {
        return new RecordQuotaUsage(QUOTA, entry, TICKET, ServiceItem.REMOTE_SUPPORT, LocalDate.parse(date), minutes,
                sequence, "tom", NOW);
    }

    @Test
    void openingCatchesUpEveryCreditDueByThatDay() {
        fixture.givenNoPriorActivity()
                .when(new OpenQuota(QUOTA, CONTRACT, CUSTOMER, MONTHLY, START, null, LocalDate.parse("2025-03-01"),
                        NOW))
                .expectEvents(opened(), new QuotaPeriodsClosed(QUOTA, CONTRACT, LocalDate.parse("2025-03-01"), NOW),
                        new QuotaCredited(QUOTA, CONTRACT, LocalDate.parse("2025-01-01"), 600, 0, NOW),
                        new QuotaCredited(QUOTA, CONTRACT, LocalDate.parse("2025-02-01"), 600, 0, NOW),
                        new QuotaCredited(QUOTA, CONTRACT, LocalDate.parse("2025-03-01"), 600, 0, NOW));
    }

    @Test
    void aLedgerYearsBehindCatchesUpAYearPerCommandAndNamesWhereItIsGoing() {
        LocalDate target = LocalDate.parse("2027-03-01");
        List<Object> firstStep = new ArrayList<>();
        firstStep.add(opened());
        firstStep.add(new QuotaPeriodsClosed(QUOTA, CONTRACT, LocalDate.parse("2026-01-01"), target, NOW));
        for (LocalDate credit = START; !credit.isAfter(LocalDate.parse("2026-01-01")); credit = credit.plusMonths(1)) {
            firstStep.add(new QuotaCredited(QUOTA, CONTRACT, credit, 600, 0, NOW));
        }
        fixture.givenNoPriorActivity()
                .when(new OpenQuota(QUOTA, CONTRACT, CUSTOMER, MONTHLY, START, null, target, NOW))
                .expectEvents(firstStep.toArray());
        fixture.given(firstStep)
                .when(caughtUpStep(target))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(org.hamcrest.Matchers.equalTo(
                                new QuotaPeriodsClosed(QUOTA, CONTRACT, LocalDate.parse("2027-01-01"), target,
                                        NOW)))));
    }

    /** The steps of a catch-up end in the same ledger as one computation over the whole time. */
    @Test
    void aCatchUpInStepsEndsInTheLedgerOfOneComputation() {
        LocalDate start = LocalDate.parse("2016-12-01");
        LocalDate target = LocalDate.parse("2026-12-01");
        UUID entry = UUID.randomUUID();
        QuotaLedger.Result whole = QuotaLedger.compute(MONTHLY, start, null,
                List.of(new QuotaLedger.Usage(entry, LocalDate.parse("2019-06-03"), 9000)), target);
        Map<LocalDate, Long> forfeits = new TreeMap<>();
        whole.resets().forEach(reset -> forfeits.put(reset.date(), reset.forfeitedMinutes()));
        Map<LocalDate, Long> settled = new TreeMap<>();
        whole.settlements().forEach(settlement -> settled.put(settlement.date(), settlement.overageMinutes()));

        List<Object> commands = new ArrayList<>();
        commands.add(new OpenQuota(QUOTA, CONTRACT, CUSTOMER, MONTHLY, start, null, target, NOW));
        commands.add(usage(entry, "2019-06-03", 9000, 1));
        for (int step = 0; step < 9; step++) {
            commands.add(caughtUpStep(target));
        }
        fixture.givenCommands(commands)
                .when(caughtUpStep(target))
                .expectNoEvents()
                .expectState(quota -> assertThat(quota.outcome())
                        .isEqualTo(new Quota.Outcome(forfeits, settled, whole.balance())));
        assertThat(forfeits).isNotEmpty();
        assertThat(settled).isNotEmpty();
    }

    @Test
    void closingTheSameDayAgainOrOpeningTwiceChangesNothing() {
        fixture.given(opened(), new QuotaPeriodsClosed(QUOTA, CONTRACT, LocalDate.parse("2025-03-01"), NOW))
                .when(new CloseQuotaPeriods(QUOTA, LocalDate.parse("2025-03-01"), NOW))
                .expectNoEvents();
        fixture.given(opened())
                .when(new OpenQuota(QUOTA, CONTRACT, CUSTOMER, MONTHLY, START, null, START, NOW))
                .expectNoEvents();
    }

    @Test
    void workBeyondTheLotsExhaustsTheQuotaAndIsSettledAtTheQuarterEnd() {
        UUID entry = UUID.randomUUID();
        fixture.given(opened(), new QuotaPeriodsClosed(QUOTA, CONTRACT, START, NOW),
                        new QuotaCredited(QUOTA, CONTRACT, START, 600, 0, NOW))
                .when(usage(entry, "2025-01-20", 2000, 5))
                .expectEvents(new QuotaDebited(QUOTA, CONTRACT, entry, TICKET, ServiceItem.REMOTE_SUPPORT, LocalDate.parse("2025-01-20"), 2000, 5,
                                "tom", NOW),
                        new QuotaExhausted(QUOTA, CONTRACT, LocalDate.parse("2025-01-20"), -1400, entry, NOW));
        fixture.given(opened(), new QuotaPeriodsClosed(QUOTA, CONTRACT, START, NOW),
                        new QuotaCredited(QUOTA, CONTRACT, START, 600, 0, NOW),
                        new QuotaDebited(QUOTA, CONTRACT, entry, TICKET, ServiceItem.REMOTE_SUPPORT, LocalDate.parse("2025-01-20"), 2000, 5, "tom",
                                NOW))
                .when(new CloseQuotaPeriods(QUOTA, LocalDate.parse("2025-04-01"), NOW))
                .expectEvents(new QuotaPeriodsClosed(QUOTA, CONTRACT, LocalDate.parse("2025-04-01"), NOW),
                        new QuotaCredited(QUOTA, CONTRACT, LocalDate.parse("2025-02-01"), 600, 600, NOW),
                        new QuotaCredited(QUOTA, CONTRACT, LocalDate.parse("2025-03-01"), 600, 600, NOW),
                        new QuotaCredited(QUOTA, CONTRACT, LocalDate.parse("2025-04-01"), 600, 0, NOW),
                        new QuotaOverageSettled(QUOTA, CONTRACT, LocalDate.parse("2025-03-31"), 200,
                                new BigDecimal("300.00"), NOW));
    }

    @Test
    void aLateEntryCorrectsTheResetItChangesAndNamesItself() {
        UUID late = UUID.randomUUID();
        List<Lot> remainingOf2025 = new ArrayList<>();
        remainingOf2025.add(new Lot(LocalDate.parse("2025-02-01"), 200));
        for (int month = 3; month <= 12; month++) {
            remainingOf2025.add(new Lot(LocalDate.of(2025, month, 1), 600));
        }

        fixture.givenCommands(new OpenQuota(QUOTA, CONTRACT, CUSTOMER, MONTHLY, START, null,
                        LocalDate.parse("2026-04-01"), NOW), caughtUpStep(LocalDate.parse("2026-04-01")))
                .when(usage(late, "2025-12-15", 1000, 3))
                .expectEvents(new QuotaDebited(QUOTA, CONTRACT, late, TICKET, ServiceItem.REMOTE_SUPPORT, LocalDate.parse("2025-12-15"), 1000, 3,
                                "tom", NOW),
                        new QuotaResetCorrected(QUOTA, CONTRACT, LocalDate.parse("2026-03-31"), 7200,
                                remainingOf2025, 6200, late, NOW));
    }

    @Test
    void aReversalGivesTheMinutesBackAndARedeliveryChangesNothing() {
        UUID entry = UUID.randomUUID();
        fixture.givenCommands(new OpenQuota(QUOTA, CONTRACT, CUSTOMER, MONTHLY, START, null, START, NOW),
                        usage(entry, "2025-01-10", 100, 3))
                .when(usage(entry, "2025-01-10", 100, 3))
                .expectNoEvents();
        fixture.givenCommands(new OpenQuota(QUOTA, CONTRACT, CUSTOMER, MONTHLY, START, null, START, NOW),
                        usage(entry, "2025-01-10", 100, 3))
                .when(new ReverseQuotaUsage(QUOTA, entry, TICKET, ServiceItem.REMOTE_SUPPORT, 4, "voided: duplicate",
                        "tom", NOW))
                .expectEvents(new QuotaDebitReversed(QUOTA, CONTRACT, entry, TICKET, ServiceItem.REMOTE_SUPPORT,
                        LocalDate.parse("2025-01-10"), 100, 4, "voided: duplicate", "tom", NOW));
    }

    @Test
    void threeSettlementPeriodsWithOverageInARowRecommendResizing() {
        QuotaTerms monthly = new QuotaTerms(600, AllotmentPeriod.MONTH, ExpiryPolicy.NEVER, SettlementPeriod.MONTHLY,
                new BigDecimal("90.00"));
        List<Object> given = new ArrayList<>();
        given.add(new OpenQuota(QUOTA, CONTRACT, CUSTOMER, monthly, START, null, START, NOW));
        for (int month = 1; month <= 3; month++) {
            given.add(usage(UUID.randomUUID(), "2025-%02d-10".formatted(month), 700, 1));
        }
        fixture.givenCommands(given)
                .when(new CloseQuotaPeriods(QUOTA, LocalDate.parse("2025-04-01"), NOW))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(
                                org.hamcrest.Matchers.equalTo(new QuotaResizingRecommended(QUOTA, CONTRACT,
                                        LocalDate.parse("2025-03-31"), "overage in 3 settlement periods in a row",
                                        NOW)))));
    }

    @Test
    void forfeitingMoreThanAThirdOfTheCreditsRecommendsResizing() {
        fixture.givenCommands(new OpenQuota(QUOTA, CONTRACT, CUSTOMER, MONTHLY, START, null, START, NOW),
                        usage(UUID.randomUUID(), "2025-12-10", 5000, 1), caughtUpStep(LocalDate.parse("2026-01-01")))
                .when(new CloseQuotaPeriods(QUOTA, LocalDate.parse("2026-04-01"), NOW))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(
                                org.hamcrest.Matchers.equalTo(new QuotaResizingRecommended(QUOTA, CONTRACT,
                                        LocalDate.parse("2026-03-31"),
                                        "2200 of 7200 credited minutes forfeited (more than 30 %)", NOW)))));
    }

    /**
     * R-Q5: the same entries recorded in many random orders, with the calendar closing periods at random moments in
     * between, end in the same forfeits, settlements and balance.
     */
    @Test
    void theFinalLedgerDoesNotDependOnRecordingOrder() {
        Random random = new Random(20260331);
        List<RecordQuotaUsage> usages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LocalDate day = START.plusDays(random.nextInt(540));
            usages.add(usage(UUID.randomUUID(), day.toString(), 50 + random.nextInt(900), 1 + random.nextInt(5)));
        }
        LocalDate finalDay = LocalDate.parse("2026-07-01");
        Quota.Outcome expected = null;
        for (int round = 0; round < 25; round++) {
            List<Object> commands = new ArrayList<>();
            commands.add(new OpenQuota(QUOTA, CONTRACT, CUSTOMER, MONTHLY, START, null, START, NOW));
            List<RecordQuotaUsage> shuffled = new ArrayList<>(usages);
            Collections.shuffle(shuffled, random);
            LocalDate closed = START;
            for (RecordQuotaUsage usage : shuffled) {
                if (random.nextInt(4) == 0 && closed.isBefore(finalDay)) {
                    closed = closed.plusDays(1 + random.nextInt(60));
                    closed = closed.isAfter(finalDay) ? finalDay : closed;
                    commands.add(new CloseQuotaPeriods(QUOTA, closed, NOW));
                }
                commands.add(usage);
            }
            commands.add(caughtUpStep(finalDay));
            AtomicReference<Quota.Outcome> outcome = new AtomicReference<>();
            fixture = new AggregateTestFixture<>(Quota.class);
            fixture.givenCommands(commands)
                    .when(new CloseQuotaPeriods(QUOTA, finalDay, NOW))
                    .expectState(quota -> outcome.set(quota.outcome()));
            if (expected == null) {
                expected = outcome.get();
                assertThat(expected.forfeited()).isNotEmpty();
                assertThat(expected.settledMinutes()).isNotEmpty();
            } else {
                assertThat(outcome.get()).as("recording order " + round).isEqualTo(expected);
            }
        }
    }
}
