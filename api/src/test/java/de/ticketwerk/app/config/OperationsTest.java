package de.ticketwerk.app.config;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;


import static org.assertj.core.api.Assertions.assertThat;

class OperationsTest extends ApiTest {

    @Test
    void healthIsUpWithTheDatabase() {
        JsonNode health = http.get("/actuator/health").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsAxonMetrics() {
        openTicket(registerCustomer(), "Metrics");
        Http.Response metrics = http.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("commandBus_").contains("payloadType=\"OpenTicket\"")
                .contains("eventStore_");
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        JsonNode paths = http.get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/v1/tickets")).isTrue();
        assertThat(paths.get("/api/v1/tickets").has("post")).isTrue();
        assertThat(paths.get("/api/v1/tickets").has("get")).isTrue();
        assertThat(paths.get("/api/v1/tickets/{ticketId}/time-entries/{entryId}").has("put")).isTrue();
        assertThat(paths.get("/api/v1/tickets/{ticketId}/time-entries/{entryId}").has("delete")).isTrue();
        assertThat(paths.get("/api/v1/customers").has("post")).isTrue();
        assertThat(paths.get("/api/v1/customers/{customerId}").has("put")).isTrue();
        assertThat(paths.get("/api/v1/contracts").has("post")).isTrue();
        assertThat(paths.get("/api/v1/contracts/{contractId}/price-changes").has("post")).isTrue();
        assertThat(paths.get("/api/v1/contracts/{contractId}/termination").has("post")).isTrue();
        assertThat(paths.get("/api/v1/time-entries/{entryId}/pricing").has("get")).isTrue();
        assertThat(paths.get("/api/v1/pricing/preview").has("post")).isTrue();
    }

    @Test
    void axonsUpdateCheckerIsDisabled() {
        assertThat(UsagePropertyProvider.create().getDisabled()).isTrue();
    }
}
