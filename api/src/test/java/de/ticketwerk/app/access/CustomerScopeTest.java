package de.ticketwerk.app.access;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's people see only their own customer, never internal comments, money only as CUSTOMER_ADMIN (R-A3). */
class CustomerScopeTest extends ApiTest {

    private UUID berger;
    private UUID fremd;
    private UUID bergersTicket;
    private UUID fremdsTicket;
    private UUID fremdsContract;
    private Http bergerUser;
    private Http bergerAdmin;

    @BeforeEach
    void twoCustomers() {
        berger = registerCustomer("Kanzlei Berger", "NW");
        fremd = registerCustomer("Kanzlei Fremd", "BY");
        bergersTicket = openTicket(berger, "Drucker");
        fremdsTicket = openTicket(fremd, "Server");
        fremdsContract = concludeContract(fremd, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\"");
        ok201(http.post("/api/v1/tickets/" + bergersTicket + "/comments",
                "{\"visibility\": \"INTERNAL\", \"text\": \"Kunde zahlt schlecht\"}"));
        ok201(http.post("/api/v1/tickets/" + bergersTicket + "/comments",
                "{\"visibility\": \"PUBLIC\", \"text\": \"Wir kümmern uns\"}"));
        bergerUser = new Http(port(), actor -> tokens.token("frau.berger", List.of("CUSTOMER_USER"), berger));
        bergerAdmin = new Http(port(), actor -> tokens.token("herr.berger", List.of("CUSTOMER_ADMIN"), berger));
        awaitCaughtUpEverywhere();
    }

    @Test
    void aListNeverHoldsAnotherCustomersRows() {
        Http.Response tickets = bergerUser.get("/api/v1/tickets?size=200");
        Http.Response foreignFilter = bergerUser.get("/api/v1/tickets?customerId=" + fremd);
        Http.Response customers = bergerUser.get("/api/v1/customers?size=200");

        assertThat(tickets.text()).contains(bergersTicket.toString()).doesNotContain(fremdsTicket.toString())
                .doesNotContain(fremd.toString());
        tickets.json().get("items").forEach(t -> assertThat(t.get("customerId").asString()).isEqualTo(
                berger.toString()));
        assertThat(foreignFilter.json().get("items")).isEmpty();
        assertThat(customers.json().get("items")).hasSize(1);
        assertThat(customers.text()).doesNotContain(fremd.toString());
    }

    @Test
    void anotherCustomersIdAnswersExactlyLikeAnUnknownOne() {
        UUID unknown = UUID.randomUUID();
        for (String path : List.of("/api/v1/tickets/%s", "/api/v1/customers/%s")) {
            UUID foreignId = path.contains("tickets") ? fremdsTicket : fremd;
            Http.Response foreign = bergerAdmin.get(path.formatted(foreignId));
            Http.Response none = bergerAdmin.get(path.formatted(unknown));
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.text().replace(foreignId.toString(), "ID"))
                    .isEqualTo(none.text().replace(unknown.toString(), "ID"));
        }
        Http.Response foreignContract = bergerAdmin.get("/api/v1/contracts/" + fremdsContract + "/quota");
        Http.Response unknownContract = bergerAdmin.get("/api/v1/contracts/" + unknown + "/quota");
        assertThat(foreignContract.text().replace(fremdsContract.toString(), "ID"))
                .isEqualTo(unknownContract.text().replace(unknown.toString(), "ID"));

