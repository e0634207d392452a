package de.ticketwerk.app.support;

import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Real HTTP against the running application. */
public final class Http {

    public record Response(int status, String contentType, String location, String text,
                           Map<String, List<String>> headers, byte[] bytes) {
        public JsonNode json() {
            return MAPPER.readTree(text);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Money is read exactly: decimals become BigDecimal nodes with their scale. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    public static final String ACTOR = "anna";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Function<String, String> tokenOf;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** Every request as the named actor, with a token for all staff roles; a null actor sends no token. */
    public Http(int port, TestTokens tokens) {
        this(port, tokens::staff);
    }

    /** Every request with the token made for its actor. */
    public Http(int port, Function<String, String> tokenOf) {
        this.base = "http://localhost:" + port;
        this.tokenOf = tokenOf;
    }

    public static Http of(ApplicationContext context) {
        return new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
                new TestTokens(context));
    }

    public String tokenOf(String actor) {
        return tokens.computeIfAbsent(actor, tokenOf);
    }

    public Response get(String path) {
        return send("GET", path, null, ACTOR);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, ACTOR);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, ACTOR);
    }

    public Response delete(String path, String json) {
        return send("DELETE", path, json, ACTOR);
    }

    public Response send(String method, String path, String json, String actor) {
        return send(method, path, json, actor, Map.of());
    }

    public Response send(String method, String path, String json, String actor, String accept) {
        return send(method, path, json, actor, accept == null ? Map.of() : Map.of("Accept", accept));
    }

    /** With the request headers given, such as Idempotency-Key or If-Match. */
    public Response send(String method, String path, String json, String actor, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        if (actor != null) {
            request.header("Authorization", "Bearer " + tokenOf(actor));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
