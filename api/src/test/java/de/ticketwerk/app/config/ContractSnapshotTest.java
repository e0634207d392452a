package de.ticketwerk.app.config;

import de.ticketwerk.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A contract that priced many entries is snapshotted, and what it priced survives the snapshot. */
@TestPropertySource(properties = "ticketwerk.snapshots.contract-after-events=5")
class ContractSnapshotTest extends ApiTest {

    @Test
    void aContractIsSnapshottedWithEveryEntryItPricedAndReversesFromIt() {
        UUID customer = registerCustomer();
        UUID contract = concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-01-01\"");
        UUID ticket = openTicket(customer, "Many entries");
        List<UUID> entries = new ArrayList<>();
        for (int day = 2; day <= 9; day++) {
            entries.add(logTime(ticket, "2026-03-%02dT09:00:00Z".formatted(day), "2026-03-%02dT09:30:00Z".formatted(day)));
        }
        entries.forEach(entry -> awaitPricing(entry, p -> p.get("status").asString().equals("PRICED")));

        await().atMost(Duration.ofSeconds(15)).until(() -> !jdbc.queryForList(
                "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?", String.class,
                contract.toString()).isEmpty());
        JsonNode snapshot = JsonMapper.builder().build().readTree(jdbc.queryForObject(
                "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?", String.class,
                contract.toString()));
        assertThat(snapshot.get("contractId").asString()).isEqualTo(contract.toString());
        assertThat(snapshot.get("pricings").get("active").size()).isGreaterThanOrEqualTo(4);

        UUID first = entries.get(0);
        ok(http.put("/api/v1/tickets/" + ticket + "/time-entries/" + first, """
                {"start": "2026-03-02T09:00:00Z", "end": "2026-03-02T10:00:00Z", "role": "TECHNICIAN",
                 "mode": "REMOTE", "reason": "an hour, not half"}"""));
        JsonNode corrected = awaitPricing(first, p -> p.get("history").size() == 3);
        assertThat(corrected.get("history").get(1).get("pricing").get("quotaMinutes").asLong()).isEqualTo(30);
        assertThat(corrected.get("current").get("quotaMinutes").asLong()).isEqualTo(60);
    }
}
