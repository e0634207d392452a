package de.ticketwerk.app.web;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every error the server can produce is problem+json with a status and a title: Tomcat's own refusals (bad
 * request lines and encodings, oversized headers and URLs), the servlet container's error page, the request bounds
 * and Spring MVC's. Never HTML, never an empty body, never a stack trace; and none of them stores anything.
 */
class ProblemsEverywhereTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LONG = "a".repeat(10_000);

    static Stream<Arguments> refusedByTomcat() {
        return Stream.of(
                arguments("NUL in the path", "GET /api/v1/tickets/%00 HTTP/1.1", new String[0], 400),
                arguments("encoded slash in the path", "GET /api/v1/tickets/a%2Fb HTTP/1.1", new String[0], 400),
                arguments("overlong UTF-8 in the path", "GET /api/v1/tickets/%C0%AE HTTP/1.1", new String[0], 400),
                arguments("a 10 kB header", "GET /api/v1/tickets HTTP/1.1", new String[]{"X-Padding: " + LONG}, 400),
                arguments("a 9 kB query string", "GET /api/v1/customers?name=" + "a".repeat(9_000) + " HTTP/1.1",
                        new String[0], 400),
                arguments("a malformed request line", "GET /api/v1/tickets HTTP/1.1 extra", new String[0], 400),
                arguments("TRACE", "TRACE /api/v1/tickets HTTP/1.1", new String[0], 405),
                arguments("the error page asked for directly", "GET /error HTTP/1.1", new String[0], 404),
                arguments("a query with NUL", "GET /api/v1/customers?name=%00 HTTP/1.1", new String[0], 400),
                arguments("a query with bad UTF-8", "GET /api/v1/customers?name=%C0%AE HTTP/1.1", new String[0], 400),
                arguments("a query with a broken escape", "GET /api/v1/customers?name=%G1 HTTP/1.1", new String[0],
                        400),
                arguments("a body above the limit", "POST /api/v1/customers HTTP/1.1",
                        new String[]{"Content-Type: application/json", "Content-Length: 2000000"}, 413),
                arguments("Content-Type */*", "POST /api/v1/customers HTTP/1.1",
                        new String[]{"Content-Type: */*", "Content-Length: 0"}, 415),
                arguments("Content-Type garbage", "POST /api/v1/customers HTTP/1.1",
                        new String[]{"Content-Type: garbage", "Content-Length: 0"}, 415),
                arguments("HTML wanted from an unknown path without a token", "GET /nothing HTTP/1.1",
                        new String[]{"Accept: text/html"}, 401),
                arguments("CONNECT", "CONNECT /api/v1/tickets HTTP/1.1", new String[0], 405),
                arguments("a made-up method", "BREW /api/v1/tickets HTTP/1.1", new String[0], 405),
                arguments("a parameter without a name", "GET /api/v1/customers?=x HTTP/1.1", new String[0], 400),
                arguments("a second parameter without a name", "GET /api/v1/tickets?page=0&=1 HTTP/1.1",
                        new String[0], 400),
                arguments("U+FFFF in a query", "GET /api/v1/customers?name=%EF%BF%BF HTTP/1.1", new String[0], 400),
                arguments("Transfer-Encoding gzip", "POST /api/v1/customers HTTP/1.1",
                        new String[]{"Content-Type: application/json", "Transfer-Encoding: gzip"}, 400));
    }

    @org.junit.jupiter.api.Test
    void aChunkedBodyOverTheLimitIsTooLarge() {
        awaitCaughtUpEverywhere();
        long eventsBefore = eventCount();
        byte[] chunk = ("{\"name\": \"Kanzlei\"" + " ".repeat(1_100_000) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[chunk.length + 32];
        byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, body, 0, size.length);
        System.arraycopy(chunk, 0, body, size.length, chunk.length);
        byte[] end = "\r\n0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(end, 0, body, size.length + chunk.length, end.length);
        byte[] sent = java.util.Arrays.copyOf(body, size.length + chunk.length + end.length);

        RawHttp.Response response = RawHttp.sendRaw(port(), "POST /api/v1/customers HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Authorization: Bearer " + tokens.staff("anna"), sent);

        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @org.junit.jupiter.api.Test
    void aRepeatedParameterIsNamedWithItsValues() {
        Http.Response response = http.get("/api/v1/contracts/" + java.util.UUID.randomUUID()
                + "/quota/ledger?entryId=a&entryId=b");

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.text()).doesNotContain("[Ljava").doesNotContain("java.lang").contains("'a, b'");
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("refusedByTomcat")
    void isAProblemEvenBeforeSpringSeesIt(String name, String requestLine, String[] headers, int status) {
        awaitCaughtUpEverywhere();
        long eventsBefore = eventCount();

        RawHttp.Response response = RawHttp.send(port(), requestLine, headers);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    static Stream<Arguments> unacceptable() {
        return Stream.of(arguments("application/xml"), arguments("text/csv"), arguments("text/html"),
                arguments("image/png"), arguments("application/problem+json"), arguments("no/such;;type"));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @MethodSource("unacceptable")
    void aCommandWhoseAnswerCannotBeGivenInTheAskedFormatIsRefusedBeforeItRuns(String accept) {
        awaitCaughtUpEverywhere();
        long eventsBefore = eventCount();

        Http.Response response = http.send("POST", "/api/v1/customers", """
                {"name": "Kanzlei Format", "federalState": "NW"}""", "anna", accept);

        assertThat(response.status()).as(response.text()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(eventCount()).as("nothing stored").isEqualTo(eventsBefore);
    }
}
