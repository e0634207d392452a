package de.ticketwerk.app.benchmark;

import de.ticketwerk.app.config.EmbeddedPostgresServer;
import de.ticketwerk.app.support.ApiTest;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the ticket read model from a large event store, against the raw rate of reading the event table in the
 * same run. The events are copies of a real TicketOpened, each for its own ticket. Not part of the test command.
 */
@Tag("benchmark")
@TestPropertySource(properties = "ticketwerk.embedded-postgres.durable=true")
class ReplayBenchmark extends ApiTest {

    private static final int EVENTS = Integer.getInteger("replay.events", 1_000_000);

    @Autowired
    private EmbeddedPostgresServer postgres;

    private void awaitAllCaughtUp(StreamingEventProcessor processor) {
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                !processor.isReplaying() && !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp()
                        && s.getCurrentPosition().orElse(-1) >= last()));
    }

    private long last() {
        return jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    }

    @Test
    void replayAgainstReadingTheEventTable() throws Exception {
        UUID template = openTicket(registerCustomer(), "Replay template");
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT e.id, e.id, 0, t.type, t.time_stamp, t.payload_type, t.payload_revision,
                       replace(t.payload, t.aggregate_identifier, e.id), t.meta_data
                FROM (SELECT gen_random_uuid()::text AS id FROM generate_series(1, ?)) e,
                     (SELECT * FROM domain_event_entry WHERE aggregate_identifier = ?) t""",
                EVENTS, template.toString());
        for (Object processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                awaitAllCaughtUp(streaming);
            }
        }
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);

        long readStart = System.nanoTime();
        long read = 0;
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                    FROM domain_event_entry ORDER BY global_index""")) {
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rows.getString("payload");
                        read++;
                    }
                }
            }
        }
        double rawPerSecond = read / ((System.nanoTime() - readStart) / 1e9);

        StreamingEventProcessor tickets = processing.eventProcessor("tickets", StreamingEventProcessor.class)
                .orElseThrow();
        tickets.shutDown();
        tickets.resetTokens();
        long replayStart = System.nanoTime();
        tickets.start();
        awaitAllCaughtUp(tickets);
        double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
        double replayPerSecond = events / replaySeconds;
        System.out.printf("%nReplay benchmark: %,d events; reading the event table %.0f events/s; rebuilding the "
                        + "ticket read model %.0f events/s (%.1f s); ratio %.2f%n%n", events, rawPerSecond,
                replayPerSecond, replaySeconds, replayPerSecond / rawPerSecond);
    }
}
