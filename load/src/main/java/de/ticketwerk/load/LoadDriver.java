package de.ticketwerk.load;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives a running application over HTTP: each client works for customers of its own, each with a QUOTA contract. It
 * opens a ticket for the next of its customers, logs 19 time entries on it, opens the next, and so on, as fast as it
 * is answered. Lag probes measure, for a sample of entries, how long after the 2xx answer the quota ledger shows the
 * debit.
 */
final class LoadDriver {

    record Customer(UUID customerId, UUID contractId) {
    }

    record Client(List<Customer> customers) {
    }

    /** Status 0 counts requests that got no answer at all (the application was down). */
    record Report(int clients, Duration duration, long commands, double commandsPerSecond, double p50Ms,
                  double p95Ms, double p99Ms, Map<Integer, Long> errorsByStatus, int lagSamples, double lagP50Ms,
                  double lagP95Ms, double lagP99Ms, long heapUsedMaxBytes) {

        String markdown() {
            return """
                    | clients | s | commands | commands/s | p50 ms | p95 ms | p99 ms | errors | lag samples | lag p50 ms | lag p95 ms | lag p99 ms | heap max MB |
                    |---|---|---|---|---|---|---|---|---|---|---|---|---|
                    | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %s | %d | %.0f | %.0f | %.0f | %d |"""
                    .formatted(clients, duration.toSeconds(), commands, commandsPerSecond, p50Ms, p95Ms, p99Ms,
                            errorsByStatus.isEmpty() ? "none" : errorsByStatus.toString(), lagSamples, lagP50Ms,
                            lagP95Ms, lagP99Ms, heapUsedMaxBytes / (1024 * 1024));
        }
    }

    private record Sample(UUID contractId, UUID entryId, long answeredAt) {
    }

    private static final long FIRST_LOOK_NANOS = Duration.ofMillis(20).toNanos();
    /** A debit not seen by then counts with this lag. */
    private static final Duration MAX_LAG = Duration.ofMinutes(2);

    private final String baseUrl;
    private final Tokens tokens;

    LoadDriver(String baseUrl, Tokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    /**
     * The contracts start on the first of the month three months ago: the entries fall in their last 60 days. Each
     * customer has every ticket mail confirmed to an address (R-S4), so the outbox is on the write path.
     */
    List<Client> setUp(int clients, int customersPerClient) throws IOException {
        Api api = new Api(baseUrl, tokens);
        LocalDate contractStart = LocalDate.now(ZoneId.of("Europe/Berlin")).withDayOfMonth(1).minusMonths(3);
        List<Client> setUp = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Customer> customers = new ArrayList<>();
            for (int k = 0; k < customersPerClient; k++) {
                String address = "it@lastkunde-%d-%d.example".formatted(c, k);
                UUID customer = UUID.fromString(api.postOk("/api/v1/customers", """
                        {"name": "Lastkunde %d-%d", "federalState": "NW", "address": {"street": "Marktstraße 1",
                         "postalCode": "48143", "city": "Münster"}, "reportEmails": ["%s"],
                         "notifications": {"TICKET_OPENED": ["%s"], "TICKET_STATUS_CHANGED": ["%s"],
                          "TICKET_RESOLVED": ["%s"]}}""".formatted(c, k, address, address, address, address))
                        .get("customerId").asString());
                UUID contract = UUID.fromString(api.postOk("/api/v1/contracts", """
                        {"customerId": "%s", "type": "QUOTA", "startDate": "%s", "quota": {"allotmentMinutes": 600000,
                         "period": "MONTH", "expiry": "NEVER", "settlement": "MONTHLY"}}"""
                        .formatted(customer, contractStart)).get("contractId").asString());
                customers.add(new Customer(customer, contract));
            }
            setUp.add(new Client(List.copyOf(customers)));
        }
        return setUp;
    }

