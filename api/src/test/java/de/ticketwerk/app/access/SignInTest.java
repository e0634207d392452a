package de.ticketwerk.app.access;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.SignIn;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Real tokens from the embedded issuer over HTTP, for people and for integrations (R-A1, R-A4). */
class SignInTest extends ApiTest {

    @Test
    void theFirstAdminSignsInWithAuthorizationCodeAndPkceAndManagesPeople() {
        String admin = new SignIn(port()).accessToken("admin", ADMIN_PASSWORD);
        Http asAdmin = new Http(port(), actor -> admin);

        Http.Response created = asAdmin.post("/api/v1/users", """
                {"username": "mia", "password": "a long passphrase", "roles": ["TECHNICIAN", "DISPATCHER"]}""");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(asAdmin.get("/api/v1/users").text()).contains("\"mia\"").doesNotContain("passphrase")
                .doesNotContain("bcrypt");

        String mia = new SignIn(port()).accessToken("mia", "a long passphrase");
        Http asMia = new Http(port(), actor -> mia);
        UUID ticket = openTicket(registerCustomer(), "Signed in");
        Http.Response escalated = asMia.post("/api/v1/tickets/" + ticket + "/escalate", "{\"reason\": \"urgent\"}");
        assertThat(escalated.status()).as(escalated.text()).isEqualTo(200);
        awaitCaughtUpEverywhere();
        assertThat(jdbc.queryForList("SELECT actor FROM ticket_history_view WHERE ticket_id = ? AND change = "
                + "'ESCALATED'", String.class, ticket)).containsExactly("mia");
        assertThat(asMia.get("/api/v1/users").status()).as("mia is no ADMIN").isEqualTo(403);
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        SignIn.Answer answer = new SignIn(port()).authorizationCode("admin", "not-the-password");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).contains("/login?error");
    }

    @Test
    void aPersonOnTheCommandLineUsesTheDeviceGrant() {
        SignIn.Answer token = new SignIn(port()).deviceGrant("admin", ADMIN_PASSWORD);

        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.body()).as(token.toString()).startsWith("{");
        Http asAdmin = new Http(port(), actor -> token.json().get("access_token").asString());
        assertThat(asAdmin.get("/api/v1/users").status()).isEqualTo(200);
    }

    @Test
    void anIntegrationGetsATokenWithItsOwnRolesOnly() {
        SignIn.Answer token = new SignIn(port()).clientCredentials("monitoring", MONITORING_SECRET);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        Http monitoring = new Http(port(), actor -> token.json().get("access_token").asString());
        UUID customer = registerCustomer();

        Http.Response opened = monitoring.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "MONITORING", "kind": "INCIDENT", "serviceItem": "MONITORING",
                 "title": "Disk full", "reporter": "checkmk"}""".formatted(customer));

        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(monitoring.get("/api/v1/customers/" + customer).status()).as("INTAKE reads nothing")
                .isEqualTo(403);
        assertThat(new SignIn(port()).clientCredentials("monitoring", "wrong-secret").status()).isEqualTo(401);
    }

    @Test
    void adminCreatesAnIntegrationClientWhoseSecretIsShownOnce() {
        Http.Response created = http.post("/api/v1/clients", "{\"clientId\": \"datev-export\", \"roles\": "
                + "[\"FINANCE\"]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String secret = created.json().get("clientSecret").asString();

        assertThat(http.get("/api/v1/clients").text()).contains("datev-export").doesNotContain(secret);
        SignIn.Answer token = new SignIn(port()).clientCredentials("datev-export", secret);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(http.post("/api/v1/clients", "{\"clientId\": \"datev-export\", \"roles\": [\"FINANCE\"]}")
                .status()).isEqualTo(409);
    }

    @Test
    void withoutATokenOrWithAForgedOneTheApiAnswers401() {
        Http anonymous = new Http(port(), actor -> null);
        Http.Response none = anonymous.send("GET", "/api/v1/tickets", null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");

        Http forged = new Http(port(), actor -> "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19.");
        assertThat(forged.get("/api/v1/tickets").status()).isEqualTo(401);
    }

    @Test
    void healthShowsDetailsOnlyToAdminAndMetricsNeedAClient() throws Exception {
        Http anonymous = new Http(port(), actor -> null);
        Http.Response health = anonymous.send("GET", "/actuator/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().has("components")).isFalse();
        assertThat(health.text()).doesNotContain("path");
        assertThat(http.get("/actuator/health").json().has("components")).as("ADMIN sees them").isTrue();

        assertThat(anonymous.send("GET", "/actuator/prometheus", null, null).status()).isEqualTo(401);
        String metrics = new SignIn(port()).clientCredentials("prometheus", PROMETHEUS_SECRET).json()
                .get("access_token").asString();
        HttpResponse<String> scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port() + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + metrics).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory");
    }

    @Test
    void answersCarrySecurityHeadersAndNoCrossSiteFormChangesAnything() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port() + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + http.tokenOf("anna")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(answer.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors");

        long before = eventCount();
        HttpResponse<String> crossSite = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port() + "/api/v1/projections/tickets/rebuild"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isIn(401, 403);
        assertThat(eventCount()).isEqualTo(before);

        SignIn.Answer noCsrf = new SignIn(port()).post("/login", java.util.Map.of("username", "admin", "password",
                ADMIN_PASSWORD), null);
        assertThat(noCsrf.status()).as("the login form needs its CSRF token").isEqualTo(403);
        HttpResponse<String> loginPage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(List.of(loginPage.statusCode())).containsExactly(200);
    }
}
