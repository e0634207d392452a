package de.ticketwerk.app.audit;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.quota.api.QuotaIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** R-AU1 and R-AU4: an aggregate's history and the event stream, as an auditor reads them. */
class AuditApiTest extends ApiTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private Http auditor() {
        return new Http(port(), name -> tokens.token(name, List.of("AUDITOR"), null));
    }

    @Test
    void aTicketsHistoryReadsInOrderWithWhoWhenAndThePayloadAsStored() {
        UUID ticket = openTicket(registerCustomer(), "Drucker");
        ok(http.send("PUT", "/api/v1/tickets/" + ticket + "/assignee", "{\"assignee\": \"tom\"}", "dora"));
        ok(http.send("POST", "/api/v1/tickets/" + ticket + "/start-work", null, "tom"));

        Http.Response answer = auditor().send("GET", "/api/v1/audit/ticket/" + ticket + "/events", null, "ute");

        ok(answer);
        JsonNode items = answer.json().get("items");
        assertThat(answer.json().get("totalItems").asLong()).isEqualTo(3);
        assertThat(names(items)).containsExactly("ticket.TicketOpened", "ticket.TicketAssigned",
                "ticket.WorkStarted");
        assertThat(strings(items, "actor")).containsExactly(Http.ACTOR, "dora", "tom");
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT sequence_number, global_index, payload, "
                + "time_stamp, meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", ticket.toString());
        for (int i = 0; i < 3; i++) {
            JsonNode item = items.get(i);
            Map<String, Object> row = stored.get(i);
            assertThat(item.get("sequence").asLong()).isEqualTo(i);
            assertThat(item.get("position").asLong()).isEqualTo(row.get("global_index"));
            assertThat(item.get("recordedAt").asString()).isEqualTo(row.get("time_stamp"));
            assertThat(item.get("payload")).isEqualTo(json.readTree((String) row.get("payload")));
            assertThat(item.get("businessTime").asString()).isEqualTo(item.get("payload").get("at").asString());
            assertThat(item.get("metaData").get("actor").asString()).isEqualTo(item.get("actor").asString());
        }
        assertThat(answer.text()).as("the payload as stored, not written again")
                .contains((String) stored.get(1).get("payload"));
    }

    @Test
    void anEventAProcessRecordsNamesTheActorWhoseRequestCausedIt() {
        UUID customer = registerCustomer();
        UUID contract = concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-01-01\"");
        UUID ticket = openTicket(customer, "Kontingent");
        ok(http.send("PUT", "/api/v1/tickets/" + ticket + "/assignee", "{\"assignee\": \"tom\"}", "dora"));
        assertThat(http.send("POST", "/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "2026-03-03T09:00:00Z", "end": "2026-03-03T10:00:00Z", "role": "TECHNICIAN",
                 "mode": "REMOTE"}""", "tom").status()).isEqualTo(201);
        awaitCaughtUpEverywhere();

        JsonNode quota = auditor().send("GET", "/api/v1/audit/quota/" + QuotaIds.of(contract) + "/events", null,
                "ute").json().get("items");

        JsonNode debit = null;
        for (JsonNode event : quota) {
            if (event.get("name").asString().equals("quota.QuotaDebited")) {
                debit = event;
            }
        }
        assertThat(debit).as(quota.toString()).isNotNull();
        assertThat(debit.get("metaData").get("actor").asString()).isEqualTo("tom");
        assertThat(debit.get("actor").asString()).isEqualTo("tom");
    }

    @Test
    void theHistoryIsPagedAndUnknownOrForeignAggregatesAreNotFound() {
        UUID customer = registerCustomer();
        for (String name : List.of("Kanzlei A", "Kanzlei B", "Kanzlei C")) {
            ok(http.put("/api/v1/customers/" + customer, """
                    {"name": "%s", "federalState": "NW", "vatId": "DE123456789", "debtorNumber": "10042",
                     "address": {"street": "Marktstraße 1", "postalCode": "48143", "city": "Münster"},
                     "reportEmails": ["kanzlei@berger.example"]}""".formatted(name)));
        }

        JsonNode second = auditor().send("GET", "/api/v1/audit/customer/" + customer + "/events?page=1&size=2", null,
                "ute").json();

        assertThat(second.get("totalItems").asLong()).isEqualTo(4);
        assertThat(strings(second.get("items"), "sequence")).containsExactly("2", "3");
        assertThat(second.get("items").get(1).get("payload").get("details").get("name").asString())
                .isEqualTo("Kanzlei C");
        assertProblem(auditor().send("GET", "/api/v1/audit/customer/" + UUID.randomUUID() + "/events", null, "ute"),
                404, "no customer");
        assertProblem(auditor().send("GET", "/api/v1/audit/ticket/" + customer + "/events", null, "ute"), 404,
                "no ticket");
        assertThat(auditor().send("GET", "/api/v1/audit/car/" + customer + "/events", null, "ute").status())
                .isEqualTo(400);
    }

    @Test
    void theStreamGivesEveryEventOnceInOrderAcrossAnInterruption() throws Exception {
        long start = awaitLinked();
        UUID customer = registerCustomer();
        for (int i = 0; i < 12; i++) {
            openTicket(customer, "Stream " + i);
        }
        long last = awaitLinked();
        List<Long> expected = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE global_index > ? AND global_index <= ? ORDER BY global_index", Long.class, start, last);

        List<Long> seen = new ArrayList<>(positions(auditor().send("GET", "/api/v1/audit/events?limit=7&after="
                + start, null, "ute")));
        assertThat(seen).hasSize(7);
        seen.addAll(readSomeThenHangUp(seen.get(seen.size() - 1), 3));
        long after = seen.get(seen.size() - 1);
        List<Long> page;
        do {
            Http.Response answer = auditor().send("GET", "/api/v1/audit/events?limit=50&after=" + after, null, "ute");
            assertThat(answer.contentType()).startsWith("application/x-ndjson");
            page = positions(answer);
            seen.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (!page.isEmpty() && after < last);

        assertThat(seen.subList(0, expected.size())).isEqualTo(expected);
    }

    @Test
    void aStreamedLineIsTheStoredRow() {
        UUID ticket = openTicket(registerCustomer(), "Zeile");
        Map<String, Object> row = jdbc.queryForMap("SELECT global_index, payload, meta_data, time_stamp, "
                + "payload_type FROM domain_event_entry WHERE aggregate_identifier = ?", ticket.toString());
        awaitLinked();
        long position = (Long) row.get("global_index");

        Http.Response answer = auditor().send("GET", "/api/v1/audit/events?limit=1&after=" + (position - 1), null,
                "ute");

        JsonNode line = json.readTree(answer.text().strip());
        assertThat(line.get("position").asLong()).isEqualTo(position);
        assertThat(line.get("aggregateType").asString()).isEqualTo("Ticket");
        assertThat(line.get("aggregateId").asString()).isEqualTo(ticket.toString());
        assertThat(line.get("payloadType").asString()).isEqualTo(row.get("payload_type"));
        assertThat(line.get("timestamp").asString()).isEqualTo(row.get("time_stamp"));
        assertThat(answer.text()).contains("\"payload\":" + row.get("payload"))
                .contains("\"metaData\":" + row.get("meta_data"));
    }

    @Test
    void onlyAuditorsAndAdminsRead() {
        UUID ticket = openTicket(registerCustomer(), "Rollen");
        Http dispatcher = new Http(port(), name -> tokens.token(name, List.of("DISPATCHER", "FINANCE"), null));
        for (String path : List.of("/api/v1/audit/ticket/" + ticket + "/events", "/api/v1/audit/events",
                "/api/v1/audit/chain", "/api/v1/audit/chain/verification")) {
            assertThat(dispatcher.send("GET", path, null, "dora").status()).as(path).isEqualTo(403);
            assertThat(auditor().send("GET", path, null, "ute").status()).as(path).isEqualTo(200);
        }
    }

    /** Reads a few lines of a long stream and closes the connection in the middle of it. */
    private List<Long> readSomeThenHangUp(long after, int lines) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port()
                        + "/api/v1/audit/events?after=" + after))
                .header("Authorization", "Bearer " + auditor().tokenOf("ute")).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        List<Long> read = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            for (int i = 0; i < lines; i++) {
                read.add(json.readTree(reader.readLine()).get("position").asLong());
            }
        }
        return read;
    }

    private List<Long> positions(Http.Response answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.text().lines().map(line -> json.readTree(line).get("position").asLong()).toList();
    }

    private static List<String> names(JsonNode items) {
        return strings(items, "name");
    }

    private static List<String> strings(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.get(field).asString()));
        return values;
    }
}
