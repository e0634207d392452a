package de.ticketwerk.app.ticket;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TicketLifecycleApiTest extends ApiTest {

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asString()).toList();
    }

    @Test
    void aTicketRunsThroughItsWholeLifecycleAndEveryStepIsRecordedWithWhoAndWhen() {
        UUID ticket = openTicket(registerCustomer(), "Printer down");
        String path = "/api/v1/tickets/" + ticket;

        ok(http.put(path + "/classification", "{\"kind\": \"SERVICE_REQUEST\", \"serviceItem\": \"DEVICE_ADMIN\"}"));
        ok(http.put(path + "/priority", "{\"priority\": \"EMERGENCY\"}"));
        ok(http.put(path + "/assignee", "{\"assignee\": \"jonas\"}"));
        ok(http.post(path + "/start-work", null));
        ok(http.post(path + "/wait-for-customer", "{\"reason\": \"Needs the admin password\"}"));
        ok(http.post(path + "/resume-work", null));
        ok(http.post(path + "/escalate", "{\"reason\": \"CEO cannot print\"}"));
        assertThat(http.post(path + "/comments", "{\"visibility\": \"PUBLIC\", \"text\": \"We are on it\"}").status())
                .isEqualTo(201);
        assertThat(http.post(path + "/comments", "{\"visibility\": \"INTERNAL\", \"text\": \"Old driver\"}").status())
                .isEqualTo(201);
        ok(http.post(path + "/resolve", "{\"resolution\": \"Driver reinstalled\"}"));
        ok(http.post(path + "/reopen", "{\"reason\": \"Prints blank pages\"}"));
        ok(http.post(path + "/resolve", "{\"resolution\": \"Toner replaced\"}"));
        ok(http.post(path + "/close", null));

        JsonNode detail = awaitTicket(ticket, d -> d.get("ticket").get("status").asString().equals("CLOSED"));
        JsonNode summary = detail.get("ticket");
        assertThat(summary.get("kind").asString()).isEqualTo("SERVICE_REQUEST");
        assertThat(summary.get("serviceItem").asString()).isEqualTo("DEVICE_ADMIN");
        assertThat(summary.get("priority").asString()).isEqualTo("EMERGENCY");
        assertThat(summary.get("assignee").asString()).isEqualTo("jonas");
        assertThat(summary.get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(summary.get("openedBy").asString()).isEqualTo("anna");
        assertThat(detail.get("resolution").asString()).isEqualTo("Toner replaced");
        assertThat(texts(detail.get("history"), "change")).containsExactly("OPENED", "CLASSIFIED", "REPRIORITIZED",
                "ASSIGNED", "WORK_STARTED", "WAITING_FOR_CUSTOMER", "WORK_RESUMED", "ESCALATED", "RESOLVED",
                "REOPENED", "RESOLVED", "CLOSED");
        assertThat(texts(detail.get("history"), "status")).containsExactly("NEW", "NEW", "NEW", "ASSIGNED",
                "IN_PROGRESS", "WAITING_FOR_CUSTOMER", "IN_PROGRESS", "IN_PROGRESS", "RESOLVED", "IN_PROGRESS",
                "RESOLVED", "CLOSED");
        assertThat(texts(detail.get("history"), "actor")).containsOnly("anna");
        JsonNode closed = detail.get("history").get(detail.get("history").size() - 1);
        assertThat(summary.get("updatedBy").asString()).isEqualTo("anna");
        assertThat(summary.get("updatedAt").asString()).isEqualTo(closed.get("at").asString());
        assertThat(summary.get("updatedAt").asString()).isNotEqualTo(summary.get("openedAt").asString());
        assertThat(texts(detail.get("comments"), "visibility")).containsExactly("PUBLIC", "INTERNAL");
        assertThat(texts(detail.get("comments"), "text")).containsExactly("We are on it", "Old driver");
    }

    @Test
    void timeIsLoggedCorrectedAndVoidedWithItsWholeHistoryKept() {
        UUID ticket = openTicket(registerCustomer(), "Server slow");
        String path = "/api/v1/tickets/" + ticket + "/time-entries/";
        UUID kept = logTime(ticket, "2026-03-03T16:00:00+01:00", "2026-03-03T16:07:00+01:00");
        UUID voided = logTime(ticket, "2026-03-04T09:00:00Z", "2026-03-04T10:00:00Z");

        ok(http.put(path + kept, """
                {"start": "2026-03-03T16:00:00+01:00", "end": "2026-03-03T16:20:00+01:00", "role": "SYSTEM_ENGINEER",
                 "mode": "ONSITE", "description": "Driver and test print", "billable": false,
                 "nonBillableReason": "Warranty", "reason": "Forgot the test print"}"""));
        ok(http.delete(path + voided, "{\"reason\": \"Logged on the wrong ticket\"}"));

        JsonNode detail = awaitTicket(ticket, d -> d.get("timeEntries").size() == 2
                && d.get("timeEntries").get(1).get("state").asString().equals("VOIDED"));
        JsonNode first = detail.get("timeEntries").get(0);
        assertThat(first.get("entryId").asString()).isEqualTo(kept.toString());
        assertThat(first.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(first.get("start").asString()).isEqualTo("2026-03-03T15:00:00Z");
        assertThat(first.get("end").asString()).isEqualTo("2026-03-03T15:20:00Z");
        assertThat(first.get("minutes").asLong()).isEqualTo(20);
        assertThat(first.get("role").asString()).isEqualTo("SYSTEM_ENGINEER");
        assertThat(first.get("billable").asBoolean()).isFalse();
        assertThat(first.get("nonBillableReason").asString()).isEqualTo("Warranty");
        assertThat(first.get("technician").asString()).isEqualTo("anna");
        assertThat(texts(first.get("changes"), "change")).containsExactly("LOGGED", "CORRECTED");
        assertThat(first.get("changes").get(0).get("minutes").asLong()).isEqualTo(7);
        assertThat(first.get("changes").get(1).get("reason").asString()).isEqualTo("Forgot the test print");

        JsonNode second = detail.get("timeEntries").get(1);
        assertThat(texts(second.get("changes"), "change")).containsExactly("LOGGED", "VOIDED");
        assertThat(second.get("changes").get(1).get("reason").asString()).isEqualTo("Logged on the wrong ticket");
        assertThat(second.get("minutes").asLong()).as("a void deletes nothing").isEqualTo(60);
        assertThat(second.get("technician").asString()).isEqualTo("jonas");
    }

    @Test
    void aVoidReasonMayComeAsAQueryParameter() {
        UUID ticket = openTicket(registerCustomer(), "Mail stuck");
        UUID entry = logTime(ticket, "2026-03-04T09:00:00Z", "2026-03-04T09:30:00Z");
        ok(http.delete("/api/v1/tickets/" + ticket + "/time-entries/" + entry + "?reason=Duplicate", null));
        JsonNode detail = awaitTicket(ticket, d -> d.get("timeEntries").size() == 1
                && d.get("timeEntries").get(0).get("state").asString().equals("VOIDED"));
        assertThat(detail.get("timeEntries").get(0).get("changes").get(1).get("reason").asString())
                .isEqualTo("Duplicate");
    }

    @Test
    void theListFiltersByCustomerAndStatusAndPagesInAStableOrder() {
        UUID customer = registerCustomer();
        List<UUID> opened = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            opened.add(openTicket(customer, "Ticket " + i));
        }
        openTicket(registerCustomer(), "Someone else's");
        ok(http.put("/api/v1/tickets/" + opened.get(2) + "/assignee", "{\"assignee\": \"mia\"}"));
        String newOnes = "/api/v1/tickets?customerId=" + customer + "&status=NEW";
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get(newOnes).json().get("totalItems").asLong() == 4
                && http.get("/api/v1/tickets?customerId=" + customer).json().get("totalItems").asLong() == 5);

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = http.get("/api/v1/tickets?customerId=" + customer + "&size=2&page=" + page).json();
            assertThat(body.get("totalItems").asLong()).isEqualTo(5);
            paged.addAll(texts(body.get("items"), "ticketId"));
        }
        assertThat(paged).containsExactlyElementsOf(opened.stream().map(UUID::toString).toList());

        JsonNode assigned = http.get("/api/v1/tickets?customerId=" + customer + "&status=ASSIGNED").json();
        assertThat(texts(assigned.get("items"), "ticketId")).containsExactly(opened.get(2).toString());
        assertThat(texts(http.get(newOnes).json().get("items"), "ticketId")).doesNotContain(opened.get(2).toString());
    }

    @Test
    void openingAnswersWithTheLocationOfTheNewTicket() {
        Http.Response response = http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "MONITORING", "kind": "INCIDENT", "serviceItem": "MONITORING",
                 "title": "Disk C: 95 %% full", "reporter": "PRTG"}""".formatted(registerCustomer()));
        assertThat(response.status()).isEqualTo(201);
        UUID ticket = UUID.fromString(response.json().get("ticketId").asString());
        assertThat(response.location()).isEqualTo("/api/v1/tickets/" + ticket);
        JsonNode detail = awaitTicket(ticket, d -> true);
        assertThat(detail.get("ticket").get("priority").asString()).as("the default priority").isEqualTo("NORMAL");
        assertThat(detail.get("ticket").get("channel").asString()).isEqualTo("MONITORING");
    }
}
