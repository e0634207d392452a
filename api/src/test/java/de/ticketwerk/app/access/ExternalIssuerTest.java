package de.ticketwerk.app.access;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ticketwerk.app.TicketwerkApplication;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production path: tokens from an independent issuer, found by its issuer URI. The issuer is a second
 * application with its embedded authorization server (its own database, keys and clients); the application under
 * test has no issuer of its own and trusts only that one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketwerk.embedded-postgres.data-dir=target/test-data/${random.uuid}",
        "ticketwerk.embedded-postgres.durable=false"
})
class ExternalIssuerTest {

    private static final String CLIENT = "crm-sync";
    private static final String SECRET = "crm-sync-secret-for-tests";
    private static ConfigurableApplicationContext issuer;

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void trustTheIssuer(DynamicPropertyRegistry properties) {
        issuer = new SpringApplicationBuilder(TicketwerkApplication.class).run(
                "--server.port=0",
                "--ticketwerk.embedded-postgres.data-dir=target/test-data/issuer-" + UUID.randomUUID(),
                "--ticketwerk.embedded-postgres.durable=false",
                "--ticketwerk.security.clients." + CLIENT + ".secret=" + SECRET,
                "--ticketwerk.security.clients." + CLIENT + ".roles=ACCOUNT_MANAGER,DISPATCHER");
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ExternalIssuerTest::issuerUri);
    }

    @AfterAll
    static void stopTheIssuer() {
        if (issuer != null) {
            issuer.close();
        }
    }

    private static String issuerUri() {
        return "http://localhost:" + issuer.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void aTokenOfTheIssuerIsAcceptedWithItsRolesAndItsClientIsTheActor() {
        String token = new SignIn(Integer.parseInt(issuer.getEnvironment().getProperty("local.server.port")))
                .clientCredentials(CLIENT, SECRET).json().get("access_token").asString();
        Http http = new Http(port, actor -> token);

        Http.Response registered = http.post("/api/v1/customers", """
                {"name": "Kanzlei Extern", "federalState": "HE"}""");
        Http.Response rebuild = http.post("/api/v1/projections/tickets/rebuild", null);

        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(rebuild.status()).as("the issuer gave no ADMIN").isEqualTo(403);
        String customer = registered.json().get("customerId").asString();
        await().until(() -> http.get("/api/v1/customers/" + customer).status() == 200);
        assertThat(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, customer)).contains("\"actor\":\"" + CLIENT + "\"");
    }

    @Test
    void aTokenSignedWithAnotherKeyOrNamingAnotherIssuerIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();

        Http.Response otherKey = get(signed(stranger, issuerUri()));
        Http.Response otherIssuer = get(signed(stranger, "http://localhost:1"));

        assertThat(List.of(otherKey.status(), otherIssuer.status())).containsOnly(401);
        assertThat(otherKey.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theApplicationIsNoIssuerItself() {
        SignIn here = new SignIn(port);

        assertThat(here.clientCredentials(CLIENT, SECRET).status()).isIn(401, 404);
        assertThat(new Http(port, actor -> "x").get("/.well-known/openid-configuration").status()).isIn(401, 404);
    }

    private Http.Response get(String token) {
        return new Http(port, actor -> token).get("/api/v1/tickets");
    }

    private static String signed(RSAKey key, String issuerUri) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuerUri).subject("mallory").issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .claim("roles", List.of("ADMIN")).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