    Report run(List<Client> clients, Duration duration, boolean probeLag) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicLong> errors = new ConcurrentHashMap<>();
        AtomicReference<Sample> latest = new AtomicReference<>();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicLong heapMax = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        Instant firstWork = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);

        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            Client client = clients.get(c);
            workers.add(started("load-client-" + c, () -> {
                Api api = new Api(baseUrl, tokens);
                UUID ticket = null;
                Customer ticketCustomer = null;
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    boolean opening = ticket == null || i % 20 == 0;
                    Customer customer = opening ? client.customers().get((i / 20) % client.customers().size())
                            : ticketCustomer;
                    long t0 = System.nanoTime();
                    try {
                        Api.Response response;
                        if (opening) {
                            response = api.post("/api/v1/tickets", """
                                    {"customerId": "%s", "channel": "PORTAL", "kind": "INCIDENT",
                                     "serviceItem": "REMOTE_SUPPORT", "title": "Last %d", "reporter": "Driver"}"""
                                    .formatted(customer.customerId(), i));
                        } else {
                            Instant start = firstWork.plus((i % 5000) * 16L, ChronoUnit.MINUTES);
                            response = api.post("/api/v1/tickets/" + ticket + "/time-entries", """
                                    {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "REMOTE"}"""
                                    .formatted(start, start.plus(15, ChronoUnit.MINUTES)));
                        }
                        long answeredAt = System.nanoTime();
                        latencies.add(answeredAt - t0);
                        if (!response.ok()) {
                            errors.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
                        } else if (opening) {
                            ticket = UUID.fromString(response.json().get("ticketId").asString());
                            ticketCustomer = customer;
                        } else {
                            UUID entry = UUID.fromString(response.json().get("entryId").asString());
                            latest.set(new Sample(customer.contractId(), entry, answeredAt));
                        }
                    } catch (IOException noAnswer) {
                        errors.computeIfAbsent(0, s -> new AtomicLong()).incrementAndGet();
                        pause(100);
                    }
                }
            }));
        }
        AtomicBoolean clientsDone = new AtomicBoolean();
        List<Thread> observers = new ArrayList<>();
        if (probeLag) {
            // One probe: it follows one sample until its debit shows, then takes the most recently answered entry.
            observers.add(started("load-lag", () -> {
                Api api = new Api(baseUrl, tokens);
                while (!clientsDone.get()) {
                    Sample sample = latest.getAndSet(null);
                    if (sample == null) {
                        pause(1);
                    } else {
                        lags.add(lagOf(api, sample));
                    }
                }
            }));
        }
        observers.add(started("load-heap", () -> {
            Api api = new Api(baseUrl, tokens);
            while (!clientsDone.get()) {
                try {
                    JsonNode heap = api.get("/actuator/metrics/jvm.memory.used?tag=area:heap").json();
                    heapMax.accumulateAndGet(heap.get("measurements").get(0).get("value").asLong(), Math::max);
                } catch (IOException | RuntimeException unavailable) {
                    // the application is down for a moment (crash test): nothing to sample
                }
                pause(1000);
            }
        }));
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clientsDone.set(true);
        for (Thread observer : observers) {
            observer.join();
        }

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] lagSorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<Integer, Long> errorCounts = new TreeMap<>();
        errors.forEach((status, count) -> errorCounts.put(status, count.get()));
        return new Report(clients.size(), Duration.ofMillis(Math.round(seconds * 1000)), sorted.length,
                sorted.length / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                errorCounts, lagSorted.length, percentile(lagSorted, 50), percentile(lagSorted, 95),
                percentile(lagSorted, 99), heapMax.get());
    }

    /**
     * Asks the ledger for the sample's debit until it is there: first 20 ms after the answer, then each time a tenth
     * of the time waited so far later (at least 20 ms). The lag is taken when the answer that shows the debit
     * arrives, so it is at most a tenth (or 20 ms) above the truth, never below it. One probe follows one sample at a
     * time, so probing costs the application fewer requests the longer the lag, never more.
     */
    private static long lagOf(Api api, Sample sample) {
        long waited = System.nanoTime() - sample.answeredAt();
        while (waited < MAX_LAG.toNanos()) {
            pause(TimeUnit.NANOSECONDS.toMillis(Math.max(FIRST_LOOK_NANOS, waited / 10)));
            try {
                JsonNode page = api.get("/api/v1/contracts/" + sample.contractId() + "/quota/ledger?entryId="
                        + sample.entryId()).json();
                if (page.has("items") && !page.get("items").isEmpty()) {
                    return System.nanoTime() - sample.answeredAt();
                }
            } catch (IOException | RuntimeException unavailable) {
                // not readable right now; try again
            }
            waited = System.nanoTime() - sample.answeredAt();
        }
        return waited;
    }

    static double percentile(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(sortedNanos.length * percent / 100.0) - 1);
        return sortedNanos[Math.max(index, 0)] / 1e6;
    }

    static Thread started(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
