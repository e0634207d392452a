package de.ticketwerk.app.config;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.tuning.AggregateCaches;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SnapshotTest extends ApiTest {

    @Value("${ticketwerk.snapshots.ticket-after-events}")
    private int threshold;

    @Autowired
    private AggregateCaches caches;

    @Test
    void aLongTicketIsSnapshottedAsReadableJsonAndLoadsFromIt() {
        UUID ticket = openTicket(registerCustomer(), "Long story");
        String path = "/api/v1/tickets/" + ticket;
        ok(http.put(path + "/assignee", "{\"assignee\": \"jonas\"}"));
        ok(http.post(path + "/start-work", null));
        UUID entry = logTime(ticket, "2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z");
        commentUntilSnapshotted(ticket);
        List<String> snapshots = jdbc.queryForList(
                "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?", String.class,
                ticket.toString());
        JsonNode snapshot = JsonMapper.builder().build().readTree(snapshots.get(0));
        assertThat(snapshot.get("ticketId").asString()).isEqualTo(ticket.toString());
        assertThat(snapshot.get("status").asString()).isEqualTo("IN_PROGRESS");

        Http.Response close = http.post(path + "/close", null);
        assertThat(close.status()).isEqualTo(409);
        assertThat(close.json().get("detail").asString()).contains("IN_PROGRESS");
        ok(http.delete(path + "/time-entries/" + entry, "{\"reason\": \"after the snapshot\"}"));
        assertThat(http.delete(path + "/time-entries/" + entry, "{\"reason\": \"twice\"}").status())
                .as("the snapshot remembers the entry, and the void after it").isEqualTo(409);
    }

    @Test
    void aSnapshotOfAnEarlierRevisionIsNotUsedAndOneOfTodaysIs() {
        UUID earlier = inProgressWithSnapshot("Earlier snapshot");
        UUID current = inProgressWithSnapshot("Current snapshot");

        resolvedInTheSnapshot(earlier, "1");
        resolvedInTheSnapshot(current, StoredNames.SNAPSHOT_REVISION);
        caches.forgetAll();
        Http.Response fromTheEvents = http.post("/api/v1/tickets/" + earlier + "/close", null);
        Http.Response fromTheSnapshot = http.post("/api/v1/tickets/" + current + "/close", null);

        assertThat(fromTheEvents.status()).as("the ticket is in progress, as its events say").isEqualTo(409);
        assertThat(fromTheSnapshot.status()).as("the ticket is resolved, as the tampered snapshot says")
                .isEqualTo(200);
    }

    private UUID inProgressWithSnapshot(String title) {
        UUID ticket = openTicket(registerCustomer(), title);
        String path = "/api/v1/tickets/" + ticket;
        ok(http.put(path + "/assignee", "{\"assignee\": \"jonas\"}"));
        ok(http.post(path + "/start-work", null));
        commentUntilSnapshotted(ticket);
        return ticket;
    }

    /** As many comments as the snapshot threshold, then until the snapshot is there. */
    private void commentUntilSnapshotted(UUID ticket) {
        for (int i = 0; i < threshold; i++) {
            assertThat(http.post("/api/v1/tickets/" + ticket + "/comments",
                    "{\"visibility\": \"INTERNAL\", \"text\": \"note " + i + "\"}").status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> !jdbc.queryForList(
                "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?", String.class,
                ticket.toString()).isEmpty());
    }

    private void resolvedInTheSnapshot(UUID ticket, String revision) {
        owner().update("""
                UPDATE snapshot_event_entry SET payload_revision = ?,
                    payload = jsonb_set(payload::jsonb, '{status}', '"RESOLVED"')::text
                WHERE aggregate_identifier = ?""", revision, ticket.toString());
    }
}
