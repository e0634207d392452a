package de.ticketwerk.app.web;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives every operation of the served OpenAPI document with generated bad requests: broken and deeply nested
 * JSON, wrong types, missing, null and unknown fields, huge and control-character strings, numbers and dates out of
 * range, bad ids and query values, oversized and broken headers, wrong content types and Accept values. No answer
 * is a 5xx, every error is problem+json, and only requests answered 2xx stored anything: every request carries its
 * own actor, and the events are counted per actor at the end. Seed and size: {@code -Dfuzz.seed=},
 * {@code -Dfuzz.requests-per-operation=} (README).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiFuzzTest extends ApiTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    private static final int PER_OPERATION = Integer.getInteger("fuzz.requests-per-operation", 150);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> UNACCEPTABLE = List.of("application/xml", "text/csv", "text/html",
            "image/png", "application/problem+json", "text/*");
    private static final String RAW = "\"__raw__\"";

    record Request(String method, String path, String query, String body) {
    }

    /** A request that succeeds with {@code status} once its state is prepared. */
    record Example(Supplier<Request> prepare, int status) {
    }

    private final Map<String, Example> examples = new LinkedHashMap<>();
    private final List<String> actorsAnswered2xx = new ArrayList<>();
    private final List<String> actorsRefused = new ArrayList<>();
    private JsonNode paths;
    private UUID customer;
    private UUID hourly;
    private UUID quota;

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
        example("GET /api/v1/projections", 200, () -> get("/api/v1/projections", null));
        example("GET /api/v1/projections/{name}", 200, () -> get("/api/v1/projections/customers", null));
        example("POST /api/v1/projections/{name}/rebuild", 202,
                () -> new Request("POST", "/api/v1/projections/contracts/rebuild", null, null));
        example("GET /api/v1/projections/{name}/dead-letters", 200,
                () -> get("/api/v1/projections/tickets/dead-letters", null));
        example("POST /api/v1/projections/{name}/dead-letters/retry", 200,
                () -> new Request("POST", "/api/v1/projections/tickets/dead-letters/retry", null, null));
        example("DELETE /api/v1/projections/{name}/dead-letters/{sequence}", 404, () -> new Request("DELETE",
                "/api/v1/projections/tickets/dead-letters/" + UUID.randomUUID(), null, null));
    }

    @Test
    @Order(1)
    void everyOperationOfTheOpenApiDocumentHasAnExample() {
        List<String> operations = operations();
        assertThat(operations).hasSizeGreaterThan(30);
        assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(operations);
    }

    /** The answer matches the store: a command whose answer cannot be given in the asked format does not run. */
    @Test
    @Order(2)
    void everyCommandRefusesAnAcceptItCannotAnswerAndStoresNothing() {
        examples.forEach((operation, example) -> {
            if (operation.startsWith("GET")) {
                return;
            }
            Request request = example.prepare().get();
            awaitCaughtUpEverywhere();
            long eventsBefore = eventCount();
            for (String accept : UNACCEPTABLE) {
                RawHttp.Response refused = send(request, List.of("Accept: " + accept, "X-Actor: anna"));
                assertThat(refused.status()).as(operation + " with Accept " + accept + ": " + refused.body())
                        .isEqualTo(406);
                assertProblem(operation, refused);
            }
            assertThat(eventCount()).as(operation + ": nothing stored").isEqualTo(eventsBefore);
            RawHttp.Response answered = send(request, List.of("Accept: application/json", "X-Actor: anna"));
            assertThat(answered.status()).as(operation + " as asked for: " + answered.body())
                    .isEqualTo(example.status());
        });
    }

    @Test
    @Order(3)
    void badRequestsToEveryOperationGetAProblemAndStoreNothing() {
        Random random = new Random(SEED);
        int sent = 0;
        for (Map.Entry<String, Example> entry : examples.entrySet()) {
            String operation = entry.getKey();
            Request base = entry.getValue().prepare().get();
            int count = operation.contains("/rebuild") ? Math.min(PER_OPERATION, 20) : PER_OPERATION;
            for (int i = 0; i < count; i++) {
                String actor = "fuzz-" + sent++;
                Mutation mutation = mutate(operation, base, random);
                List<String> headers = new ArrayList<>(mutation.headers());
                if (headers.stream().noneMatch(h -> h.startsWith("X-Actor:"))) {
                    headers.add("X-Actor: " + actor);
                }
                RawHttp.Response response = send(mutation.request(), headers);
                String what = operation + " / " + mutation.what() + " → " + response.status() + " " + response.body();
                assertThat(response.status()).as(what).isLessThan(500);
                if (response.status() >= 400) {
                    assertProblem(what, response);
                    actorsRefused.add(actor);
                } else {
                    actorsAnswered2xx.add(actor);
                }
            }
        }
        awaitCaughtUpEverywhere();
        Map<String, Long> eventsByActor = new HashMap<>();
        jdbc.query("""
                SELECT substring(payload from '"actor":"(fuzz-[0-9]+)"') AS actor, COUNT(*) AS events
                FROM domain_event_entry WHERE payload LIKE '%"actor":"fuzz-%' GROUP BY 1""",
                row -> {
                    eventsByActor.put(row.getString("actor"), row.getLong("events"));
                });
        List<String> refusedButStored = actorsRefused.stream().filter(eventsByActor::containsKey).toList();
        assertThat(refusedButStored).as("requests answered 4xx that stored events").isEmpty();
        assertThat(eventsByActor.keySet()).as("every stored event belongs to a request answered 2xx")
                .isSubsetOf(actorsAnswered2xx);
        assertThat(actorsRefused).as("requests refused").hasSizeGreaterThan(sent / 2);
        System.out.printf("Fuzz (seed %d): %d requests, %d refused with a problem, %d answered 2xx%n", SEED, sent,
                actorsRefused.size(), actorsAnswered2xx.size());

        JsonNode health = http.get("/actuator/health").json();
        assertThat(health.get("status").asString()).as("nothing that got in poisoned a read model: " + health)
                .isEqualTo("UP");
    }

    // --- mutations -----------------------------------------------------------------------------------------

    record Mutation(String what, Request request, List<String> headers) {
    }

    private Mutation mutate(String operation, Request base, Random random) {
        List<String> json = List.of("Content-Type: application/json");
        int kind = random.nextInt(base.body() == null ? 5 : 10);
        return switch (kind) {
            case 0 -> pathMutation(operation, base, random, json);
            case 1 -> queryMutation(operation, base, random, json);
            case 2 -> headerMutation(base, random);
            case 3 -> new Mutation("method", new Request(pick(random, "PATCH", "PUT", "DELETE", "OPTIONS", "POST"),
                    base.path(), base.query(), base.body()), json);
            case 4 -> new Mutation("body on a request", new Request(base.method(), base.path(), base.query(),
                    pick(random, "{}", "[]", "null", "{\"unknown\": 1}", "{\"x\":")), json);
            case 5 -> new Mutation("broken JSON", new Request(base.method(), base.path(), base.query(),
                    brokenJson(base.body(), random)), json);
            default -> fieldMutation(base, random, json);
        };
    }

    private Mutation pathMutation(String operation, Request base, Random random, List<String> headers) {
        String[] template = operation.substring(operation.indexOf(' ') + 1).split("/");
        String[] concrete = base.path().split("/");
        List<Integer> params = new ArrayList<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                params.add(i);
            }
        }
        if (params.isEmpty()) {
            return new Mutation("path suffix", new Request(base.method(), base.path() + pick(random, "/x", "/%00",
                    "/..", "/%2e%2e", "/" + UUID.randomUUID()), base.query(), base.body()), headers);
        }
        int at = params.get(random.nextInt(params.size()));
        String value = pick(random, "not-a-uuid", UUID.randomUUID().toString(), "%00", "%C0%AE", "a%2Fb", "..",
                "x".repeat(2000), "-1", "99999999999", "0", "%20", "null", "%E2%80%AE", "%F0%9F%98%80");
        concrete[at] = value;
        return new Mutation("path " + template[at] + "=" + shorten(value),
                new Request(base.method(), String.join("/", concrete), base.query(), base.body()), headers);
    }

    private Mutation queryMutation(String operation, Request base, Random random, List<String> headers) {
        List<String> names = new ArrayList<>();
        JsonNode parameters = paths.get(operation.substring(operation.indexOf(' ') + 1))
                .get(operation.substring(0, operation.indexOf(' ')).toLowerCase()).get("parameters");
        if (parameters != null) {
            parameters.forEach(p -> {
                if (p.get("in").asString().equals("query")) {
                    names.add(p.get("name").asString());
                }
            });
        }
        String name = names.isEmpty() ? pick(random, "page", "size", "unknown") : names.get(random.nextInt(names.size()));
        String value = pick(random, "%00", "%07", "%C0%AE", "%G1", "%", "x".repeat(3000), "-1", "2147483648",
                "999999999999999999999", "1e400", "abc", "-999999999-01-01", "0000-01-01", "%2B999999999-12-31",
                "1899-12-31", "2100-01-01", "2026-02-30", UUID.randomUUID().toString(), "", "%E2%80%A8",
                "NEW%00", "true", "[]", "%26%26");
        String query = (base.query() == null ? "" : base.query() + "&") + name + "=" + value;
        return new Mutation("query " + name + "=" + shorten(value),
                new Request(base.method(), base.path(), query, base.body()), headers);
    }

    private Mutation headerMutation(Request base, Random random) {
        List<String> headers = switch (random.nextInt(8)) {
            case 0 -> List.of("Content-Type: */*");
            case 1 -> List.of("Content-Type: " + pick(random, "text/plain", "application/xml", "garbage",
                    "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/*"));
            case 2 -> List.of("Content-Type: application/json", "Accept: " + pick(random, "application/xml",
                    "text/csv", "text/html", "*/*", "application/*", ";;;", "application/json;q=0", "image/*"));
            case 3 -> List.of("Content-Type: application/json", "X-Actor: " + "a".repeat(pick(random, 101, 10_000)));
            case 4 -> List.of("Content-Type: application/json", "X-Actor: an\u0007na");
            case 5 -> List.of("Content-Type: application/json", "X-Padding: " + "p".repeat(9_000));
            case 6 -> List.of("Content-Type: application/json; charset=" + pick(random, "UTF-16", "nonsense"));
            default -> List.of();
        };
        return new Mutation("headers " + shorten(String.join(" | ", headers)), base, headers);
    }

    private Mutation fieldMutation(Request base, Random random, List<String> headers) {
        JsonNode body = JSON.readTree(base.body());
        List<List<Object>> fields = new ArrayList<>();
        collectFields(body, new ArrayList<>(), fields);
        if (fields.isEmpty() || random.nextInt(8) == 0) {
            ObjectNode extended = ((ObjectNode) body.deepCopy()).put(pick(random, "unknown", "actor", "id",
                    "__proto__"), "x");
            return new Mutation("unknown field", new Request(base.method(), base.path(), base.query(),
                    JSON.writeValueAsString(extended)), headers);
        }
        List<Object> field = fields.get(random.nextInt(fields.size()));
        JsonNode copy = body.deepCopy();
        String raw = pick(random, "null", "\"\"", "\" \"", "0", "-1", "1e400", "-1e400", "1e3000000", "1e15",
                "9223372036854775808", "-9223372036854775809", "0.001", "123.456", "true", "{}", "[]", "[null]",
                "\"x\\u0000y\"", "\"\\u0007\"", "\"line\\nbreak\"", "\"\\u2028\"", "\"\\ud800x\"", "\"\\udc00\"",
                "\"" + "x".repeat(100_000) + "\"", "\"" + "ä".repeat(21_000) + "\"", "\"not-a-uuid\"",
                "\"-999999999-01-01\"", "\"0000-01-01\"", "\"+999999999-12-31\"", "\"1899-12-31\"",
                "\"2100-01-01\"", "\"2026-02-30\"", "\"-4714-11-24T00:00:00Z\"", "\"0001-01-01T00:00:00Z\"",
                "\"+999999999-12-31T23:59:59Z\"", "\"2026-03-03T16:00:00\"", "\"2026-03-03T16:00:30Z\"",
                "\"2199-03-03T16:00:00Z\"", "\"NOT_AN_ENUM\"", "\"<script>alert(1)</script>\"", "\"%00\"",
                "\"\\\\\"", "\"'; DROP TABLE ticket_view; --\"", "\"25:00\"", "\"Europe/Atlantis\"",
                nested(random.nextInt(2) == 0 ? 40 : 600), "\"\\ud83d\\ude00\"", "REMOVE");
        if (raw.equals("REMOVE")) {
            remove(copy, field);
            return new Mutation("field " + field + " removed", new Request(base.method(), base.path(),
                    base.query(), JSON.writeValueAsString(copy)), headers);
        }
        replace(copy, field);
        String text = JSON.writeValueAsString(copy).replace(RAW, raw);
        return new Mutation("field " + field + "=" + shorten(raw), new Request(base.method(), base.path(),
                base.query(), text), headers);
    }

    private static void collectFields(JsonNode node, List<Object> at, List<List<Object>> fields) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> {
                List<Object> path = new ArrayList<>(at);
                path.add(e.getKey());
                fields.add(path);
                collectFields(e.getValue(), path, fields);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                List<Object> path = new ArrayList<>(at);
                path.add(i);
                fields.add(path);
                collectFields(array.get(i), path, fields);
            }
        }
    }

    private static void replace(JsonNode root, List<Object> field) {
        JsonNode parent = parentOf(root, field);
        Object last = field.get(field.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.put((String) last, "__raw__");
        } else {
            ((ArrayNode) parent).set((Integer) last, JSON.getNodeFactory().stringNode("__raw__"));
        }
    }

    private static void remove(JsonNode root, List<Object> field) {
        JsonNode parent = parentOf(root, field);
        Object last = field.get(field.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else {
            ((ArrayNode) parent).remove((Integer) last);
        }
    }

    private static JsonNode parentOf(JsonNode root, List<Object> field) {
        JsonNode node = root;
        for (Object step : field.subList(0, field.size() - 1)) {
            node = step instanceof String name ? node.get(name) : node.get((Integer) step);
        }
        return node;
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String brokenJson(String body, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> body.substring(0, random.nextInt(body.length()));
            case 1 -> body + "}";
            case 2 -> body.replaceFirst(":", "");
            case 3 -> "[".repeat(2000);
            case 4 -> body.replaceFirst("\"", "'");
            default -> "{" + body.substring(1, body.length() - 1) + "," + body.substring(1);
        };
    }

    // --- requests ------------------------------------------------------------------------------------------

    private RawHttp.Response send(Request request, List<String> headers) {
        String target = request.path() + (request.query() == null ? "" : "?" + request.query());
        List<String> all = new ArrayList<>(headers);
        if (request.body() != null && all.stream().noneMatch(h -> h.startsWith("Content-Type:"))) {
            all.add("Content-Type: application/json");
        }
        return RawHttp.send(port(), request.method() + " " + target + " HTTP/1.1", all, request.body());
    }

    private static void assertProblem(String what, RawHttp.Response response) {
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(problem.get("title").asString()).as(what).isNotBlank();
        assertThat(response.body()).as(what).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    private List<String> operations() {
        List<String> operations = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties()
                .forEach(method -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }

    private void example(String operation, int status, Supplier<Request> prepare) {
        examples.put(operation, new Example(prepare, status));
    }

    private static Request get(String path, String query) {
        return new Request("GET", path, query, null);
    }

    private static Request on(UUID ticket, String method, String suffix, String body) {
        return new Request(method, "/api/v1/tickets/" + ticket + suffix, null, body);
    }

    private UUID ticket() {
        return openTicket(customer, "Fuzz");
    }

    private UUID assigned() {
        UUID ticket = ticket();
        ok(http.put("/api/v1/tickets/" + ticket + "/assignee", "{\"assignee\": \"jonas\"}"));
        return ticket;
    }

    private UUID inProgress() {
        UUID ticket = assigned();
        ok(http.post("/api/v1/tickets/" + ticket + "/start-work", null));
        return ticket;
    }

    private UUID waiting() {
        UUID ticket = inProgress();
        ok(http.post("/api/v1/tickets/" + ticket + "/wait-for-customer", "{\"reason\": \"Password\"}"));
        return ticket;
    }

    private UUID resolved() {
        UUID ticket = inProgress();
        ok(http.post("/api/v1/tickets/" + ticket + "/resolve", "{\"resolution\": \"Done\"}"));
        return ticket;
    }

    /** Past its minimum term, so that prices may change. */
    private UUID olderContract() {
        UUID contract = concludeContract(registerCustomer("Kanzlei Alt", "NW"),
                "\"type\": \"HOURLY\", \"startDate\": \"2020-01-01\"");
        awaitContract(contract, c -> true);
        return contract;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Berlin"));
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String shorten(String text) {
        String plain = URLEncoder.encode(text, StandardCharsets.UTF_8);
        return plain.length() > 60 ? plain.substring(0, 60) + "…(" + text.length() + ")" : plain;
    }
}
