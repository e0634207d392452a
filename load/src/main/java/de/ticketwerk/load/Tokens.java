package de.ticketwerk.load;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bearer token a request carries, for the actor it is sent as. */
interface Tokens {

    /** The integration client the driver and the crash test register when they start the application. */
    String CLIENT_ID = "load";
    String CLIENT_SECRET = "load-driver-secret-not-for-production";
    List<String> CLIENT_ARGUMENTS = List.of("--ticketwerk.security.clients.load.secret=" + CLIENT_SECRET,
            "--ticketwerk.security.clients.load.roles=ADMIN,DISPATCHER,TECHNICIAN,ACCOUNT_MANAGER,AUDITOR");

    String forActor(String actor) throws IOException;

    /**
     * One client credentials token from the application's token endpoint for every request, as an integration
     * gets it; fetched again shortly before it expires. Every event records the client as its actor.
     */
    static Tokens clientCredentials(String baseUrl, String clientId, String secret) {
        return new Tokens() {
            private String token;
            private Instant renewAt = Instant.MIN;

            @Override
            public synchronized String forActor(String actor) throws IOException {
                if (Instant.now().isAfter(renewAt)) {
                    JsonNode answer = fetch(baseUrl, clientId, secret);
                    token = answer.get("access_token").asString();
                    renewAt = Instant.now().plusSeconds(Math.max(10, answer.get("expires_in").asLong() - 60));
                }
                return token;
            }
        };
    }

    private static JsonNode fetch(String baseUrl, String clientId, String secret) throws IOException {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/oauth2/token")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("no token for " + clientId + ": " + answer.statusCode() + " " + answer.body());
            }
            return new Api.Response(200, answer.body()).json();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * A token per actor, signed with the embedded issuer's key read from its database: the crash test sends every
     * request as an actor of its own, to find what each request stored.
     */
    static Tokens signedWithStoredKey(Database database) throws IOException {
        RSAKey key;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT jwk FROM signing_key")) {
            if (!rows.next()) {
                throw new IOException("the application has no signing key yet");
            }
            key = RSAKey.parse(rows.getString(1));
        } catch (SQLException | ParseException e) {
            throw new IOException("the signing key could not be read", e);
        }
        RSASSASigner signer;
        try {
            signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IOException(e);
        }
        Map<String, String> cache = new ConcurrentHashMap<>();
        return actor -> cache.computeIfAbsent(actor, name -> {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().subject(name).issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plus(Duration.ofHours(6))))
                            .claim("roles", List.of("ADMIN", "DISPATCHER", "TECHNICIAN", "ACCOUNT_MANAGER", "AUDITOR"))
                            .build());
            try {
                jwt.sign(signer);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        });
    }
}
