package de.ticketwerk.app.quota;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.WorkDays;
import de.ticketwerk.app.support.WorkDays.Work;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md's quota examples Q1–Q4 end to end, on a clock fixed at 2 January 2027: the ledgers are caught up to that
 * day when their contracts are concluded, and every entry is recorded late, in a shuffled order, so each reset and
 * settlement it changes is corrected in business time (R-Q5).
 */
class QuotaExamplesApiTest extends ApiTest {

    @BeforeEach
    void standStill() {
        CLOCK.moveTo(Instant.parse("2027-01-02T08:00:00Z"));
    }

    private UUID quotaContract(UUID customer, String start, String quota, String rate) {
        return concludeContract(customer, """
                "type": "QUOTA", "startDate": "%s", "minuteExact": true, "quota": %s,
                "hourlyRates": {"TECHNICIAN": %s}""".formatted(start, quota, rate));
    }

    private void recordShuffled(UUID customer, List<Work> work) {
        UUID ticket = openTicket(customer, "Support");
        List<Work> shuffled = new ArrayList<>(work);
        Collections.shuffle(shuffled, new Random(work.size()));
        shuffled.forEach(w -> WorkDays.log(http, ticket, w));
    }

    private JsonNode quotaAsOf(UUID contract, String asOf, long expectedUsedInTotal) {
        awaitGet(http, "/api/v1/contracts/" + contract + "/quota?asOf=2099-12-31",
                q -> q.get("used").asLong() == expectedUsedInTotal);
        awaitCaughtUp("quota-ledger");
        return http.get("/api/v1/contracts/" + contract + "/quota?asOf=" + asOf).json();
    }

    private static List<Work> q1Work(long usedPerMonthIn2026) {
        List<Work> work = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            work.addAll(WorkDays.spread(2025, month, 500));
        }
        for (int month = 1; month <= 3; month++) {
            work.addAll(WorkDays.spread(2026, month, usedPerMonthIn2026));
        }
        return work;
    }

    private static final String MONTHLY_CARRY_OVER = """
            {"allotmentMinutes": 600, "period": "MONTH", "expiry": "CARRY_OVER_UNTIL_MARCH", "settlement": "QUARTERLY"}""";

    @Test
    void q1WhatRemainsOfLastYearsLotsIsForfeitedAtTheEndOfMarch() {
        UUID customer = registerCustomer();
        UUID contract = quotaContract(customer, "2025-01-01", MONTHLY_CARRY_OVER, "90.00");
        recordShuffled(customer, q1Work(300));

        JsonNode afterReset = quotaAsOf(contract, "2026-03-31", 6900);
        assertThat(afterReset.get("forfeited").asLong()).isEqualTo(300);
        assertThat(afterReset.get("balance").asLong()).isEqualTo(1800);
        assertThat(afterReset.get("settled").asLong()).isZero();
    }

    @Test
    void q2NothingIsForfeitedWhenLastYearsLotsWereUsedUp() {
        UUID customer = registerCustomer();
        UUID contract = quotaContract(customer, "2025-01-01", MONTHLY_CARRY_OVER, "90.00");
        recordShuffled(customer, q1Work(500));

        JsonNode afterReset = quotaAsOf(contract, "2026-03-31", 7500);
        assertThat(afterReset.get("forfeited").asLong()).isZero();
        assertThat(afterReset.get("balance").asLong()).isEqualTo(1500);

        JsonNode ledger = http.get("/api/v1/contracts/" + contract + "/quota/ledger?from=2026-03-31&to=2026-03-31")
                .json();
        assertThat(ledger.get("items")).allSatisfy(line -> assertThat(line.get("kind").asString())
                .isIn("DEBIT", "RESET", "RESET_CORRECTION"));
        assertThat(ledger.get("items")).anySatisfy(line -> {
            assertThat(line.get("kind").asString()).isEqualTo("RESET_CORRECTION");
            assertThat(line.get("causedBy").isNull()).as("a correction names its entry").isFalse();
        });
    }

    @Test
    void q3OverageIsSettledAtTheEndOfTheMonth() {
        UUID customer = registerCustomer();
        UUID contract = quotaContract(customer, "2026-04-01", """
                {"allotmentMinutes": 600, "period": "MONTH", "expiry": "NEVER", "settlement": "MONTHLY",
                 "overageRate": 90.00}""", "90.00");
        recordShuffled(customer, WorkDays.spread(2026, 4, 750));

        JsonNode endOfApril = quotaAsOf(contract, "2026-04-30", 750);
        assertThat(endOfApril.get("credited").asLong()).isEqualTo(600);
        assertThat(endOfApril.get("settled").asLong()).isEqualTo(150);
        assertThat(endOfApril.get("settledAmount").decimalValue()).isEqualTo("225.00");
        assertThat(endOfApril.get("balance").asLong()).isZero();
    }

    @Test
    void q4AnAnnualQuotaShowsItsUseEveryQuarterAndSettlesOnceAYear() {
        UUID customer = registerCustomer();
        UUID contract = quotaContract(customer, "2026-01-01", """
                {"allotmentMinutes": 1440, "period": "CONTRACT_YEAR", "expiry": "PERIOD_END",
                 "settlement": "CONTRACT_YEAR", "overageRate": 96.00}""", "96.00");
        List<Work> work = new ArrayList<>();
        work.addAll(WorkDays.spread(2026, 2, 300));
        work.addAll(WorkDays.spread(2026, 5, 500));
        work.addAll(WorkDays.spread(2026, 8, 400));
        work.addAll(WorkDays.spread(2026, 11, 500));
        recordShuffled(customer, work);

        long[] usedByQuarterEnd = {300, 800, 1200};
        long[] remaining = {1140, 640, 240};
        String[] quarterEnds = {"2026-03-31", "2026-06-30", "2026-09-30"};
        for (int q = 0; q < 3; q++) {
            JsonNode quarter = quotaAsOf(contract, quarterEnds[q], 1700);
            assertThat(quarter.get("used").asLong()).as("used by " + quarterEnds[q]).isEqualTo(usedByQuarterEnd[q]);
            assertThat(quarter.get("balance").asLong()).as("remaining at " + quarterEnds[q]).isEqualTo(remaining[q]);
        }
        JsonNode year = quotaAsOf(contract, "2026-12-31", 1700);
        assertThat(year.get("used").asLong()).isEqualTo(1700);
        assertThat(year.get("settled").asLong()).isEqualTo(260);
        assertThat(year.get("settledAmount").decimalValue()).isEqualTo("416.00");
        assertThat(year.get("balance").asLong()).isZero();
        assertThat(quotaAsOf(contract, "2027-01-02", 1700).get("balance").asLong())
                .as("the new contract year's credit").isEqualTo(1440);
    }
}