        Http.Response foreignComment = bergerUser.post("/api/v1/tickets/" + fremdsTicket + "/comments",
                "{\"visibility\": \"PUBLIC\", \"text\": \"Hallo?\"}");
        Http.Response unknownComment = bergerUser.post("/api/v1/tickets/" + unknown + "/comments",
                "{\"visibility\": \"PUBLIC\", \"text\": \"Hallo?\"}");
        assertThat(foreignComment.status()).isEqualTo(404);
        assertThat(foreignComment.text().replace(fremdsTicket.toString(), "ID"))
                .isEqualTo(unknownComment.text().replace(unknown.toString(), "ID"));
    }

    @Test
    void customerPeopleNeverSeeInternalCommentsAndCommentOnlyPublicly() {
        JsonNode asCustomer = bergerUser.get("/api/v1/tickets/" + bergersTicket).json();
        JsonNode asStaff = http.get("/api/v1/tickets/" + bergersTicket).json();

        assertThat(asCustomer.toString()).doesNotContain("zahlt schlecht").contains("Wir kümmern uns");
        assertThat(asStaff.toString()).contains("zahlt schlecht");
        Http.Response internal = bergerUser.post("/api/v1/tickets/" + bergersTicket + "/comments",
                "{\"visibility\": \"INTERNAL\", \"text\": \"psst\"}");
        assertThat(internal.status()).as(internal.text()).isEqualTo(403);
    }

    @Test
    void aTicketOpenedByACustomerPersonIsAPortalTicketOfTheirCustomer() {
        Http.Response opened = bergerUser.post("/api/v1/tickets", """
                {"kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT", "title": "Scanner", "channel": "PHONE",
                 "reporter": "Jemand anders"}""");
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        UUID ticket = UUID.fromString(opened.json().get("ticketId").asString());

        JsonNode summary = awaitTicket(ticket, t -> true).get("ticket");
        assertThat(summary.get("customerId").asString()).isEqualTo(berger.toString());
        assertThat(summary.get("channel").asString()).isEqualTo("PORTAL");
        assertThat(summary.get("reporter").asString()).isEqualTo("frau.berger");

        Http.Response forForeign = bergerUser.post("/api/v1/tickets", """
                {"customerId": "%s", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT", "title": "x"}"""
                .formatted(fremd));
        Http.Response forUnknown = bergerUser.post("/api/v1/tickets", """
                {"customerId": "%s", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT", "title": "x"}"""
                .formatted(UUID.randomUUID()));
        assertThat(forForeign.status()).isEqualTo(forUnknown.status()).isEqualTo(422);
    }

    @Test
    void moneyOnlyForTheCustomerAdmin() {
        UUID quota = concludeContract(berger, """
                "type": "QUOTA", "startDate": "2026-01-01", "quota": {"allotmentMinutes": 600, "period": "MONTH",
                 "expiry": "CARRY_OVER_UNTIL_MARCH", "settlement": "QUARTERLY"}""");
        awaitContract(quota, c -> true);

        assertThat(bergerUser.get("/api/v1/contracts/" + quota).status()).isEqualTo(403);
        assertThat(bergerUser.get("/api/v1/contracts/" + quota + "/quota").status()).isEqualTo(403);
        assertThat(bergerAdmin.get("/api/v1/contracts/" + quota).status()).isEqualTo(200);
        assertThat(bergerAdmin.get("/api/v1/contracts/" + quota + "/quota").status()).isEqualTo(200);
        assertThat(bergerAdmin.get("/api/v1/contracts?customerId=" + fremd).json()).isEmpty();
    }

    @Test
    void aTechnicianChangesOnlyTheirOwnEntriesADispatcherAny() {
        UUID ticket = openTicket(berger, "Zeit");
        ok(http.put("/api/v1/tickets/" + ticket + "/assignee", "{\"assignee\": \"jonas\"}"));
        ok(http.post("/api/v1/tickets/" + ticket + "/start-work", null));
        UUID jonasEntry = logTime(ticket, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
        Http.Response mias = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "2026-03-03T11:00:00Z", "end": "2026-03-03T12:00:00Z", "role": "TECHNICIAN",
                 "mode": "REMOTE", "description": "Mia's work", "technician": "mia"}""");
        UUID miaEntry = UUID.fromString(mias.json().get("entryId").asString());
        Http jonas = new Http(port(), actor -> tokens.token("jonas", List.of("TECHNICIAN"), null));
        Http dispatcher = new Http(port(), actor -> tokens.token("dora", List.of("DISPATCHER"), null));
        awaitCaughtUpEverywhere();
        long before = eventCount();

        Http.Response others = jonas.send("DELETE", "/api/v1/tickets/" + ticket + "/time-entries/" + miaEntry,
                "{\"reason\": \"not mine\"}", "jonas");
        assertProblem(others, 403, "another technician");
        assertThat(eventCount()).isEqualTo(before);
        ok(jonas.send("DELETE", "/api/v1/tickets/" + ticket + "/time-entries/" + jonasEntry,
                "{\"reason\": \"twice\"}", "jonas"));
        ok(dispatcher.send("DELETE", "/api/v1/tickets/" + ticket + "/time-entries/" + miaEntry,
                "{\"reason\": \"twice\"}", "dora"));
    }

    private static void ok201(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    /** Issue 25: an internal comment changed the ETag, updatedBy and updatedAt that the customer's people see. */
    @Test
    void customerPeopleDoNotLearnThatOrWhenStaffDidSomethingInternal() {
        JsonNode before = bergerUser.get("/api/v1/tickets/" + bergersTicket).json().get("ticket");
        String staffTag = http.get("/api/v1/tickets/" + bergersTicket).header("ETag");

        ok201(http.send("POST", "/api/v1/tickets/" + bergersTicket + "/comments",
                "{\"visibility\": \"INTERNAL\", \"text\": \"Rückruf intern\"}", "jonas"));
        awaitTicket(bergersTicket, t -> t.get("ticket").get("updatedBy").asString().equals("jonas"));
        assertThat(http.get("/api/v1/tickets/" + bergersTicket).header("ETag")).as("staff's revision")
                .isNotEqualTo(staffTag);

        Http.Response seen = bergerUser.get("/api/v1/tickets/" + bergersTicket);
        assertThat(seen.header("ETag")).as("no revision for customer people").isNull();
        assertThat(seen.json().get("ticket").get("updatedBy")).isEqualTo(before.get("updatedBy"));
        assertThat(seen.json().get("ticket").get("updatedAt")).isEqualTo(before.get("updatedAt"));
        assertThat(bergerUser.get("/api/v1/tickets?size=200").text()).doesNotContain("\"jonas\"");

        ok201(http.send("POST", "/api/v1/tickets/" + bergersTicket + "/comments",
                "{\"visibility\": \"PUBLIC\", \"text\": \"Erledigt\"}", "jonas"));
        awaitGet(bergerUser, "/api/v1/tickets/" + bergersTicket,
                t -> t.get("ticket").get("updatedBy").asString().equals("jonas"));
    }

    @Test
    void customerPeopleOpenTicketsUpToHighAndLeaveEmergenciesToTheDispatcher() {
        String ticket = """
                {"kind": "INCIDENT", "serviceItem": "HOTLINE", "priority": "%s", "title": "Server steht"}""";

        Http.Response emergency = bergerUser.post("/api/v1/tickets", ticket.formatted("EMERGENCY"));
        Http.Response high = bergerUser.post("/api/v1/tickets", ticket.formatted("HIGH"));

        assertProblem(emergency, 403, "a DISPATCHER decides an EMERGENCY");
        ok201(high);
    }
}
