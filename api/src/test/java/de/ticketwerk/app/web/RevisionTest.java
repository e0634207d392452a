package de.ticketwerk.app.web;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** ETag and If-Match on the resources backed by an aggregate; conflicts with another writer of the event store. */
class RevisionTest extends ApiTest {

    @Test
    void aTicketsETagIsItsRevisionAndAStaleIfMatchChangesNothing() {
        UUID ticket = openTicket(registerCustomer(), "Drucker");
        String path = "/api/v1/tickets/" + ticket;
        assertThat(awaitETag(path, "\"1\"")).isEqualTo("\"1\"");

        Http.Response first = change("PUT", path + "/priority", "{\"priority\": \"LOW\"}", "\"1\"");
        awaitETag(path, "\"2\"");
        awaitCaughtUpEverywhere();
        long events = eventCount();
        Http.Response stale = change("PUT", path + "/priority", "{\"priority\": \"EMERGENCY\"}", "\"1\"");
        Http.Response weak = change("PUT", path + "/priority", "{\"priority\": \"EMERGENCY\"}", "W/\"2\"");
        Http.Response malformed = change("PUT", path + "/priority", "{\"priority\": \"EMERGENCY\"}", "2");

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertProblem(stale, 412, "the resource is at revision 2, not 1");
        assertThat(weak.status()).isEqualTo(412);
        assertProblem(malformed, 400, "If-Match must be one ETag");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(http.get(path).json().get("ticket").get("priority").asString()).isEqualTo("LOW");

        assertThat(change("POST", path + "/comments", "{\"visibility\": \"PUBLIC\", \"text\": \"a\"}", "\"2\"")
                .status()).isEqualTo(201);
        assertThat(change("POST", path + "/comments", "{\"visibility\": \"PUBLIC\", \"text\": \"b\"}", "*")
                .status()).isEqualTo(201);
        assertThat(awaitETag(path, "\"4\"")).isEqualTo("\"4\"");
    }

