package de.ticketwerk.app.benchmark;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.quota.api.QuotaCommands.CloseQuotaPeriods;
import de.ticketwerk.quota.api.QuotaCommands.OpenQuota;
import de.ticketwerk.quota.api.QuotaCommands.RecordQuotaUsage;
import de.ticketwerk.terms.QuotaTerms;
import de.ticketwerk.terms.QuotaTerms.AllotmentPeriod;
import de.ticketwerk.terms.QuotaTerms.ExpiryPolicy;
import de.ticketwerk.terms.QuotaTerms.SettlementPeriod;
import de.ticketwerk.ticket.api.ServiceItem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One quota ledger with a long history: 50,000 entries over twelve years, recorded day by day as the calendar closes
 * each day, through the real command bus and event store. Prints the latency of recording an entry per window of
 * 5,000, so that a cost growing with the history shows, and fails when the last window's mean is more than
 * {@link #FLAT} times the first's (a cost that grows with the history, as a replay per entry would, is far beyond
 * that). A benchmark: the test command runs it once at a tiny size without the timing (the smoke run); see the
 * README.
 */
@Tag("benchmark")
class QuotaHistoryBenchmark extends ApiTest {

    private static final int ENTRIES = Integer.getInteger("benchmark.entries", 50_000);
    private static final int WINDOW = ENTRIES / 10;
    /** The first window includes the JIT's warm-up; a flat cost stays well within this factor. */
    private static final double FLAT = 5;

    @Autowired
    private CommandGateway commands;

    @Test
    void recordingCostsNoMoreAsTheHistoryGrows() {
        UUID quota = UUID.randomUUID();
        LocalDate start = LocalDate.parse("2014-01-01");
        QuotaTerms terms = new QuotaTerms(6000, AllotmentPeriod.MONTH, ExpiryPolicy.CARRY_OVER_UNTIL_MARCH,
                SettlementPeriod.QUARTERLY, new BigDecimal("90.00"));
        Instant now = Instant.now();
        commands.sendAndWait(new OpenQuota(quota, UUID.randomUUID(), UUID.randomUUID(), terms, start, null, start,
                now));
        UUID ticket = UUID.randomUUID();
        LocalDate closed = start;
        long[] nanos = new long[ENTRIES];
        long began = System.nanoTime();
        for (int i = 0; i < ENTRIES; i++) {
            LocalDate workDate = start.plusDays(i * 4380L / ENTRIES);
            if (workDate.isAfter(closed)) {
                closed = workDate;
                commands.sendAndWait(new CloseQuotaPeriods(quota, closed, now));
            }
            long t0 = System.nanoTime();
            commands.sendAndWait(new RecordQuotaUsage(quota, UUID.randomUUID(), ticket, ServiceItem.REMOTE_SUPPORT,
                    workDate, 20 + i % 90, 1, "benchmark", now));
            nanos[i] = System.nanoTime() - t0;
        }
        long total = System.nanoTime() - began;
        long lateT0 = System.nanoTime();
        commands.sendAndWait(new RecordQuotaUsage(quota, UUID.randomUUID(), ticket, ServiceItem.REMOTE_SUPPORT,
                start.plusYears(6), 60, 1, "benchmark", now));
        long late = System.nanoTime() - lateT0;

        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, quota.toString());
        Long snapshot = jdbc.queryForObject("""
                SELECT COALESCE(MAX(length(payload)), 0) FROM snapshot_event_entry WHERE aggregate_identifier = ?""",
                Long.class, quota.toString());
        List<String> rows = new ArrayList<>();
        rows.add("| entries | mean ms | p50 ms | p99 ms |");
        rows.add("|---|---|---|---|");
        for (int w = 0; w < ENTRIES / WINDOW; w++) {
            long[] window = Arrays.copyOfRange(nanos, w * WINDOW, (w + 1) * WINDOW);
            Arrays.sort(window);
            rows.add("| %,d–%,d | %.2f | %.2f | %.2f |".formatted(w * WINDOW + 1, (w + 1) * WINDOW,
                    Arrays.stream(window).average().orElse(0) / 1e6, window[window.length / 2] / 1e6,
                    window[(int) (window.length * 0.99)] / 1e6));
        }
        System.out.println("\nQuota history benchmark: " + ENTRIES + " entries, " + events + " events on one quota, "
                + "%.1f s in all; a late entry six years back: %.1f ms; largest snapshot %,d bytes\n"
                .formatted(total / 1e9, late / 1e6, snapshot) + String.join("\n", rows) + "\n");
        double first = Arrays.stream(nanos, 0, WINDOW).average().orElse(0);
        double last = Arrays.stream(nanos, ENTRIES - WINDOW, ENTRIES).average().orElse(0);
        assertThat(events).isGreaterThan(ENTRIES);
        if (!Boolean.getBoolean("benchmark.smoke")) {
            assertThat(last).as("mean ns per entry of the last window against the first's").isLessThan(FLAT * first);
        }
    }
}
