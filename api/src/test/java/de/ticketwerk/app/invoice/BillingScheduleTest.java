package de.ticketwerk.app.invoice;

import de.ticketwerk.app.TicketwerkApplication;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** R-I1: the month just ended is billed by itself; months missed while the application was down, once each. */
class BillingScheduleTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext startAt(String instant) {
        return new SpringApplicationBuilder(TicketwerkApplication.class)
                .run("--server.port=0", "--ticketwerk.embedded-postgres.data-dir=" + dataDir,
                        "--ticketwerk.embedded-postgres.durable=false", "--ticketwerk.clock.fixed=" + instant);
    }

    @Test
    void everyMonthMissedIsRunOnceAndNoMonthTwice() {
        UUID customer;
        try (ConfigurableApplicationContext march = startAt("2026-03-20T08:00:00Z")) {
            Http http = Http.of(march);
            customer = ApiTest.registerCustomer(http, "Kanzlei Kalender", "NW");
            Http.Response contract = http.post("/api/v1/contracts", """
                    {"customerId": "%s", "type": "HOURLY", "startDate": "2026-01-01",
                     "hourlyRates": {"TECHNICIAN": 95}}""".formatted(customer));
            assertThat(contract.status()).as(contract.text()).isEqualTo(201);
            UUID entry = logged(http, openTicket(http, customer));
            ApiTest.awaitPricing(http, entry, p -> p.get("status").asString().equals("PRICED"));
            tick(march);
            assertThat(monthsRun(march)).as("February, the month just ended").containsExactly("2026-02");
        }

        try (ConfigurableApplicationContext june = startAt("2026-06-02T08:00:00Z")) {
            tick(june);
            assertThat(monthsRun(june)).as("down from March to June")
                    .containsExactly("2026-02", "2026-03", "2026-04", "2026-05");
            JsonNode drafts = Http.of(june).get("/api/v1/invoices?customerId=" + customer + "&month=2026-03").json();
            assertThat(drafts.get("items")).hasSize(1);
            JsonNode marchInvoice = drafts.get("items").get(0);
            assertThat(marchInvoice.get("status").asString()).isEqualTo("DRAFT");
            assertThat(marchInvoice.get("draftedBy").asString()).isEqualTo(BillingSchedule.ACTOR);
            assertThat(marchInvoice.get("totals").get("net").decimalValue()).isEqualTo("265.21");
        }

        try (ConfigurableApplicationContext again = startAt("2026-06-02T09:00:00Z")) {
            tick(again);
            assertThat(monthsRun(again)).as("a second start in June runs nothing again")
                    .containsExactly("2026-02", "2026-03", "2026-04", "2026-05");
        }
    }

    /** What the schedule does every five minutes, until the read models have caught up with the start. */
    private static void tick(ConfigurableApplicationContext context) {
        BillingSchedule schedule = context.getBean(BillingSchedule.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(schedule::runDueMonths);
    }

    private static List<String> monthsRun(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForList("""
                SELECT payload::json ->> 'month' FROM domain_event_entry
                WHERE payload_type = 'invoice.BillingRunRecorded' ORDER BY global_index""", String.class);
    }

    private static UUID openTicket(Http http, UUID customer) {
        Http.Response opened = http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                 "priority": "HIGH", "title": "Server down", "reporter": "Frau Berger"}""".formatted(customer));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        return UUID.fromString(opened.json().get("ticketId").asString());
    }

    /** S5: on site Tuesday 2026-03-03 16:00–18:10, 265.21 €. */
    private static UUID logged(Http http, UUID ticket) {
        Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "2026-03-03T16:00:00+01:00", "end": "2026-03-03T18:10:00+01:00", "role": "TECHNICIAN",
                 "mode": "ONSITE"}""");
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        return UUID.fromString(logged.json().get("entryId").asString());
    }
}