    @Test
    void aCustomersRevisionCountsItsMasterDataNotThePricingInItsStream() {
        UUID customer = registerCustomer("Kanzlei ohne Vertrag", "BY");
        String path = "/api/v1/customers/" + customer;
        awaitETag(path, "\"1\"");
        UUID ticket = openTicket(customer, "Ohne Vertrag");
        UUID entry = logTime(ticket, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
        awaitPricing(entry, pricing -> true);
        String renamed = """
                {"name": "Kanzlei Neu", "federalState": "BY"}""";

        Http.Response stale = change("PUT", path, renamed, "\"2\"");
        Http.Response current = change("PUT", path, renamed, "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(current.status()).as(current.text()).isEqualTo(200);
        assertThat(awaitETag(path, "\"2\"")).isEqualTo("\"2\"");
        assertThat(http.get(path).json().get("details").get("name").asString()).isEqualTo("Kanzlei Neu");
    }

    @Test
    void aContractsRevisionCountsItsConclusionPriceChangesAndTermination() {
        UUID contract = concludeContract(registerCustomer(), """
                "type": "HOURLY", "startDate": "2026-01-01", "minimumTermMonths": 12""");
        String path = "/api/v1/contracts/" + contract;
        awaitETag(path, "\"1\"");

        Http.Response priceChange = change("POST", path + "/price-changes", """
                {"announcedOn": "2026-06-01", "effectiveFrom": "2027-01-01", "hourlyRates": {"TECHNICIAN": 99.00}}""", "\"1\"");
        Http.Response staleTermination = change("POST", path + "/termination", """
                {"receivedOn": "2026-06-02", "channel": "LETTER", "by": "CUSTOMER"}""", "\"1\"");

        assertThat(priceChange.status()).as(priceChange.text()).isIn(200, 201);
        assertThat(staleTermination.status()).as(staleTermination.text()).isEqualTo(412);
        assertThat(awaitETag(path, "\"2\"")).isEqualTo("\"2\"");
        assertThat(http.get(path).json().get("termination").isNull()).isTrue();
    }

    @Test
    void ofTenConcurrentChangesForOneRevisionExactlyOneIsStored() throws Exception {
        UUID ticket = openTicket(registerCustomer(), "Zehn auf einmal");
        String path = "/api/v1/tickets/" + ticket;
        awaitETag(path, "\"1\"");
        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Http.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String text = "Antwort " + i;
                sent.add(clients.submit(() -> change("POST", path + "/comments",
                        "{\"visibility\": \"PUBLIC\", \"text\": \"" + text + "\"}", "\"1\"")));
            }
            for (Future<Http.Response> answer : sent) {
                statuses.add(answer.get(60, TimeUnit.SECONDS).status());
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(statuses).containsOnly(201, 412).filteredOn(status -> status == 201).hasSize(1);
        assertThat(storedOf(ticket, "ticket.CommentAdded")).isEqualTo(1);
    }

    @Test
    void aCommandThatConflictsWithAnotherWriterIsTriedAgainOnTheFreshState() {
        UUID ticket = openTicket(registerCustomer(), "Zwei Knoten");
        String path = "/api/v1/tickets/" + ticket;
        ok(http.put(path + "/assignee", "{\"assignee\": \"jonas\"}"));
        appendAsAnotherNode(ticket, 1);

        Http.Response comment = http.post(path + "/comments", "{\"visibility\": \"PUBLIC\", \"text\": \"hier\"}");

        assertThat(comment.status()).as(comment.text()).isEqualTo(201);
        assertThat(storedOf(ticket, "ticket.CommentAdded")).isEqualTo(1);
        assertThat(storedOf(ticket, "ticket.TicketEscalated")).isEqualTo(1);
        assertThat(awaitETag(path, "\"4\"")).isEqualTo("\"4\"");
        assertThat(http.get(path).json().get("ticket").get("escalationLevel").asInt()).isEqualTo(1);
    }

    @Test
    void withAnIdempotencyKeyAConflictIsAnsweredAndTheSameKeyStoresItOnce() {
        UUID ticket = openTicket(registerCustomer(), "Zwei Knoten mit Schlüssel");
        String path = "/api/v1/tickets/" + ticket;
        ok(http.put(path + "/assignee", "{\"assignee\": \"jonas\"}"));
        appendAsAnotherNode(ticket, 1);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String comment = "{\"visibility\": \"PUBLIC\", \"text\": \"hier\"}";

        Http.Response conflict = http.send("POST", path + "/comments", comment, Http.ACTOR, key);
        long afterConflict = storedOf(ticket, "ticket.CommentAdded");
        Http.Response again = http.send("POST", path + "/comments", comment, Http.ACTOR, key);
        Http.Response once = http.send("POST", path + "/comments", comment, Http.ACTOR, key);

        assertProblem(conflict, 409, "changed at the same time");
        assertThat(afterConflict).isZero();
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(once.text()).isEqualTo(again.text());
        assertThat(storedOf(ticket, "ticket.CommentAdded")).isEqualTo(1);
    }

    /** What another node would store: the ticket's next event, behind this node's back (and its cache). */
    private void appendAsAnotherNode(UUID ticket, int level) {
        long next = jdbc.queryForObject("SELECT MAX(sequence_number) + 1 FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, ticket.toString());
        jdbc.update("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, ?, 'Ticket', ?, '{}', ?, '1', 'ticket.TicketEscalated', '2026-03-03T10:00:00Z')""",
                ticket.toString(), next, UUID.randomUUID().toString(), """
                        {"ticketId": "%s", "level": %d, "reason": "elsewhere", "actor": "node-2",
                         "at": "2026-03-03T10:00:00Z"}""".formatted(ticket, level));
    }

    private long storedOf(UUID aggregate, String type) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type = ?", Long.class, aggregate.toString(), type);
        return count == null ? 0 : count;
    }

    private Http.Response change(String method, String path, String json, String ifMatch) {
        return http.send(method, path, json, Http.ACTOR, Map.of("If-Match", ifMatch));
    }

    private String awaitETag(String path, String expected) {
        String[] last = new String[1];
        await().atMost(java.time.Duration.ofSeconds(15)).pollInterval(java.time.Duration.ofMillis(50)).until(() -> {
            last[0] = http.get(path).header("ETag");
            return expected.equals(last[0]);
        });
        return last[0];
    }
}
