package de.ticketwerk.app.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets real tokens from the embedded issuer over HTTP, as a person or an integration would: the login page, then
 * authorization code with PKCE; the device grant; client credentials.
 */
public final class SignIn {

    public static final String CLIENT = "ticketwerk-cli";
    public static final String REDIRECT = "http://127.0.0.1:8400/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public SignIn(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Answer(int status, String location, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** The login page's form, answered; the answer of the POST. */
    public Answer login(String username, String password) {
        Answer page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the login page has no CSRF token: " + page.body());
        }
        return post("/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)), null);
    }

    /** An authorization code and the PKCE verifier that redeems it; or the answer that refused it. */
    public record Code(String code, String verifier, Answer refusal) {
    }

    /** Signs in and runs the authorization code flow with PKCE; the token endpoint's answer. */
    public Answer authorizationCode(String username, String password) {
        Code code = code(username, password);
        return code.refusal() != null ? code.refusal() : redeem(code);
    }

    /** Signs in and asks for an authorization code with PKCE. */
    public Code code(String username, String password) {
        Answer login = login(username, password);
        if (login.status() != 302 || login.location().contains("error")) {
            return new Code(null, null, login);
        }
        String verifier = randomText();
        Answer authorize = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorize?" + form(Map.of(
                "response_type", "code", "client_id", CLIENT, "redirect_uri", REDIRECT, "scope", "openid",
                "state", "s1", "code_challenge", challenge(verifier), "code_challenge_method", "S256")))).GET());
        if (authorize.status() != 302 || !authorize.location().startsWith(REDIRECT)) {
            return new Code(null, null, authorize);
        }
        return new Code(query(authorize.location()).get("code"), verifier, null);
    }

    public Answer redeem(Code code) {
        return post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code.code(), "redirect_uri",
                REDIRECT, "client_id", CLIENT, "code_verifier", code.verifier()), null);
    }

    public Answer get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    public String accessToken(String username, String password) {
        Answer token = authorizationCode(username, password);
        if (token.status() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + token);
        }
        return token.json().get("access_token").asString();
    }

    public Answer clientCredentials(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post("/oauth2/token", Map.of("grant_type", "client_credentials"), "Basic " + basic);
    }

    /** The device grant: the device asks, the person signs in and enters the code, the device gets the token. */
    public Answer deviceGrant(String username, String password) {
        Answer device = post("/oauth2/device_authorization", Map.of("client_id", CLIENT, "scope", "profile"), null);
        if (device.status() != 200) {
            return device;
        }
        Answer login = login(username, password);
        if (login.status() != 302 || login.location().contains("error")) {
            return login;
        }
        Answer verification = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/device_verification?"
                + form(Map.of("user_code", device.json().get("user_code").asString())))).GET());
        Matcher state = STATE.matcher(verification.body());
        if (verification.status() == 200 && state.find()) {
            // the person confirms that the code is the one their device shows, and consents
            verification = post("/oauth2/device_verification", Map.of("client_id", CLIENT, "state", state.group(1),
                    "user_code", device.json().get("user_code").asString(), "scope", "profile"), null);
        }
        if (verification.status() != 302 || verification.location().contains("error")
                || verification.location().endsWith("/login")) {
            return new Answer(verification.status(), verification.location() + " after " + login, verification.body());
        }
        return post("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", device.json().get("device_code").asString(), "client_id", CLIENT), null);
    }

    public Answer post(String path, Map<String, String> fields, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String randomText() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
