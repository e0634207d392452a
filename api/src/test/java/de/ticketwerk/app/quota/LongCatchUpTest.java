package de.ticketwerk.app.quota;

import de.ticketwerk.app.TicketwerkApplication;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.quota.policy.QuotaLedger;
import de.ticketwerk.terms.QuotaTerms;
import de.ticketwerk.terms.QuotaTerms.AllotmentPeriod;
import de.ticketwerk.terms.QuotaTerms.ExpiryPolicy;
import de.ticketwerk.terms.QuotaTerms.SettlementPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A QUOTA contract concluded ten years back catches up a year per step, each step a transaction of its own with a
 * bounded number of events, and ends in the ledger of one computation over the ten years; a restart finds it caught
 * up and adds nothing.
 */
class LongCatchUpTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TicketwerkApplication.class)
                .run("--server.port=0", "--ticketwerk.embedded-postgres.data-dir=" + dataDir,
                        "--ticketwerk.embedded-postgres.durable=false");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return Http.of(context);
    }

    @Test
    void tenYearsBackCatchUpInBoundedStepsToTheLedgerOfOneComputation() {
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate start = today.minusYears(10);
        List<QuotaTerms> terms = List.of(
                new QuotaTerms(600, AllotmentPeriod.MONTH, ExpiryPolicy.CARRY_OVER_UNTIL_MARCH,
                        SettlementPeriod.QUARTERLY, new BigDecimal("90.00")),
                new QuotaTerms(600, AllotmentPeriod.MONTH, ExpiryPolicy.NEVER, SettlementPeriod.MONTHLY,
                        new BigDecimal("90.00")));
        UUID[] contracts = new UUID[terms.size()];
        long events;
        try (ConfigurableApplicationContext first = start()) {
            Http http = http(first);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            for (int i = 0; i < terms.size(); i++) {
                QuotaTerms quota = terms.get(i);
                UUID customer = ApiTest.registerCustomer(http, "Kanzlei Zehn Jahre " + i, "NW");
                long concludedAt = System.nanoTime();
                Http.Response concluded = http.post("/api/v1/contracts", """
                        {"customerId": "%s", "type": "QUOTA", "startDate": "%s", "quota": {"allotmentMinutes": 600,
                         "period": "MONTH", "expiry": "%s", "settlement": "%s"}}"""
                        .formatted(customer, start, quota.expiry(), quota.settlement()));
                assertThat(concluded.status()).as(concluded.text()).isEqualTo(201);
                contracts[i] = UUID.fromString(concluded.json().get("contractId").asString());

                QuotaLedger.Result expected = QuotaLedger.compute(quota, start, null, List.of(), today);
                JsonNode balance = ApiTest.awaitGet(http, "/api/v1/contracts/" + contracts[i] + "/quota",
                        q -> q.get("credited").asLong() == expected.credits().size() * 600L);
                Duration caughtUp = Duration.ofNanos(System.nanoTime() - concludedAt);
                assertThat(caughtUp).as("caught up ten years").isLessThan(Duration.ofSeconds(30));
                assertThat(balance.get("balance").asLong()).as(quota.expiry() + ": balance")
                        .isEqualTo(expected.balance());
                assertThat(balance.get("forfeited").asLong()).as(quota.expiry() + ": forfeited").isEqualTo(
                        expected.resets().stream().mapToLong(QuotaLedger.Reset::forfeitedMinutes).sum());

                String ofThisQuota = "payload_type LIKE 'quota.%' AND payload::jsonb ->> 'contractId' = ?";
                Long largestTransaction = jdbc.queryForObject("SELECT MAX(events) FROM (SELECT COUNT(*) AS events"
                        + " FROM domain_event_entry WHERE " + ofThisQuota + " GROUP BY xmin) t", Long.class,
                        contracts[i].toString());
                Long transactions = jdbc.queryForObject("SELECT COUNT(DISTINCT xmin::text) FROM domain_event_entry"
                        + " WHERE " + ofThisQuota, Long.class, contracts[i].toString());
                assertThat(largestTransaction).as("events in the largest transaction").isBetween(1L, 40L);
                assertThat(transactions).as("transactions of the catch-up").isGreaterThanOrEqualTo(10L);
            }
            events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        }

        long restartedAt = System.nanoTime();
        try (ConfigurableApplicationContext again = start()) {
            Http http = http(again);
            await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/actuator/health").status() == 200);
            assertThat(Duration.ofNanos(System.nanoTime() - restartedAt)).isLessThan(Duration.ofSeconds(60));
            assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
            for (UUID contract : contracts) {
                assertThat(http.get("/api/v1/contracts/" + contract + "/quota").status()).isEqualTo(200);
            }
            assertThat(again.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM domain_event_entry",
                    Long.class)).as("a restart on the same day adds nothing").isEqualTo(events);
        }
    }
}
