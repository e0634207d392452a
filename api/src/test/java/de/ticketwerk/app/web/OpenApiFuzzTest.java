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
class OpenApiFuzzTest extends OperationExamples {

    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    private static final int PER_OPERATION = Integer.getInteger("fuzz.requests-per-operation", 150);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> UNACCEPTABLE = List.of("application/xml", "text/csv", "text/html",
            "image/png", "application/problem+json", "text/*");
    private static final String RAW = "\"__raw__\"";

    private final List<String> actorsAnswered2xx = new ArrayList<>();
    private final List<String> actorsRefused = new ArrayList<>();


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
                RawHttp.Response refused = send(request, List.of("Accept: " + accept, bearer("anna")));
                assertThat(refused.status()).as(operation + " with Accept " + accept + ": " + refused.body())
                        .isEqualTo(406);
                assertProblem(operation, refused);
            }
            assertThat(eventCount()).as(operation + ": nothing stored").isEqualTo(eventsBefore);
            RawHttp.Response answered = send(request, List.of("Accept: application/json", bearer("anna")));
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
                if (headers.stream().noneMatch(h -> h.startsWith("Authorization:"))) {
                    headers.add(bearer(actor));
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

    /**
     * The embedded issuer's endpoints with bad, reused and foreign input: never a 5xx. They answer in OAuth's own
     * format (RFC 6749/7662/7009: {@code {"error": …}}), a redirect to the sign-in page, or a problem.
     */
    @Test
    @Order(4)
    void theIssuersEndpointsNeverAnswerWithA5xx() {
        Random random = new Random(SEED);
        String prometheus = "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                ("prometheus:" + PROMETHEUS_SECRET).getBytes(StandardCharsets.UTF_8));
        String token = new de.ticketwerk.app.support.SignIn(port()).clientCredentials("prometheus", PROMETHEUS_SECRET)
                .json().get("access_token").asString();
        List<String> paths = List.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke",
                "/oauth2/device_authorization", "/oauth2/device_verification", "/oauth2/authorize", "/userinfo",
                "/oauth2/jwks", "/login", "/connect/logout");
        List<String> values = List.of("", "x", "%00", "%EF%BF%BF", "%ED%A0%80", "a".repeat(5000), token,
                "authorization_code", "client_credentials", "refresh_token",
                "urn:ietf:params:oauth:grant-type:device_code", "ticketwerk-cli", "prometheus", "openid profile",
                "http://127.0.0.1:8400/callback", "http://evil.example/", "S256", "plain", "code", "token");
        List<String> names = List.of("grant_type", "code", "client_id", "client_secret", "token", "token_type_hint",
                "redirect_uri", "code_verifier", "code_challenge", "code_challenge_method", "scope", "state",
                "response_type", "device_code", "user_code", "username", "password", "", "_csrf");
        for (int i = 0; i < 400; i++) {
            String path = paths.get(random.nextInt(paths.size()));
            StringBuilder form = new StringBuilder();
            for (int n = random.nextInt(5); n >= 0; n--) {
                form.append(form.isEmpty() ? "" : "&").append(names.get(random.nextInt(names.size()))).append('=')
                        .append(values.get(random.nextInt(values.size())));
            }
            boolean post = random.nextInt(3) > 0;
            List<String> headers = new ArrayList<>();
            switch (random.nextInt(4)) {
                case 0 -> headers.add(prometheus);
                case 1 -> headers.add("Authorization: Bearer " + pick(random, token, "garbage", "a.b.c"));
                case 2 -> headers.add("Authorization: Basic " + pick(random, "eDp5", "!!!", "cHJvbWV0aGV1czp4"));
                default -> { }
            }
            headers.add("Accept: " + pick(random, "application/json", "text/html", "*/*"));
            RawHttp.Response response;
            if (post) {
                headers.add("Content-Type: application/x-www-form-urlencoded");
                response = RawHttp.send(port(), "POST " + path + " HTTP/1.1", headers, form.toString());
            } else {
                response = RawHttp.send(port(), "GET " + path + "?" + form + " HTTP/1.1", headers, null);
            }
            String what = (post ? "POST " : "GET ") + path + " " + shorten(form.toString()) + " → "
                    + response.status() + " " + response.body();
            assertThat(response.status()).as(what).isLessThan(500);
            assertThat(response.body()).as(what).doesNotContain("\tat ").doesNotContain("Exception")
                    .doesNotContain("java.");
        }
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
            case 3 -> new Mutation("method", new Request(pick(random, "PATCH", "PUT", "DELETE", "OPTIONS", "POST",
                    "CONNECT", "BREW", "PROPFIND"),
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
                "NEW%00", "true", "[]", "%26%26", "%EF%BF%BF", "%EF%BF%BE", "%EF%B7%90", "%F0%9F%BF%BF",
                "%ED%A0%80", "%3D1%2B2");
        String pair = switch (random.nextInt(6)) {
            case 0 -> "=" + value;
            case 1 -> name + "=" + value + "&" + name + "=" + pick(random, "1", "x", value);
            case 2 -> name + "=" + value + "&=1";
            default -> name + "=" + value;
        };
        String query = (base.query() == null ? "" : base.query() + "&") + pair;
        return new Mutation("query " + shorten(pair),
                new Request(base.method(), base.path(), query, base.body()), headers);
    }

    private Mutation headerMutation(Request base, Random random) {
        List<String> headers = switch (random.nextInt(9)) {
            case 0 -> List.of("Content-Type: */*");
            case 1 -> List.of("Content-Type: " + pick(random, "text/plain", "application/xml", "garbage",
                    "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/*"));
            case 2 -> List.of("Content-Type: application/json", "Accept: " + pick(random, "application/xml",
                    "text/csv", "text/html", "*/*", "application/*", ";;;", "application/json;q=0", "image/*"));
            case 3 -> List.of("Content-Type: application/json", "Authorization: Bearer " + pick(random, "garbage",
                    "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0."));
            case 4 -> List.of("Content-Type: application/json", "Authorization: Basic YW5uYTphbm5h");
            case 5 -> List.of("Content-Type: application/json", "X-Padding: " + "p".repeat(9_000));
            case 6 -> List.of("Content-Type: application/json; charset=" + pick(random, "UTF-16", "nonsense"));
            case 7 -> List.of("Content-Type: application/json", "Transfer-Encoding: " + pick(random, "gzip",
                    "chunked, gzip", "identity", "compress"));
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
                nested(random.nextInt(2) == 0 ? 40 : 600), "\"\\ud83d\\ude00\"", "\"\\uffff\"", "\"x\\ufffe\"",
                "\"\\ufdd0\"", "\"\\ud83f\\udfff\"", "\"\\u0085\"", "\"=HYPERLINK(\\\"http://x\\\")\"", "\"@SUM(1+1)\"",
                "\"\\u202e\\ufeff\\ue000\"", "REMOVE");
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

    private static void assertProblem(String what, RawHttp.Response response) {
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(problem.get("title").asString()).as(what).isNotBlank();
        assertThat(response.body()).as(what).doesNotContain("\tat ").doesNotContain("Exception:");
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
