package de.ticketwerk.app.load;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a running application over HTTP: each client has its own customer with a QUOTA contract, opens tickets and
 * logs time entries on them as fast as it is answered. A prober measures, for a sample of entries, how long after
 * the 2xx answer the quota ledger shows the debit.
 */
public final class LoadDriver {

    public record Report(int clients, Duration duration, long commands, double commandsPerSecond, double p50Ms,
                         double p95Ms, double p99Ms, Map<Integer, Long> errorsByStatus, int lagSamples,
                         double lagP50Ms, double lagP95Ms, double lagP99Ms, long heapUsedBytes) {

        public String markdown() {
            return """
                    | clients | seconds | commands | commands/s | p50 ms | p95 ms | p99 ms | errors | lag samples | lag p50 ms | lag p95 ms | lag p99 ms | heap used MB |
                    |---|---|---|---|---|---|---|---|---|---|---|---|---|
                    | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %s | %d | %.0f | %.0f | %.0f | %d |"""
                    .formatted(clients, duration.toSeconds(), commands, commandsPerSecond, p50Ms, p95Ms, p99Ms,
                            errorsByStatus.isEmpty() ? "none" : errorsByStatus.toString(), lagSamples, lagP50Ms,
                            lagP95Ms, lagP99Ms, heapUsedBytes / (1024 * 1024));
        }
    }

    private record Sample(UUID contractId, UUID entryId, long answeredAt) {
    }

    private final int port;

    public LoadDriver(int port) {
        this.port = port;
    }

    public Report run(int clients, Duration duration) throws InterruptedException {
        Http http = new Http(port);
        List<UUID[]> setups = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            UUID customer = ApiTest.registerCustomer(http, "Lastkunde " + c, "NW");
            Http.Response contract = http.post("/api/v1/contracts", """
                    {"customerId": "%s", "type": "QUOTA", "startDate": "2020-01-01", "quota": {"allotmentMinutes": 600000,
                     "period": "MONTH", "expiry": "NEVER", "settlement": "MONTHLY"}}""".formatted(customer));
            setups.add(new UUID[] {customer, UUID.fromString(contract.json().get("contractId").asString())});
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicLong> errors = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Sample> toProbe = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(clients);
        long deadline = System.nanoTime() + duration.toNanos();
        Instant firstWork = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        for (int c = 0; c < clients; c++) {
            UUID customer = setups.get(c)[0];
            UUID contract = setups.get(c)[1];
            Thread client = new Thread(() -> {
                Http own = new Http(port);
                UUID ticket = null;
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    long t0 = System.nanoTime();
                    Http.Response response;
                    if (i % 20 == 0) {
                        response = own.post("/api/v1/tickets", """
                                {"customerId": "%s", "channel": "PORTAL", "kind": "INCIDENT",
                                 "serviceItem": "REMOTE_SUPPORT", "title": "Last %d", "reporter": "Driver"}"""
                                .formatted(customer, i));
                        if (response.status() == 201) {
                            ticket = UUID.fromString(response.json().get("ticketId").asString());
                        }
                    } else {
                        Instant start = firstWork.plus((i % 5000) * 16L, ChronoUnit.MINUTES);
                        response = own.post("/api/v1/tickets/" + ticket + "/time-entries", """
                                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "REMOTE"}"""
                                .formatted(start, start.plus(15, ChronoUnit.MINUTES)));
                        if (response.status() == 201 && i % 10 == 1) {
                            toProbe.add(new Sample(contract,
                                    UUID.fromString(response.json().get("entryId").asString()), System.nanoTime()));
                        }
                    }
                    latencies.add(System.nanoTime() - t0);
                    if (response.status() >= 300) {
                        errors.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
                    }
                }
                done.countDown();
            }, "load-client-" + c);
            client.start();
        }
        Thread prober = new Thread(() -> {
            Http own = new Http(port);
            while (running.get() || !toProbe.isEmpty()) {
                Sample sample = toProbe.poll();
                if (sample == null) {
                    sleep(5);
                    continue;
                }
                long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < giveUp) {
                    JsonNode page = own.get("/api/v1/contracts/" + sample.contractId() + "/quota/ledger?entryId="
                            + sample.entryId()).json();
                    if (page.has("items") && !page.get("items").isEmpty()) {
                        lags.add(System.nanoTime() - sample.answeredAt());
                        break;
                    }
                    sleep(5);
                }
            }
        }, "load-prober");
        prober.start();
        done.await();
        running.set(false);
        prober.join(Duration.ofSeconds(60).toMillis());

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] lagSorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<Integer, Long> errorCounts = new TreeMap<>();
        errors.forEach((status, count) -> errorCounts.put(status, count.get()));
        JsonNode heap = http.get("/actuator/metrics/jvm.memory.used?tag=area:heap").json();
        long heapUsed = heap.get("measurements").get(0).get("value").asLong();
        return new Report(clients, duration, sorted.length, sorted.length / (double) duration.toSeconds(),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), errorCounts,
                lagSorted.length, percentile(lagSorted, 50), percentile(lagSorted, 95), percentile(lagSorted, 99),
                heapUsed);
    }

    static double percentile(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(sortedNanos.length * percent / 100.0) - 1);
        return sortedNanos[Math.max(index, 0)] / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
