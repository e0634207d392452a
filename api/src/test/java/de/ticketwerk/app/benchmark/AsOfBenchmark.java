package de.ticketwerk.app.benchmark;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.quota.api.QuotaCommands.RecordQuotaUsage;
import de.ticketwerk.quota.api.QuotaIds;
import de.ticketwerk.ticket.api.ServiceItem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27's goal for R-AU2: one contract whose quota holds 10,000 events, its balance and its ledger's first page as
 * known at any instant of that history, through the API, after warm-up. The test command runs it with a few hundred
 * events (the smoke run); BENCHMARKS.md gives the full command.
 */
@Tag("benchmark")
class AsOfBenchmark extends ApiTest {

    private static final int EVENTS = Integer.getInteger("benchmark.asof.events", 10_000);
    private static final int WARM_UP = 20;
    private static final int MEASURED = 50;

    @Autowired
    private CommandGateway commands;

    @Test
    void aQuotaOfTenThousandEventsAsKnownAtAnyInstant() {
        UUID contract = concludeContract(registerCustomer(), "\"type\": \"QUOTA\", \"startDate\": \"2026-01-01\"");
        awaitCaughtUpEverywhere();
        UUID quota = QuotaIds.of(contract);
        UUID ticket = UUID.randomUUID();
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            commands.sendAndWait(new RecordQuotaUsage(quota, UUID.randomUUID(), ticket, ServiceItem.REMOTE_SUPPORT,
                    LocalDate.parse("2026-01-02").plusDays(i % 300), 15, 1, "benchmark", Instant.now()));
            if (i % Math.max(1, EVENTS / 100) == 0) {
                instants.add(Instant.now());
            }
        }
        instants.add(Instant.now());
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, quota.toString());

        Random random = new Random(27);
        long[] balance = new long[MEASURED];
        long[] ledger = new long[MEASURED];
        for (int i = -WARM_UP; i < MEASURED; i++) {
            Instant knownAt = i == MEASURED - 1 ? instants.get(instants.size() - 1)
                    : instants.get(random.nextInt(instants.size()));
            long t0 = System.nanoTime();
            Http.Response answer = http.get("/api/v1/contracts/" + contract + "/quota?asOf=2026-12-31&knownAt="
                    + knownAt);
            long t1 = System.nanoTime();
            Http.Response lines = http.get("/api/v1/contracts/" + contract + "/quota/ledger?size=100&knownAt="
                    + knownAt);
            long t2 = System.nanoTime();
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(lines.status()).as(lines.text()).isEqualTo(200);
            if (i >= 0) {
                balance[i] = t1 - t0;
                ledger[i] = t2 - t1;
            }
        }
        awaitCaughtUpEverywhere();
        assertThat(http.get("/api/v1/contracts/" + contract + "/quota?asOf=2026-12-31&knownAt="
                + instants.get(instants.size() - 1)).json()).isEqualTo(http.get("/api/v1/contracts/" + contract
                + "/quota?asOf=2026-12-31").json());
        System.out.printf("%nAs-of benchmark: one quota of %,d events, %d reads after %d of warm-up, at instants "
                        + "spread over its history%n| read | p50 ms | p95 ms | max ms |%n|---|---|---|---|%n%s%n%s%n%n",
                events, MEASURED, WARM_UP, row("balance", balance), row("ledger, first 100 lines", ledger));
    }

    private static String row(String read, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "| %s | %.1f | %.1f | %.1f |".formatted(read, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
