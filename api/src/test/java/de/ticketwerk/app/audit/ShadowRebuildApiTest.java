package de.ticketwerk.app.audit;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R-AU4: a shadow rebuild replays every event into copies of the read models' tables beside the live ones, shows its
 * progress, and compares the copies with the live tables. The tests share their database with others, so they look
 * at their own rows: the shared whole may hold rows that other tests changed on purpose.
 */
class ShadowRebuildApiTest extends ApiTest {

    private static final List<String> TABLES = List.of("ticket_view", "ticket_history_view", "ticket_comment_view",
            "time_entry_view", "time_entry_change_view", "customer_view", "contract_view", "time_entry_pricing_view",
            "quota_ledger_view", "invoice_view");

    private Http auditor() {
        return new Http(port(), name -> tokens.token(name, List.of("AUDITOR"), null));
    }

    @Test
    void everyReadModelIsRebuiltBesideTheLiveOneAndComparedWithIt() {
        UUID customer = registerCustomer("Kanzlei Schatten", "NW");
        UUID contract = concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-01-01\"");
        UUID ticket = openTicket(customer, "Schattenkopie");
        assertThat(http.post("/api/v1/tickets/" + ticket + "/comments",
                "{\"visibility\": \"PUBLIC\", \"text\": \"Da\"}").status()).isEqualTo(201);
        UUID entry = logTime(ticket, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
        awaitPricing(entry, pricing -> true);
        awaitCaughtUpEverywhere();
        long linked = awaitLinked();

        Http.Response started = awaitNoneRunningThenStart();
        JsonNode done = awaitDone(started.location());

        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("state").asString()).isIn("RUNNING", "DONE");
        assertThat(started.json().get("requestedBy").asString()).isEqualTo("ute");
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("head").asLong()).isGreaterThanOrEqualTo(linked);
        assertThat(done.get("eventsDone").asLong()).isEqualTo(done.get("eventsTotal").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index <= ?",
                        Long.class, done.get("head").asLong()));
        JsonNode tables = done.get("result").get("tables");
        assertThat(tables.valueStream().map(table -> table.get("table").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(TABLES);
        for (JsonNode table : tables) {
            if (!table.get("table").asString().equals("invoice_view")) {
                assertThat(table.get("shadowRows").asLong()).as(table.toString()).isPositive();
            }
        }
        for (String[] own : List.of(new String[] {"ticket_view", ticket.toString()},
                new String[] {"time_entry_view", entry.toString()},
                new String[] {"customer_view", customer.toString()},
                new String[] {"contract_view", contract.toString()})) {
            assertThat(differingKeys(done, own[0])).as(own[0] + " of this test").doesNotContain(own[1]);
        }
    }

    @Test
    void aLiveRowThatTheEventsDoNotGiveIsNamedByItsKey() {
        UUID customer = registerCustomer("Kanzlei Abweichung", "NW");
        UUID ticket = openTicket(customer, "Echter Titel");
        awaitCaughtUpEverywhere();
        awaitLinked();
        owner().update("UPDATE ticket_view SET title = 'Von Hand geändert' WHERE ticket_id = ?", ticket);
        JsonNode done;
        try {
            done = awaitDone(awaitNoneRunningThenStart().location());
        } finally {
            owner().update("UPDATE ticket_view SET title = 'Echter Titel' WHERE ticket_id = ?", ticket);
        }

        JsonNode tickets = table(done, "ticket_view");
        assertThat(done.get("result").get("equal").asBoolean()).isFalse();
        assertThat(tickets.get("equal").asBoolean()).isFalse();
        assertThat(tickets.get("onlyLive").asLong()).isPositive();
        assertThat(tickets.get("onlyShadow").asLong()).isPositive();
        assertThat(differingKeys(done, "ticket_view")).contains(ticket.toString());
    }

    @Test
    void oneRunAtATime() {
        awaitNoneRunning();
        UUID elsewhere = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO shadow_rebuild (rebuild_id, requested_by, started_at, state, head, events_total)
                VALUES (?, 'another node', now(), 'RUNNING', 0, 0)""", elsewhere);
        Http.Response second;
        try {
            second = auditor().send("POST", "/api/v1/audit/shadow-rebuild", null, "ute");
        } finally {
            jdbc.update("UPDATE shadow_rebuild SET state = 'INTERRUPTED' WHERE rebuild_id = ?", elsewhere);
        }

        assertProblem(second, 409, "a shadow rebuild is running");
        assertProblem(auditor().send("GET", "/api/v1/audit/shadow-rebuild/" + UUID.randomUUID(), null, "ute"),
                404, "no shadow rebuild");
    }

    private Http.Response awaitNoneRunningThenStart() {
        awaitNoneRunning();
        return auditor().send("POST", "/api/v1/audit/shadow-rebuild", null, "ute");
    }

    private void awaitNoneRunning() {
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM shadow_rebuild WHERE state = 'RUNNING'", Long.class) == 0);
    }

    private JsonNode awaitDone(String location) {
        JsonNode[] status = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            status[0] = auditor().send("GET", location, null, "ute").json();
            return !status[0].get("state").asString().equals("RUNNING");
        });
        return status[0];
    }

    private static JsonNode table(JsonNode done, String name) {
        return done.get("result").get("tables").valueStream()
                .filter(table -> table.get("table").asString().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> differingKeys(JsonNode done, String table) {
        return table(done, table).get("differingKeys").valueStream().map(JsonNode::asString).toList();
    }
}
