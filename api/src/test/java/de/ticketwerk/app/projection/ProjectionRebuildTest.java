package de.ticketwerk.app.projection;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionRebuildTest extends ApiTest {

    private static final List<String> TABLES_IN_KEY_ORDER = List.of(
            "SELECT * FROM ticket_view ORDER BY ticket_id",
            "SELECT * FROM ticket_history_view ORDER BY ticket_id, position",
            "SELECT * FROM ticket_comment_view ORDER BY comment_id",
            "SELECT * FROM time_entry_view ORDER BY entry_id",
            "SELECT * FROM time_entry_change_view ORDER BY entry_id, position");

    private List<List<Map<String, Object>>> readModel() {
        return TABLES_IN_KEY_ORDER.stream().map(jdbc::queryForList).toList();
    }

    private void someHistory() {
        for (int i = 0; i < 3; i++) {
            UUID ticket = openTicket(registerCustomer(), "Rebuild " + i);
            String path = "/api/v1/tickets/" + ticket;
            ok(http.put(path + "/assignee", "{\"assignee\": \"jonas\"}"));
            ok(http.post(path + "/start-work", null));
            http.post(path + "/comments", "{\"visibility\": \"INTERNAL\", \"text\": \"note " + i + "\"}");
            UUID entry = logTime(ticket, "2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z");
            ok(http.put(path + "/time-entries/" + entry, """
                    {"start": "2026-03-03T15:00:00Z", "end": "2026-03-03T15:45:00Z", "role": "TECHNICIAN",
                     "mode": "ONSITE", "reason": "typo"}"""));
            logTime(ticket, "2026-03-04T15:00:00Z", "2026-03-04T16:00:00Z");
            awaitTicket(ticket, d -> d.get("timeEntries").size() == 2);
        }
    }

    @Test
    void rebuildingTheTicketReadModelFromTheEventsGivesIdenticalRows() {
        someHistory();
        StreamingEventProcessor processor = processing.eventProcessor("tickets", StreamingEventProcessor.class)
                .orElseThrow();
        awaitCaughtUp(processor);
        List<List<Map<String, Object>>> live = readModel();
        assertThat(live.get(0)).hasSizeGreaterThanOrEqualTo(3);

        processor.shutDown();
        processor.resetTokens();
        assertThat(readModel()).as("the reset empties every table before the replay").allSatisfy(
                rows -> assertThat(rows).isEmpty());
        processor.start();
        awaitCaughtUp(processor);

        assertThat(readModel()).isEqualTo(live);
    }

    @Test
    void theRebuildEndpointReplaysAndReportsProgress() {
        someHistory();
        StreamingEventProcessor processor = processing.eventProcessor("tickets", StreamingEventProcessor.class)
                .orElseThrow();
        awaitCaughtUp(processor);
        List<List<Map<String, Object>>> live = readModel();

        Http.Response response = http.post("/api/v1/projections/tickets/rebuild", null);
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("name").asString()).isEqualTo("tickets");
        awaitCaughtUp(processor);
        assertThat(readModel()).isEqualTo(live);
        assertThat(http.get("/api/v1/projections/tickets").json().get("caughtUp").asBoolean()).isTrue();

        Http.Response unknown = http.post("/api/v1/projections/nothing/rebuild", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "customers          | SELECT * FROM customer_view ORDER BY customer_id",
            "contracts          | SELECT * FROM contract_view ORDER BY contract_id",
            "time-entry-pricing | SELECT * FROM time_entry_pricing_view ORDER BY priced_by, sequence_number",
            "quota-ledger       | SELECT * FROM quota_ledger_view ORDER BY quota_id, sequence_number",
    })
    void rebuildingABillingReadModelGivesIdenticalRows(String name, String rows) {
        UUID customer = registerCustomer("Rebuild " + name, "NW");
        ok(http.put("/api/v1/customers/" + customer, "{\"name\": \"Rebuilt " + name + "\", \"federalState\": \"HH\"}"));
        Http.Response concluded = http.post("/api/v1/contracts", """
                {"customerId": "%s", "type": "QUOTA", "startDate": "2024-01-01"}""".formatted(customer));
        String contract = concluded.json().get("contractId").asString();
        ok(http.post("/api/v1/contracts/" + contract + "/price-changes", """
                {"announcedOn": "2026-11-01", "effectiveFrom": "2027-02-01", "monthlyFee": 159.00}"""));
        ok(http.post("/api/v1/contracts/" + contract + "/termination", """
                {"receivedOn": "2026-11-02", "channel": "EMAIL", "by": "CUSTOMER"}"""));
        UUID ticket = openTicket(customer, "Rebuild");
        UUID entry = logTime(ticket, "2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z");
        ok(http.put("/api/v1/tickets/" + ticket + "/time-entries/" + entry, """
                {"start": "2026-03-03T15:00:00Z", "end": "2026-03-03T15:45:00Z", "role": "TECHNICIAN",
                 "mode": "ONSITE", "reason": "typo"}"""));
        awaitPricing(entry, p -> p.get("history").size() == 3);
        awaitCaughtUp("pricing");
        awaitCaughtUp("quota");
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow();
        awaitCaughtUp(processor);
        List<Map<String, Object>> live = jdbc.queryForList(rows);
        assertThat(live).isNotEmpty();

        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForList(rows)).isEmpty();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(jdbc.queryForList(rows)).isEqualTo(live);
    }

    @Test
    void thePricingProcessIsNotAReadModelAndCannotBeRebuilt() {
        assertThat(http.get("/api/v1/projections").json().toString()).contains("time-entry-pricing")
                .doesNotContain("\"pricing\"").doesNotContain("\"quota\"").doesNotContain("registry");
        assertThat(http.post("/api/v1/projections/pricing/rebuild", null).status()).isEqualTo(404);
    }
}
