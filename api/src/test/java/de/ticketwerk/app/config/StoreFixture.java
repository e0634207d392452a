package de.ticketwerk.app.config;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small history with every kind of event and a snapshot of every aggregate, and what the read side answered about
 * it, as recorded by a build: {@code StoredNamesTest} loads such a recording into an empty store.
 */
final class StoreFixture {

    /** The event store and the write side's registry, which a subscribing processor fills as events are stored. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("domain_event_entry", "global_index");
        TABLES.put("snapshot_event_entry", "aggregate_identifier, sequence_number");
        TABLES.put("customer_registry", "customer_id");
        TABLES.put("contract_registry", "contract_id");
        TABLES.put("entry_pricing_registry", "entry_id");
    }

    /** Money read exactly, as the answers were recorded. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private StoreFixture() {
    }

    /** Drives the history through the API and answers the paths whose answers the recording keeps. */
    static Map<String, UUID> record(Http http) {
        UUID quotaCustomer = ApiTest.registerCustomer(http, "Steuerberatung Berger", "NW");
        UUID hourlyCustomer = ApiTest.registerCustomer(http, "Kanzlei Adler", "BY");
        ok(http.put("/api/v1/customers/" + hourlyCustomer, """
                {"name": "Kanzlei Adler & Partner", "federalState": "BY"}"""));
        UUID quota = id(http.post("/api/v1/contracts", """
                {"customerId": "%s", "type": "QUOTA", "startDate": "2025-01-01", "endDate": "2025-12-31",
                 "quota": {"allotmentMinutes": 60, "period": "MONTH", "expiry": "CARRY_OVER_UNTIL_MARCH",
                 "settlement": "QUARTERLY"}}""".formatted(quotaCustomer)), "contractId");
        UUID hourly = id(http.post("/api/v1/contracts", """
                {"customerId": "%s", "type": "HOURLY", "startDate": "2025-01-01",
                 "hourlyRates": {"TECHNICIAN": 95.00}}""".formatted(hourlyCustomer)), "contractId");
        ok(http.post("/api/v1/contracts/" + hourly + "/price-changes", """
                {"effectiveFrom": "2027-04-01", "announcedOn": "2026-11-20", "hourlyRates": {"TECHNICIAN": 99.00}}"""));
        ok(http.post("/api/v1/contracts/" + hourly + "/termination", """
                {"receivedOn": "2026-11-25", "channel": "LETTER", "by": "CUSTOMER", "specialRight": true}"""));

        UUID ticket = id(http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                 "priority": "HIGH", "title": "Nothing prints", "description": "Since the update",
                 "reporter": "Frau Berger"}""".formatted(quotaCustomer)), "ticketId");
        ok(http.put("/api/v1/tickets/" + ticket + "/classification", """
                {"kind": "INCIDENT", "serviceItem": "STANDARD_SOFTWARE"}"""));
        ok(http.put("/api/v1/tickets/" + ticket + "/priority", "{\"priority\": \"EMERGENCY\"}"));
        ok(http.put("/api/v1/tickets/" + ticket + "/assignee", "{\"assignee\": \"jonas\"}"));
        ok(http.send("POST", "/api/v1/tickets/" + ticket + "/start-work", null, "anna"));
        ok(http.post("/api/v1/tickets/" + ticket + "/comments", """
                {"visibility": "INTERNAL", "text": "Driver issue, probably"}"""));
        ok(http.post("/api/v1/tickets/" + ticket + "/escalate", "{\"reason\": \"Tax deadline today\"}"));
        UUID entry = id(http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "2025-03-03T10:00:00+01:00", "end": "2025-03-03T12:30:00+01:00", "role": "TECHNICIAN",
                 "mode": "REMOTE", "description": "Reinstalled the driver"}"""), "entryId");
        UUID corrected = id(http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "2025-05-06T18:00:00+02:00", "end": "2025-05-06T19:00:00+02:00", "role": "TECHNICIAN",
                 "mode": "REMOTE", "description": "Checked the queue"}"""), "entryId");
        UUID voided = id(http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "2025-05-07T09:00:00+02:00", "end": "2025-05-07T09:20:00+02:00", "role": "TECHNICIAN",
                 "mode": "REMOTE", "billable": false, "nonBillableReason": "our own mistake"}"""), "entryId");
        ApiTest.awaitPricing(http, corrected, p -> p.get("status").asString().equals("PRICED"));
        ok(http.put("/api/v1/tickets/" + ticket + "/time-entries/" + corrected, """
                {"start": "2025-05-06T18:00:00+02:00", "end": "2025-05-06T19:30:00+02:00", "role": "TECHNICIAN",
                 "mode": "REMOTE", "description": "Checked the queue", "reason": "Left at 19:30"}"""));
        ApiTest.awaitPricing(http, voided, p -> p.get("status").asString().equals("PRICED"));
        ok(http.delete("/api/v1/tickets/" + ticket + "/time-entries/" + voided, "{\"reason\": \"logged twice\"}"));
        ok(http.post("/api/v1/tickets/" + ticket + "/wait-for-customer", "{\"reason\": \"Needs a restart\"}"));
        ok(http.send("POST", "/api/v1/tickets/" + ticket + "/resume-work", null, "anna"));
        ok(http.post("/api/v1/tickets/" + ticket + "/resolve", "{\"resolution\": \"New driver\"}"));
        ok(http.post("/api/v1/tickets/" + ticket + "/reopen", "{\"reason\": \"Prints blank pages\"}"));
        ok(http.post("/api/v1/tickets/" + ticket + "/resolve", "{\"resolution\": \"Toner replaced\"}"));
        ok(http.send("POST", "/api/v1/tickets/" + ticket + "/close", null, "anna"));

        UUID hourlyTicket = id(http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "EMAIL", "kind": "SERVICE_REQUEST", "serviceItem": "DEVICE_ADMIN",
                 "priority": "LOW", "title": "New laptop", "reporter": "Herr Adler"}""".formatted(hourlyCustomer)),
                "ticketId");
        UUID hourlyEntry = id(http.post("/api/v1/tickets/" + hourlyTicket + "/time-entries", """
                {"start": "2025-12-24T16:00:00+01:00", "end": "2025-12-24T18:10:00+01:00", "role": "TECHNICIAN",
                 "mode": "ONSITE", "emergency": true}"""), "entryId");
        UUID withoutContract = id(http.post("/api/v1/tickets/" + hourlyTicket + "/time-entries", """
                {"start": "2024-11-05T10:00:00+01:00", "end": "2024-11-05T11:00:00+01:00", "role": "CONSULTANT",
                 "mode": "REMOTE"}"""), "entryId");
        return Map.ofEntries(Map.entry("quotaCustomer", quotaCustomer),
                Map.entry("hourlyCustomer", hourlyCustomer),
                Map.entry("quota", quota),
                Map.entry("hourly", hourly),
                Map.entry("ticket", ticket),
                Map.entry("hourlyTicket", hourlyTicket),
                Map.entry("entry", entry),
                Map.entry("corrected", corrected),
                Map.entry("voided", voided),
                Map.entry("hourlyEntry", hourlyEntry),
                Map.entry("withoutContract", withoutContract));
    }

    /** The read side's answers that the recording keeps, with the ids of one recording. */
    static List<String> paths(Map<String, UUID> ids) {
        return List.of(
                "/api/v1/customers/" + ids.get("quotaCustomer"),
                "/api/v1/customers/" + ids.get("hourlyCustomer"),
                "/api/v1/contracts/" + ids.get("quota"),
                "/api/v1/contracts/" + ids.get("hourly"),
                "/api/v1/tickets/" + ids.get("ticket"),
                "/api/v1/tickets/" + ids.get("hourlyTicket"),
                "/api/v1/time-entries/" + ids.get("entry") + "/pricing",
                "/api/v1/time-entries/" + ids.get("corrected") + "/pricing",
                "/api/v1/time-entries/" + ids.get("voided") + "/pricing",
                "/api/v1/time-entries/" + ids.get("hourlyEntry") + "/pricing",
                "/api/v1/time-entries/" + ids.get("withoutContract") + "/pricing",
                "/api/v1/contracts/" + ids.get("quota") + "/quota?asOf=2025-12-31",
                "/api/v1/contracts/" + ids.get("quota") + "/quota/ledger?from=2025-01-01&to=2025-12-31&size=1000",
                "/api/v1/contracts/" + ids.get("quota") + "/statements/quarterly/2025/2",
                "/api/v1/contracts/" + ids.get("quota") + "/statements/annual/2025");
    }

    static ObjectNode dump(JdbcTemplate jdbc, Map<String, UUID> ids, Map<String, JsonNode> answers) {
        ObjectNode fixture = MAPPER.createObjectNode();
        ObjectNode idNode = fixture.putObject("ids");
        ids.forEach((name, id) -> idNode.put(name, id.toString()));
        TABLES.forEach((table, order) -> fixture.set(table, MAPPER.readTree(jdbc.queryForObject(
                "SELECT COALESCE(json_agg(t), '[]') FROM (SELECT * FROM " + table + " ORDER BY " + order + ") t",
                String.class))));
        ObjectNode answerNode = fixture.putObject("answers");
        answers.forEach(answerNode::set);
        return fixture;
    }

    /** Loads a recording into an empty store; answers how many events it holds. */
    static long load(JdbcTemplate jdbc, JsonNode fixture) {
        TABLES.keySet().forEach(table -> jdbc.update("INSERT INTO " + table
                + " SELECT * FROM json_populate_recordset(NULL::" + table + ", ?::json)",
                fixture.get(table).toString()));
        jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'),"
                + " (SELECT MAX(global_index) FROM domain_event_entry))", Long.class);
        return fixture.get("domain_event_entry").size();
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 299);
    }

    private static UUID id(Http.Response response, String field) {
        ok(response);
        return UUID.fromString(response.json().get(field).asString());
    }
}
