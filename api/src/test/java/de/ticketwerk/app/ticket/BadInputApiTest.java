package de.ticketwerk.app.ticket;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every kind of bad request gets a problem+json answer with the right status, and nothing is stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputApiTest extends ApiTest {

    private static final String OPEN = """
            {"customerId": "11111111-2222-3333-4444-555555555555", "channel": "PHONE", "kind": "INCIDENT",
             "serviceItem": "HOTLINE", "title": "Printer down", "reporter": "Frau Berger"%s}""";
    private static final String ENTRY = """
            {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "REMOTE"%s}""";

    private UUID inProgress;
    private UUID entry;
    private UUID closed;

    @BeforeAll
    void ticketsInEveryState() {
        connect();
        inProgress = openTicket(registerCustomer(), "In progress");
        ok(http.put("/api/v1/tickets/" + inProgress + "/assignee", "{\"assignee\": \"jonas\"}"));
        ok(http.post("/api/v1/tickets/" + inProgress + "/start-work", null));
        entry = logTime(inProgress, "2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z");

        closed = openTicket(registerCustomer(), "Closed");
        ok(http.put("/api/v1/tickets/" + closed + "/assignee", "{\"assignee\": \"jonas\"}"));
        ok(http.post("/api/v1/tickets/" + closed + "/start-work", null));
        ok(http.post("/api/v1/tickets/" + closed + "/resolve", "{\"resolution\": \"done\"}"));
        ok(http.post("/api/v1/tickets/" + closed + "/close", null));
        awaitPricing(entry, pricing -> true);
    }

    Stream<Arguments> badRequests() {
        String times = "/api/v1/tickets/{open}/time-entries";
        return Stream.of(
                arguments("malformed JSON", "POST", "/api/v1/tickets", "{\"customerId\": ", 400,
                        "the request body is not valid JSON"),
                arguments("no body", "POST", "/api/v1/tickets", null, 400, "the request body is missing"),
                arguments("unknown field", "POST", "/api/v1/tickets", OPEN.formatted(", \"colour\": \"red\""), 400,
                        "colour is not a known field"),
                arguments("missing fields", "POST", "/api/v1/tickets", "{\"channel\": \"PHONE\"}", 400,
                        "kind must not be null"),
                arguments("no customer from staff", "POST", "/api/v1/tickets", OPEN.formatted("")
                        .replaceFirst("\"customerId\": \"[^\"]+\", ", ""), 400, "customerId must not be null"),
                arguments("blank title", "POST", "/api/v1/tickets",
                        OPEN.replace("\"Printer down\"", "\" \"").formatted(""), 400, "title must not be blank"),
                arguments("unknown enum value", "POST", "/api/v1/tickets",
                        OPEN.replace("PHONE", "FAX").formatted(""), 400,
                        "channel must be one of [PORTAL, EMAIL, PHONE, MONITORING, SCHEDULED], got 'FAX'"),
                arguments("customer id not a UUID", "POST", "/api/v1/tickets",
                        OPEN.replace("11111111-2222-3333-4444-555555555555", "abc").formatted(""), 400,
                        "customerId must be a UUID, got 'abc'"),
                arguments("number for a text", "POST", "/api/v1/tickets",
                        OPEN.replace("\"Printer down\"", "{}").formatted(""), 400, "title must be"),
                arguments("ticket id not a UUID", "GET", "/api/v1/tickets/not-a-uuid", null, 400,
                        "ticketId must be a UUID, got 'not-a-uuid'"),
                arguments("entry id not a UUID", "DELETE", times + "/42?reason=x", null, 400,
                        "entryId must be a UUID, got '42'"),
                arguments("unknown ticket, read", "GET", "/api/v1/tickets/{unknown}", null, 404, "no ticket"),
                arguments("unknown ticket, command", "POST", "/api/v1/tickets/{unknown}/start-work", null, 404,
                        "no ticket"),
                arguments("unknown ticket, time", "POST", "/api/v1/tickets/{unknown}/time-entries",
                        ENTRY.formatted("2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z", ""), 404, "no ticket"),
                arguments("unknown entry", "PUT", times + "/{unknown}",
                        ENTRY.formatted("2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z", ", \"reason\": \"x\""), 404,
                        "has no time entry"),
                arguments("end not after start", "POST", times,
                        ENTRY.formatted("2026-03-03T16:00:00Z", "2026-03-03T16:00:00Z", ""), 422,
                        "end must be after start"),
                arguments("entry over 24 h", "POST", times,
                        ENTRY.formatted("2026-03-03T16:00:00Z", "2026-03-04T16:01:00Z", ""), 422,
                        "a time entry may not be longer than 24 h"),
                arguments("start in the future", "POST", times,
                        ENTRY.formatted("2099-03-03T16:00:00Z", "2099-03-03T17:00:00Z", ""), 422, "is in the future"),
                arguments("seconds in a time", "POST", times,
                        ENTRY.formatted("2026-03-03T16:00:30Z", "2026-03-03T17:00:00Z", ""), 422,
                        "start and end must be whole minutes"),
                arguments("not an instant", "POST", times, ENTRY.formatted("yesterday", "2026-03-03T17:00:00Z", ""),
                        400, "start must be an ISO-8601 instant"),
                arguments("non-billable without reason", "POST", times,
                        ENTRY.formatted("2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z", ", \"billable\": false"), 422,
                        "non-billable work needs a reason"),
                arguments("time on a CLOSED ticket", "POST", "/api/v1/tickets/{closed}/time-entries",
                        ENTRY.formatted("2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z", ""), 422,
                        "the ticket is CLOSED"),
                arguments("correction without reason", "PUT", times + "/{entry}",
                        ENTRY.formatted("2026-03-03T15:00:00Z", "2026-03-03T15:30:00Z", ""), 400,
                        "a correction needs a reason"),
                arguments("void without reason", "DELETE", times + "/{entry}", null, 400, "a void needs a reason"),
                arguments("closing a ticket in progress", "POST", "/api/v1/tickets/{open}/close", null, 409,
                        "a ticket that is IN_PROGRESS cannot close"),
                arguments("reopening a closed ticket", "POST", "/api/v1/tickets/{closed}/reopen",
                        "{\"reason\": \"again\"}", 409, "a ticket that is CLOSED cannot reopen"),
                arguments("commenting on a closed ticket", "POST", "/api/v1/tickets/{closed}/comments",
                        "{\"visibility\": \"PUBLIC\", \"text\": \"hello?\"}", 409, "a CLOSED ticket is final"),
                arguments("page size 0", "GET", "/api/v1/tickets?size=0", null, 400, "size must be greater"),
                arguments("unknown status filter", "GET", "/api/v1/tickets?status=OPEN", null, 400,
                        "status must be one of"),
                arguments("wrong method", "PATCH", "/api/v1/tickets", "{}", 405, "PATCH"),
                arguments("unknown path", "GET", "/api/v1/nothing-here", null, 404, "")
        );
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("badRequests")
    void isAnsweredWithAProblemAndChangesNothing(String name, String method, String path, String body,
                                                 int status, String detail) {
        String resolved = path.replace("{open}", inProgress.toString())
                .replace("{closed}", closed.toString())
                .replace("{entry}", entry.toString())
                .replace("{unknown}", UUID.randomUUID().toString());
        String actor = "anna";
        long eventsBefore = eventCount();

        Http.Response response = http.send(method, resolved, body, actor);

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).contains(detail);
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(eventCount()).as("nothing is stored for a rejected request").isEqualTo(eventsBefore);
    }
}
