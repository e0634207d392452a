package de.ticketwerk.app.quota;

import de.ticketwerk.app.TicketwerkApplication;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.WorkDays;
import de.ticketwerk.app.support.WorkDays.Work;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Time that passed while the application was down is caught up at start-up: no period lost, none doubled. */
class QuotaCatchUpTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext startAt(String instant) {
        return new SpringApplicationBuilder(TicketwerkApplication.class)
                .run("--server.port=0", "--ticketwerk.embedded-postgres.data-dir=" + dataDir,
                        "--ticketwerk.embedded-postgres.durable=false", "--ticketwerk.clock.fixed=" + instant);
    }

    private static Http http(ConfigurableApplicationContext context) {
        return Http.of(context);
    }

    private static List<String> creditDates(Http http, UUID contract, int expected) {
        JsonNode ledger = ApiTest.awaitGet(http, "/api/v1/contracts/" + contract + "/quota/ledger",
                l -> creditsIn(l).size() >= expected);
        return creditsIn(ledger);
    }

    private static List<String> creditsIn(JsonNode ledger) {
        List<String> dates = new ArrayList<>();
        ledger.get("items").forEach(line -> {
            if (line.get("kind").asString().equals("CREDIT")) {
                dates.add(line.get("businessDate").asString());
            }
        });
        return dates;
    }

    @Test
    void everyMissedPeriodIsCaughtUpExactlyOnce() {
        UUID contract;
        try (ConfigurableApplicationContext january = startAt("2026-01-15T08:00:00Z")) {
            Http http = http(january);
            UUID customer = ApiTest.registerCustomer(http, "Kanzlei Pause", "NW");
            Http.Response concluded = http.post("/api/v1/contracts", """
                    {"customerId": "%s", "type": "QUOTA", "startDate": "2025-11-01", "quota": {"allotmentMinutes": 600,
                     "period": "MONTH", "expiry": "NEVER", "settlement": "MONTHLY"}}""".formatted(customer));
            assertThat(concluded.status()).as(concluded.text()).isEqualTo(201);
            contract = UUID.fromString(concluded.json().get("contractId").asString());
            assertThat(creditDates(http, contract, 3)).as("caught up to the day of conclusion")
                    .containsExactly("2025-11-01", "2025-12-01", "2026-01-01");
        }

        List<String> expected = List.of("2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01",
                "2026-04-01", "2026-05-01");
        try (ConfigurableApplicationContext may = startAt("2026-05-10T08:00:00Z")) {
            assertThat(creditDates(http(may), contract, 7)).as("down from January to May").isEqualTo(expected);
            assertThat(http(may).get("/api/v1/contracts/" + contract + "/quota").json().get("balance").asLong())
                    .isEqualTo(4200);
        }
        try (ConfigurableApplicationContext again = startAt("2026-05-10T08:00:00Z")) {
            Http http = http(again);
            assertThat(creditDates(http, contract, 7)).as("a second start on the same day adds nothing")
                    .isEqualTo(expected);
            assertThat(again.getBean(JdbcTemplate.class).queryForObject("""
                    SELECT COUNT(*) FROM domain_event_entry
                    WHERE payload_type LIKE '%QuotaCredited' AND payload::jsonb ->> 'contractId' = ?""", Long.class,
                    contract.toString())).as("credits in the event store").isEqualTo(7);
        }
    }

    /** Q1 of DOMAIN.md, half of its entries recorded before a restart and half after, in a shuffled order. */
    @Test
    void q1ComesOutExactAcrossARestart() {
        List<Work> work = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            work.addAll(WorkDays.spread(2025, month, 500));
        }
        for (int month = 1; month <= 3; month++) {
            work.addAll(WorkDays.spread(2026, month, 300));
        }
        java.util.Collections.shuffle(work, new java.util.Random(7));
        List<Work> beforeRestart = work.subList(0, work.size() / 2);
        UUID contract;
        UUID ticket;
        try (ConfigurableApplicationContext first = startAt("2027-01-02T08:00:00Z")) {
            Http http = http(first);
            UUID customer = ApiTest.registerCustomer(http, "Kanzlei Neustart", "NW");
            Http.Response concluded = http.post("/api/v1/contracts", """
                    {"customerId": "%s", "type": "QUOTA", "startDate": "2025-01-01", "minuteExact": true,
                     "quota": {"allotmentMinutes": 600, "period": "MONTH", "expiry": "CARRY_OVER_UNTIL_MARCH",
                     "settlement": "QUARTERLY"}}""".formatted(customer));
            contract = UUID.fromString(concluded.json().get("contractId").asString());
            Http.Response opened = http.post("/api/v1/tickets", """
                    {"customerId": "%s", "channel": "PORTAL", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                     "title": "Betreuung", "reporter": "Frau Berger"}""".formatted(customer));
            ticket = UUID.fromString(opened.json().get("ticketId").asString());
            beforeRestart.forEach(w -> WorkDays.log(http, ticket, w));
            long used = beforeRestart.stream().mapToLong(Work::minutes).sum();
            ApiTest.awaitGet(http, "/api/v1/contracts/" + contract + "/quota?asOf=2099-12-31",
                    q -> q.get("used").asLong() == used);
        }
        try (ConfigurableApplicationContext second = startAt("2027-01-02T08:00:00Z")) {
            Http http = http(second);
            work.subList(work.size() / 2, work.size()).forEach(w -> WorkDays.log(http, ticket, w));
            JsonNode afterReset = ApiTest.awaitGet(http, "/api/v1/contracts/" + contract + "/quota?asOf=2026-03-31",
                    q -> q.get("used").asLong() == 6900 && q.get("forfeited").asLong() == 300);
            assertThat(afterReset.get("balance").asLong()).isEqualTo(1800);
        }
    }
}
