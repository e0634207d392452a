package de.ticketwerk.app.ticket;

import de.ticketwerk.app.TicketwerkApplication;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R-S2: a deadline is kept in PostgreSQL with the ticket, so a breach due while the application was down fires after
 * the restart, once; a further restart repeats nothing.
 */
class ResponseDeadlineRestartTest {

    @TempDir
    Path dataDir;

    /** On the opening day of example L2 (BASIC, due Monday 12:00, long past); the schedule polled every {@code poll}. */
    private ConfigurableApplicationContext start(String poll) {
        return new SpringApplicationBuilder(TicketwerkApplication.class)
                .run("--server.port=0", "--ticketwerk.embedded-postgres.data-dir=" + dataDir,
                        "--ticketwerk.embedded-postgres.durable=false", "--ticketwerk.invoicing.run-cron=-",
                        "--ticketwerk.quota.close-cron=-",
                        "--ticketwerk.clock.fixed=2026-03-05T15:00:00Z",
                        "--ticketwerk.schedule.polling-interval=" + poll);
    }

    @Test
    void aBreachDueWhileTheApplicationWasDownFiresAfterTheRestartOnce() throws Exception {
        UUID ticket;
        try (ConfigurableApplicationContext first = start("1h")) {
            Http http = Http.of(first);
            UUID customer = ApiTest.registerCustomer(http, "Kanzlei Neustart", "NW");
            assertThat(http.post("/api/v1/contracts", """
                    {"customerId": "%s", "type": "SERVICE", "level": "BASIC", "startDate": "2026-01-01"}"""
                    .formatted(customer)).status()).isEqualTo(201);
            Http.Response opened = http.post("/api/v1/tickets", """
                    {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                     "title": "Über Nacht", "reporter": "Frau Berger"}""".formatted(customer));
            ticket = UUID.fromString(opened.json().get("ticketId").asString());
            assertThat(opened.json().get("respondBy").asString()).isEqualTo("2026-03-09T11:00:00Z");
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Long.class)).isEqualTo(1);
            assertThat(breaches(jdbc, ticket)).as("not polled again within the hour").isZero();
        }

        try (ConfigurableApplicationContext second = start("1s")) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> breaches(jdbc, ticket) == 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Long.class) == 0);
        }

        try (ConfigurableApplicationContext third = start("1s")) {
            JdbcTemplate jdbc = third.getBean(JdbcTemplate.class);
            Thread.sleep(3_000);
            assertThat(breaches(jdbc, ticket)).as("a restart repeats no breach").isEqualTo(1);
            ApiTest.awaitGet(Http.of(third), "/api/v1/tickets/" + ticket,
                    detail -> "2026-03-09T11:00:00Z".equals(detail.get("ticket").get("responseBreachedAt").asString()));
        }
    }

    private static long breaches(JdbcTemplate jdbc, UUID ticket) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type = 'ticket.ResponseDeadlineBreached'""", Long.class, ticket.toString());
    }
}
