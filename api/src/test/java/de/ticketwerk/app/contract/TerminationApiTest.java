package de.ticketwerk.app.contract;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** T2 of DOMAIN.md through REST, on a clock fixed after the last notice date, so every notice lies in the past. */
class TerminationApiTest extends ApiTest {

    @BeforeEach
    void standStill() {
        CLOCK.moveTo(Instant.parse("2027-10-02T08:00:00Z"));
    }

    @ParameterizedTest(name = "T2: notice received {0} → the contract ends {1}")
    @CsvSource({"2026-11-30, 2027-02-28", "2026-12-01, 2027-12-31", "2027-10-01, 2028-12-31"})
    void terminationAnswersTheEffectiveEndDate(String received, String end) {
        UUID contract = concludeContract(registerCustomer(), "\"type\": \"QUOTA\", \"startDate\": \"2025-03-01\"");
        Http.Response response = http.post("/api/v1/contracts/" + contract + "/termination", """
                {"receivedOn": "%s", "channel": "LETTER", "by": "CUSTOMER"}""".formatted(received));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("endDate").asString()).isEqualTo(end);
        JsonNode view = awaitContract(contract, c -> c.get("termination") != null && !c.get("termination").isNull());
        assertThat(view.get("endDate").asString()).isEqualTo(end);
        assertThat(view.get("termination").get("channel").asString()).isEqualTo("LETTER");

        assertProblem(http.post("/api/v1/contracts/" + contract + "/termination", """
                {"receivedOn": "%s", "channel": "EMAIL", "by": "PROVIDER"}""".formatted(received)), 409,
                "the contract is already terminated; it ends on " + end);
    }

    @Test
    void aNoticeDatedInTheFutureIsRejected() {
        assertProblem(http.post("/api/v1/contracts/" + concludeContract(registerCustomer(), "\"type\": \"QUOTA\", \"startDate\": \"2025-03-01\"") + "/termination", """
                {"receivedOn": "2027-10-03", "channel": "LETTER", "by": "CUSTOMER"}"""), 422,
                "the notice date 2027-10-03 is in the future");
    }
}
