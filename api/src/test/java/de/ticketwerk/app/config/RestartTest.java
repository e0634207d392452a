package de.ticketwerk.app.config;

import de.ticketwerk.app.TicketwerkApplication;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.projections.audit.ChainVerification;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The product's defaults: a durable embedded PostgreSQL whose data outlives the application. Commands commit
 * synchronously; event processors, whose work a restart redoes from durable events, commit asynchronously.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    /** Without the automatic billing run, whose start-up catch-up would add an event at either start (a race). */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TicketwerkApplication.class)
                .run("--server.port=0", "--ticketwerk.embedded-postgres.data-dir=" + dataDir,
                        "--ticketwerk.invoicing.run-cron=-");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return Http.of(context);
    }

    private static JsonNode awaitDetail(Http http, UUID ticket, int timeEntries) {
        JsonNode[] detail = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Http.Response response = http.get("/api/v1/tickets/" + ticket);
            detail[0] = response.status() == 200 ? response.json() : null;
            return detail[0] != null && detail[0].get("timeEntries").size() == timeEntries;
        });
        return detail[0];
    }

    private static String synchronousCommitIn(TransactionManager transactionManager, JdbcTemplate jdbc) {
        Transaction transaction = transactionManager.startTransaction();
        try {
            return jdbc.queryForObject("SHOW synchronous_commit", String.class);
        } finally {
            transaction.commit();
        }
    }

    @Test
    void stoppingAndRestartingKeepsEveryTicketAndEvent() {
        UUID ticket;
        UUID entry;
        long events;
        long headBefore;
        byte[] linkBefore;
        try (ConfigurableApplicationContext first = start()) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(synchronousCommitIn(first.getBean(TransactionManager.class), jdbc))
                    .as("a command's transaction").isEqualTo("on");
            EventProcessingConfiguration processing = first.getBean(EventProcessingConfiguration.class);
            for (String processor : List.of("tickets", "customers", "contracts", "time-entry-pricing", "pricing",
                    "quota", "quota-ledger")) {
                assertThat(synchronousCommitIn(processing.transactionManager(processor), jdbc))
                        .as("the transactions of " + processor).isEqualTo("off");
            }

            Http http = http(first);
            Http.Response opened = http.post("/api/v1/tickets", """
                    {"customerId": "%s", "channel": "EMAIL", "kind": "INCIDENT", "serviceItem": "BACKUP_CHECK",
                     "title": "Backup failed", "reporter": "Herr Krause"}"""
                    .formatted(ApiTest.registerCustomer(http, "Praxis Krause", "HE")));
            ticket = UUID.fromString(opened.json().get("ticketId").asString());
            Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                    {"start": "2026-03-03T08:00:00Z", "end": "2026-03-03T08:45:00Z", "role": "TECHNICIAN",
                     "mode": "REMOTE"}""");
            assertThat(logged.status()).isEqualTo(201);
            entry = UUID.fromString(logged.json().get("entryId").asString());
            awaitDetail(http, ticket, 1);
            ApiTest.awaitPricing(http, entry, pricing -> true);
            events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            headBefore = ApiTest.awaitLinked(jdbc);
            linkBefore = jdbc.queryForObject("SELECT link FROM event_link WHERE position = ?", byte[].class,
                    headBefore);

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0, false))
                    .as("a second instance on the same data directory")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running instance");
        }

        try (ConfigurableApplicationContext second = start()) {
            JsonNode detail = awaitDetail(http(second), ticket, 1);
            assertThat(detail.get("ticket").get("title").asString()).isEqualTo("Backup failed");
            assertThat(detail.get("timeEntries").get(0).get("minutes").asLong()).isEqualTo(45);
            assertThat(ApiTest.awaitPricing(http(second), entry, pricing -> true).get("current").get("netAmount")
                    .decimalValue()).isEqualByComparingTo("67.50");
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isEqualTo(events);

            ApiTest.registerCustomer(http(second), "Praxis Danach", "HE");
            ApiTest.awaitLinked(jdbc);
            assertThat(jdbc.queryForObject("SELECT link FROM event_link WHERE position = ?", byte[].class,
                    headBefore)).as("the restart re-links nothing").isEqualTo(linkBefore);
            ChainVerification.Result chain = second.getBean(ChainVerification.class).verify();
            assertThat(chain.intact()).as(chain.toString()).isTrue();
            assertThat(chain.events() + chain.gaps()).as("the restart skips nothing").isEqualTo(chain.headPosition());
        }
    }
}
