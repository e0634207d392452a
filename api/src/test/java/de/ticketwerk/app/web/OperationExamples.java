package de.ticketwerk.app.web;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request that succeeds for every operation of the served OpenAPI document, prepared on demand (a ticket in the
 * state the operation needs, a contract past its minimum term, …), for the tests that drive every operation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OperationExamples extends ApiTest {

    record Request(String method, String path, String query, String body) {
    }

    /** A request that succeeds with {@code status} once its state is prepared. */
    record Example(Supplier<Request> prepare, int status) {
    }

    protected final Map<String, Example> examples = new LinkedHashMap<>();
    protected JsonNode paths;
    protected UUID customer;
    protected UUID hourly;
    protected UUID quota;

    @BeforeAll
    void examplesForEveryOperation() {
        connect();
        paths = http.get("/v3/api-docs").json().get("paths");
        customer = registerCustomer("Kanzlei Fuzz", "NW");
        hourly = concludeContract(customer, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\"");
        quota = concludeContract(customer, """
                "type": "QUOTA", "startDate": "2025-01-01", "quota": {"allotmentMinutes": 600, "period": "MONTH",
                 "expiry": "CARRY_OVER_UNTIL_MARCH", "settlement": "QUARTERLY"}""");
        String year = String.valueOf(today().getYear());
        String entry = """
                {"start": "2026-03-03T15:00:00Z", "end": "2026-03-03T16:10:00Z", "role": "TECHNICIAN",
                 "mode": "REMOTE", "description": "Printer driver", "billable": true, "emergency": false,
                 "technician": "jonas"%s}""";
        String customerBody = """
                {"name": "Kanzlei Beispiel", "federalState": "BY", "address": {"street": "Hauptstraße 2",
                 "postalCode": "80331", "city": "München", "country": "DE"}, "vatId": "DE987654321",
                 "debtorNumber": "10077", "reportEmails": ["it@beispiel.example"]}""";

        example("GET /api/v1/tickets", 200,
                () -> get("/api/v1/tickets", "customerId=" + customer + "&status=NEW&page=0&size=20"));
        example("POST /api/v1/tickets", 201, () -> new Request("POST", "/api/v1/tickets", null, """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                 "priority": "HIGH", "title": "Printer down", "description": "Since this morning",
                 "reporter": "Frau Berger"}""".formatted(customer)));
        example("GET /api/v1/tickets/{ticketId}", 200, () -> get("/api/v1/tickets/" + ticket(), null));
        example("GET /api/v1/tickets/at-risk", 200, () -> get("/api/v1/tickets/at-risk", "withinHours=4"));
        example("GET /api/v1/mail/intake", 200, () -> get("/api/v1/mail/intake", "outcome=TRIAGE&page=0&size=10"));
        example("POST /api/v1/mail/intake/{intakeId}/assignment", 201, () -> new Request("POST",
                "/api/v1/mail/intake/" + mailInTriage() + "/assignment", null,
                "{\"customerId\": \"" + customer + "\"}"));
        example("POST /api/v1/mail/intake/{intakeId}/dismissal", 200, () -> new Request("POST",
                "/api/v1/mail/intake/" + mailInTriage() + "/dismissal", null, null));
        example("PUT /api/v1/tickets/{ticketId}/classification", 200, () -> on(ticket(), "PUT", "/classification",
                "{\"kind\": \"SERVICE_REQUEST\", \"serviceItem\": \"HOTLINE\"}"));
        example("PUT /api/v1/tickets/{ticketId}/priority", 200,
                () -> on(ticket(), "PUT", "/priority", "{\"priority\": \"LOW\"}"));
        example("PUT /api/v1/tickets/{ticketId}/assignee", 200,
                () -> on(ticket(), "PUT", "/assignee", "{\"assignee\": \"jonas\"}"));
        example("POST /api/v1/tickets/{ticketId}/start-work", 200, () -> on(assigned(), "POST", "/start-work", null));
        example("POST /api/v1/tickets/{ticketId}/wait-for-customer", 200,
                () -> on(inProgress(), "POST", "/wait-for-customer", "{\"reason\": \"Waiting for the password\"}"));
        example("POST /api/v1/tickets/{ticketId}/resume-work", 200,
                () -> on(waiting(), "POST", "/resume-work", null));
        example("POST /api/v1/tickets/{ticketId}/resolve", 200,
                () -> on(inProgress(), "POST", "/resolve", "{\"resolution\": \"New toner\"}"));
        example("POST /api/v1/tickets/{ticketId}/reopen", 200,
                () -> on(resolved(), "POST", "/reopen", "{\"reason\": \"Still broken\"}"));
        example("POST /api/v1/tickets/{ticketId}/close", 200, () -> on(resolved(), "POST", "/close", null));
        example("POST /api/v1/tickets/{ticketId}/escalate", 200,
                () -> on(ticket(), "POST", "/escalate", "{\"reason\": \"Called twice\"}"));
        example("POST /api/v1/tickets/{ticketId}/comments", 201,
                () -> on(ticket(), "POST", "/comments", "{\"visibility\": \"PUBLIC\", \"text\": \"On my way\"}"));
        example("POST /api/v1/tickets/{ticketId}/time-entries", 201,
                () -> on(inProgress(), "POST", "/time-entries", entry.formatted("")));
        example("PUT /api/v1/tickets/{ticketId}/time-entries/{entryId}", 200, () -> {
            UUID ticket = inProgress();
            return on(ticket, "PUT", "/time-entries/" + logTime(ticket, "2026-03-03T15:00:00Z",
                    "2026-03-03T16:00:00Z"), entry.formatted(", \"reason\": \"Left later\""));
        });
        example("DELETE /api/v1/tickets/{ticketId}/time-entries/{entryId}", 200, () -> {
            UUID ticket = inProgress();
            UUID logged = logTime(ticket, "2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z");
            return new Request("DELETE", "/api/v1/tickets/" + ticket + "/time-entries/" + logged,
                    "reason=Logged%20twice", null);
        });
        example("GET /api/v1/customers", 200, () -> get("/api/v1/customers", "name=Kanzlei&page=0&size=20"));
        example("POST /api/v1/customers", 201, () -> new Request("POST", "/api/v1/customers", null, customerBody));
        example("GET /api/v1/customers/{customerId}", 200, () -> get("/api/v1/customers/" + customer, null));
        example("PUT /api/v1/customers/{customerId}", 200,
                () -> new Request("PUT", "/api/v1/customers/" + registerCustomer("Kanzlei Umzug", "NW"), null,
                        customerBody));
        example("GET /api/v1/contracts", 200, () -> get("/api/v1/contracts", "customerId=" + customer));
        example("POST /api/v1/contracts", 201, () -> new Request("POST", "/api/v1/contracts", null, """
                {"customerId": "%s", "type": "QUOTA", "startDate": "2026-01-01", "monthlyFee": 149.00,
                 "hourlyRates": {"TECHNICIAN": 95.00}, "billingUnits": [{"role": "TECHNICIAN", "mode": "REMOTE",
                 "firstUnit": 15, "step": 15}], "serviceHours": [{"day": "MONDAY", "from": "09:00", "to": "17:00"}],
                 "holidayState": "NW", "zone": "Europe/Berlin", "surcharges": {"weekdayFirstMinutes": 120,
                 "weekdayFirstPercent": 25, "weekdayFurtherPercent": 50, "weekendHolidayPercent": 50},
                 "emergencyPercent": 20, "travelFee": 35.00, "vatPercent": 19, "coverage": ["HOTLINE"],
                 "quota": {"allotmentMinutes": 600, "period": "MONTH", "expiry": "PERIOD_END",
                 "settlement": "MONTHLY", "overageRate": 90.00}, "minimumTermMonths": 24, "noticeMonths": 3}"""
                .formatted(registerCustomer("Kanzlei Vertrag", "NW"))));
        example("GET /api/v1/contracts/{contractId}", 200, () -> get("/api/v1/contracts/" + hourly, null));
        example("POST /api/v1/contracts/{contractId}/price-changes", 200, () -> new Request("POST",
                "/api/v1/contracts/" + olderContract() + "/price-changes", null, """
                {"announcedOn": "%s", "effectiveFrom": "%s", "monthlyFee": 159.00, "hourlyRates": {"TECHNICIAN":
                 99.00}}""".formatted(today(), today().plusMonths(4).withDayOfMonth(1))));
        example("POST /api/v1/contracts/{contractId}/termination", 200, () -> new Request("POST",
                "/api/v1/contracts/" + olderContract() + "/termination", null, """
                {"receivedOn": "%s", "channel": "LETTER", "by": "CUSTOMER", "specialRight": false}"""
                .formatted(today())));
        example("GET /api/v1/contracts/{contractId}/quota", 200,
                () -> get("/api/v1/contracts/" + quota + "/quota", "asOf=" + today()));
        example("GET /api/v1/contracts/{contractId}/quota/notices", 200,
                () -> get("/api/v1/contracts/" + quota + "/quota/notices", null));
        example("GET /api/v1/contracts/{contractId}/quota/ledger", 200, () -> get("/api/v1/contracts/" + quota
                + "/quota/ledger", "from=2025-01-01&to=2025-12-31&page=0&size=100&entryId=" + UUID.randomUUID()));
        example("GET /api/v1/contracts/{contractId}/statements/quarterly/{year}/{quarter}", 200,
                () -> get("/api/v1/contracts/" + quota + "/statements/quarterly/2025/1", null));
        example("GET /api/v1/contracts/{contractId}/statements/annual/{year}", 200,
                () -> get("/api/v1/contracts/" + quota + "/statements/annual/" + year, null));
        example("GET /api/v1/time-entries/{entryId}/pricing", 200, () -> {
            UUID logged = logTime(inProgress(), "2026-03-04T10:00:00Z", "2026-03-04T10:30:00Z");
            awaitPricing(logged, pricing -> true);
            return get("/api/v1/time-entries/" + logged + "/pricing", null);
        });
        example("GET /api/v1/pricing/without-contract", 200,
                () -> get("/api/v1/pricing/without-contract", "customerId=" + customer + "&page=0&size=20"));
        example("POST /api/v1/pricing/preview", 200, () -> new Request("POST", "/api/v1/pricing/preview", null, """
                {"contractId": "%s", "kind": "INCIDENT", "serviceItem": "DEVICE_ADMIN",
                 "start": "2026-05-01T10:00:00+02:00", "end": "2026-05-01T12:00:00+02:00", "role": "TECHNICIAN",
                 "mode": "REMOTE", "billable": true, "emergency": false}""".formatted(hourly)));
        example("GET /api/v1/audit/{aggregateType}/{aggregateId}/events", 200,
                () -> get("/api/v1/audit/customer/" + customer + "/events", "page=0&size=20"));
        example("GET /api/v1/audit/events", 200, () -> get("/api/v1/audit/events", "after=0&limit=10"));
        example("GET /api/v1/audit/chain", 200, () -> get("/api/v1/audit/chain", null));
        example("GET /api/v1/audit/chain/verification", 200, () -> get("/api/v1/audit/chain/verification", null));
        example("POST /api/v1/audit/shadow-rebuild", 202, () -> {
            awaitNoShadowRebuildRunning();
            return new Request("POST", "/api/v1/audit/shadow-rebuild", null, null);
        });
        example("GET /api/v1/audit/shadow-rebuild/{id}", 200, () -> get("/api/v1/audit/shadow-rebuild/"
                + shadowRebuild(), null));
        example("GET /api/v1/projections", 200, () -> get("/api/v1/projections", null));
        example("GET /api/v1/projections/{name}", 200, () -> get("/api/v1/projections/customers", null));
        example("POST /api/v1/projections/{name}/rebuild", 202,
                () -> new Request("POST", "/api/v1/projections/contracts/rebuild", null, null));
        example("GET /api/v1/projections/{name}/dead-letters", 200,
                () -> get("/api/v1/projections/tickets/dead-letters", null));
        example("POST /api/v1/projections/{name}/dead-letters/retry", 200,
                () -> new Request("POST", "/api/v1/projections/tickets/dead-letters/retry", null, null));
        example("GET /api/v1/users", 200, () -> get("/api/v1/users", null));
        example("POST /api/v1/users", 201, () -> new Request("POST", "/api/v1/users", null, """
                {"username": "%s", "password": "a long passphrase", "roles": ["CUSTOMER_USER"], "customerId": "%s"}"""
                .formatted("person-" + UUID.randomUUID(), customer)));
        example("PUT /api/v1/users/{username}", 200, () -> {
            String username = "person-" + UUID.randomUUID();
            assertThat(http.post("/api/v1/users", """
                    {"username": "%s", "password": "a long passphrase", "roles": ["TECHNICIAN"]}"""
                    .formatted(username)).status()).isEqualTo(201);
            return new Request("PUT", "/api/v1/users/" + username, null, """
                    {"username": "%s", "roles": ["TECHNICIAN", "DISPATCHER"], "enabled": true}""".formatted(username));
        });
        example("GET /api/v1/clients", 200, () -> get("/api/v1/clients", null));
        example("POST /api/v1/clients", 201, () -> new Request("POST", "/api/v1/clients", null, """
                {"clientId": "%s", "roles": ["INTAKE"]}""".formatted("client-" + UUID.randomUUID())));
        example("POST /api/v1/billing-runs", 200, () -> new Request("POST", "/api/v1/billing-runs", null,
                "{\"month\": \"2026-03\", \"customerId\": \"%s\"}".formatted(pricedMarch(customer))));
        example("GET /api/v1/invoices", 200,
                () -> get("/api/v1/invoices", "customerId=" + customer + "&month=2026-03&status=DRAFT&page=0&size=20"));
        example("GET /api/v1/invoices/{invoiceId}", 200, () -> get("/api/v1/invoices/" + marchDraft(customer), null));
        example("GET /api/v1/invoices/{invoiceId}/documents/{document}", 200,
                () -> get("/api/v1/invoices/" + issuedMarch(customer) + "/documents/invoice.pdf", null));
        example("POST /api/v1/invoices/{invoiceId}/held-back-entries", 200, () -> {
            UUID billed = billedCustomer();
            UUID draft = marchDraft(billed);
            return new Request("POST", "/api/v1/invoices/" + draft + "/held-back-entries", null, """
                    {"entryId": "%s", "reason": "Customer disputes the call"}""".formatted(jdbc.queryForObject(
                    "SELECT entry_id FROM time_entry_pricing_view WHERE customer_id = ? LIMIT 1", UUID.class, billed)));
        });
        example("POST /api/v1/invoices/{invoiceId}/issue", 200, () -> new Request("POST",
                "/api/v1/invoices/" + marchDraft(billedCustomer()) + "/issue", null, "{\"issueDate\": \"2026-04-01\"}"));
        example("POST /api/v1/invoices/{invoiceId}/cancellation", 200, () -> {
            UUID draft = marchDraft(billedCustomer());
            ok(http.post("/api/v1/invoices/" + draft + "/issue", "{\"issueDate\": \"2026-04-01\"}"));
            return new Request("POST", "/api/v1/invoices/" + draft + "/cancellation", null,
                    "{\"reason\": \"Wrong address\", \"date\": \"2026-04-02\"}");
        });
        example("DELETE /api/v1/projections/{name}/dead-letters/{sequence}", 404, () -> new Request("DELETE",
                "/api/v1/projections/tickets/dead-letters/" + UUID.randomUUID(), null, null));
    }

    /** A customer with an HOURLY contract and a priced hour of March 2026. */
    protected UUID billedCustomer() {
        UUID billed = registerCustomer("Kanzlei Rechnung", "NW");
        concludeContract(billed, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", "
                + "\"hourlyRates\": {\"TECHNICIAN\": 95}");
        return pricedMarch(billed);
    }

    /** {@code customerId} with one more priced hour of March 2026 on a new ticket. */
    protected UUID pricedMarch(UUID customerId) {
        UUID ticket = openTicket(customerId, "Invoice");
        ok(http.put("/api/v1/tickets/" + ticket + "/assignee", "{\"assignee\": \"jonas\"}"));
        ok(http.post("/api/v1/tickets/" + ticket + "/start-work", null));
        UUID logged = logTime(ticket, "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z");
        awaitPricing(logged, pricing -> pricing.get("status").asString().equals("PRICED"));
        awaitCaughtUpEverywhere();
        return customerId;
    }

    /** The draft of March 2026 that a billing run makes for {@code customerId}. */
    protected UUID marchDraft(UUID customerId) {
        pricedMarch(customerId);
        Http.Response run = http.post("/api/v1/billing-runs",
                "{\"month\": \"2026-03\", \"customerId\": \"%s\"}".formatted(customerId));
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        UUID draft = UUID.fromString(run.json().get("drafts").get(0).get("invoiceId").asString());
        awaitCaughtUpEverywhere();
        return draft;
    }

    /** {@code customerId}'s invoice of March 2026, issued (once), with its documents rendered. */
    protected UUID issuedMarch(UUID customerId) {
        UUID invoice = marchDraft(customerId);
        Http.Response issued = http.post("/api/v1/invoices/" + invoice + "/issue", "{\"issueDate\": \"2026-04-01\"}");
        assertThat(issued.status()).as(issued.text()).isIn(200, 409);
        awaitCaughtUpEverywhere();
        return invoice;
    }

    protected String bearer(String actor) {
        return "Authorization: Bearer " + http.tokenOf(actor);
    }

    protected RawHttp.Response send(Request request, List<String> headers) {
        String target = request.path() + (request.query() == null ? "" : "?" + request.query());
        List<String> all = new ArrayList<>(headers);
        if (request.body() != null && all.stream().noneMatch(h -> h.startsWith("Content-Type:"))) {
            all.add("Content-Type: application/json");
        }
        return RawHttp.send(port(), request.method() + " " + target + " HTTP/1.1", all, request.body());
    }

    protected List<String> operations() {
        List<String> operations = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties()
                .forEach(method -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }

    /** One run at a time: an example that starts one waits for the one before to end. */
    private void awaitNoShadowRebuildRunning() {
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM shadow_rebuild WHERE state = 'RUNNING'", Long.class) == 0);
    }

    private UUID shadowRebuild() {
        awaitNoShadowRebuildRunning();
        Http.Response started = http.post("/api/v1/audit/shadow-rebuild", null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        return UUID.fromString(started.json().get("id").asString());
    }

    protected void example(String operation, int status, Supplier<Request> prepare) {
        examples.put(operation, new Example(prepare, status));
    }

    protected static Request get(String path, String query) {
        return new Request("GET", path, query, null);
    }

    protected static Request on(UUID ticket, String method, String suffix, String body) {
        return new Request(method, "/api/v1/tickets/" + ticket + suffix, null, body);
    }

    protected UUID ticket() {
        return openTicket(customer, "Fuzz");
    }

    /** A mail of an unknown sender in the triage (R-S3), as the intake records it. */
    protected UUID mailInTriage() {
        UUID intakeId = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO mail_intake (intake_id, message_key, message_id, received_at, sender, subject, body,
                    size_bytes, outcome, reason)
                VALUES (?, ?, ?, now(), 'fremd@example.org', 'Bitte um Rückruf', 'Text', 100, 'TRIAGE', 'unknown')""",
                intakeId, "<" + intakeId + "@example.org>", "<" + intakeId + "@example.org>");
        return intakeId;
    }

    protected UUID assigned() {
        UUID ticket = ticket();
        ok(http.put("/api/v1/tickets/" + ticket + "/assignee", "{\"assignee\": \"jonas\"}"));
        return ticket;
    }

    protected UUID inProgress() {
        UUID ticket = assigned();
        ok(http.post("/api/v1/tickets/" + ticket + "/start-work", null));
        return ticket;
    }

    protected UUID waiting() {
        UUID ticket = inProgress();
        ok(http.post("/api/v1/tickets/" + ticket + "/wait-for-customer", "{\"reason\": \"Password\"}"));
        return ticket;
    }

    protected UUID resolved() {
        UUID ticket = inProgress();
        ok(http.post("/api/v1/tickets/" + ticket + "/resolve", "{\"resolution\": \"Done\"}"));
        return ticket;
    }

    /** Past its minimum term, so that prices may change. */
    protected UUID olderContract() {
        UUID contract = concludeContract(registerCustomer("Kanzlei Alt", "NW"),
                "\"type\": \"HOURLY\", \"startDate\": \"2020-01-01\"");
        awaitContract(contract, c -> true);
        return contract;
    }

    protected static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Berlin"));
    }
}
