package de.ticketwerk.app.access;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.SignIn;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens end when access ends (issue 25): the embedded issuer's introspection and revocation work and a revoked token
 * is refused; a person disabled, or a role taken away, is refused at their next request, not when the token expires.
 */
class TokenEndTest extends ApiTest {

    private static final String PROMETHEUS = "Basic " + Base64.getEncoder()
            .encodeToString(("prometheus:" + PROMETHEUS_SECRET).getBytes(StandardCharsets.UTF_8));

    @Test
    void aRevokedTokenIsRefused() {
        SignIn signIn = new SignIn(port());
        String token = signIn.clientCredentials("prometheus", PROMETHEUS_SECRET).json().get("access_token").asString();
        SignIn.Answer active = signIn.post("/oauth2/introspect", Map.of("token", token), PROMETHEUS);
        assertThat(active.status()).as(active.body()).isEqualTo(200);
        assertThat(active.json().get("active").asBoolean()).isTrue();
        assertThat(active.json().get("roles").get(0).asString()).isEqualTo("METRICS");
        assertThat(signIn.get("/actuator/prometheus", "Bearer " + token).status()).isEqualTo(200);

        SignIn.Answer revoked = signIn.post("/oauth2/revoke", Map.of("token", token), PROMETHEUS);

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        SignIn.Answer refused = signIn.get("/actuator/prometheus", "Bearer " + token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("\"status\":401");
        assertThat(signIn.post("/oauth2/introspect", Map.of("token", token), PROMETHEUS).json().get("active")
                .asBoolean()).isFalse();
    }

    @Test
    void aPersonsTokenIsIntrospectedAndACodeRedeemedTwiceRevokesIt() {
        SignIn signIn = new SignIn(port());
        SignIn.Code code = signIn.code("admin", ADMIN_PASSWORD);
        String admin = signIn.redeem(code).json().get("access_token").asString();
        SignIn.Answer introspected = signIn.post("/oauth2/introspect", Map.of("token", admin), PROMETHEUS);
        assertThat(introspected.status()).as(introspected.body()).isEqualTo(200);
        SignIn.Answer userinfo = signIn.get("/userinfo", "Bearer " + admin);
        assertThat(userinfo.status()).as(userinfo.body()).isEqualTo(200);
        assertThat(userinfo.json().get("sub").asString()).isEqualTo("admin");
        SignIn.Answer anonymous = signIn.get("/userinfo", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asString()).as("RFC 6750's answer").isEqualTo("invalid_token");
        assertThat(new Http(port(), actor -> admin).get("/api/v1/users").status()).isEqualTo(200);

        SignIn.Answer again = signIn.redeem(code);

        assertThat(again.status()).as(again.body()).isEqualTo(400);
        assertThat(again.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(new Http(port(), actor -> admin).get("/api/v1/users").status())
                .as("RFC 6749: a code used twice revokes the tokens issued for it").isEqualTo(401);
    }

    @Test
    void aDisabledPersonIsRefusedAtTheirNextRequest() {
        Http admin = asAdmin();
        assertThat(admin.post("/api/v1/users", """
                {"username": "lena", "password": "a long passphrase", "roles": ["TECHNICIAN"]}""").status())
                .isEqualTo(201);
        Http lena = signedIn("lena");
        assertThat(lena.get("/api/v1/tickets").status()).isEqualTo(200);

        assertThat(admin.put("/api/v1/users/lena", """
                {"username": "lena", "roles": ["TECHNICIAN"], "enabled": false}""").status()).isEqualTo(200);

        Http.Response refused = lena.get("/api/v1/tickets");
        assertThat(refused.status()).as(refused.text()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRoleTakenAwayIsGoneAtTheNextRequest() {
        Http admin = asAdmin();
        assertThat(admin.post("/api/v1/users", """
                {"username": "otto", "password": "a long passphrase", "roles": ["TECHNICIAN", "FINANCE"]}""")
                .status()).isEqualTo(201);
        Http otto = signedIn("otto");
        assertThat(otto.get("/api/v1/invoices").status()).isEqualTo(200);

        assertThat(admin.put("/api/v1/users/otto", """
                {"username": "otto", "roles": ["TECHNICIAN"]}""").status()).isEqualTo(200);

        assertThat(otto.get("/api/v1/invoices").status()).as("FINANCE taken away").isEqualTo(403);
        assertThat(otto.get("/api/v1/tickets").status()).as("TECHNICIAN kept").isEqualTo(200);
    }

    @Test
    void aPasswordOverBcryptsLimitIsABadRequest() {
        Http admin = asAdmin();
        Http.Response umlauts = admin.post("/api/v1/users", """
                {"username": "uwe", "password": "%s", "roles": ["TECHNICIAN"]}""".formatted("ä".repeat(37)));
        assertProblem(umlauts, 400, "at most 72 bytes");
        assertProblem(admin.post("/api/v1/users", """
                {"username": "uwe", "password": "%s", "roles": ["TECHNICIAN"]}""".formatted("x".repeat(73))),
                400, "password");
        assertThat(admin.post("/api/v1/users", """
                {"username": "uwe", "password": "%s", "roles": ["TECHNICIAN"]}""".formatted("ä".repeat(36)))
                .status()).as("72 bytes").isEqualTo(201);
        assertThat(new SignIn(port()).login("uwe", "ä".repeat(37)).location()).contains("error");
        assertThat(signedIn("uwe", "ä".repeat(36)).get("/api/v1/tickets").status()).isEqualTo(200);
    }

    private Http asAdmin() {
        String token = new SignIn(port()).accessToken("admin", ADMIN_PASSWORD);
        return new Http(port(), actor -> token);
    }

    private Http signedIn(String username) {
        return signedIn(username, "a long passphrase");
    }

    private Http signedIn(String username, String password) {
        String token = new SignIn(port()).accessToken(username, password);
        return new Http(port(), actor -> token);
    }
}
