package de.ticketwerk.app.benchmark;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14's goals: the monthly run and the issue of 1,000 invoices of 20 entries each under 60 s; one invoice's PDF
 * and XML under 200 ms after warm-up. Through REST, the real buses and the documents process; prints a table for
 * BENCHMARKS.md. The test command runs it once with three customers (the smoke run); see the README.
 */
@Tag("benchmark")
class InvoicingBenchmark extends ApiTest {

    private static final int CUSTOMERS = Integer.getInteger("benchmark.customers", 1_000);
    private static final int ENTRIES = 20;
    private static final int THREADS = 8;

    @Test
    void aMonthOfAThousandInvoices() throws Exception {
        List<UUID> customers = Collections.synchronizedList(new ArrayList<>());
        parallel(CUSTOMERS, i -> customers.add(customerWithMarch(i)));
        awaitCaughtUpEverywhere();
        long documentsBefore = documents();

        long runStart = System.nanoTime();
        Http.Response run = http.post("/api/v1/billing-runs", "{\"month\": \"2026-03\"}");
        long runNanos = System.nanoTime() - runStart;
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        List<String> invoices = new ArrayList<>();
        run.json().get("drafts").forEach(d -> {
            if (customers.contains(UUID.fromString(d.get("customerId").asString()))) {
                invoices.add(d.get("invoiceId").asString());
            }
        });
        assertThat(invoices).hasSize(CUSTOMERS);

        long issueStart = System.nanoTime();
        parallel(invoices.size(), i -> {
            Http.Response issued = http.post("/api/v1/invoices/" + invoices.get(i) + "/issue",
                    "{\"issueDate\": \"2026-04-01\"}");
            assertThat(issued.status()).as(issued.text()).isEqualTo(200);
        });
        long issueNanos = System.nanoTime() - issueStart;

        long renderStart = System.nanoTime();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> documents() - documentsBefore == 3L * CUSTOMERS);
        long renderNanos = System.nanoTime() - renderStart + issueNanos;

        long[] validation = new long[Math.min(50, invoices.size())];
        for (int i = 0; i < validation.length; i++) {
            String invoice = invoices.get(invoices.size() - 1 - i);
            byte[] pdf = http.get("/api/v1/invoices/" + invoice + "/documents/invoice.pdf").bytes();
            byte[] xml = http.get("/api/v1/invoices/" + invoice + "/documents/invoice-xrechnung.xml").bytes();
            long t0 = System.nanoTime();
            assertThat(valid(pdf, "invoice.pdf") && valid(xml, "invoice.xml")).isTrue();
            validation[i] = System.nanoTime() - t0;
        }
        long[] warm = Arrays.copyOfRange(validation, validation.length / 2, validation.length);
        Arrays.sort(warm);

        System.out.printf("""
                        | customers × entries | run s | issue s | run + issue s | all documents rendered s | rendering ms per invoice (3 documents) | validation ms per invoice (PDF + XML), median of the second half |
                        |---|---|---|---|---|---|---|
                        | %d × %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f |
                        """, CUSTOMERS, ENTRIES, runNanos / 1e9, issueNanos / 1e9, (runNanos + issueNanos) / 1e9,
                renderNanos / 1e9, renderNanos / 1e6 / CUSTOMERS, warm[warm.length / 2] / 1e6);
    }

    private UUID customerWithMarch(int i) {
        UUID customer = registerCustomer("Kanzlei " + i, "NW");
        concludeContract(customer, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\"");
        UUID ticket = openTicket(customer, "Monthly work");
        for (int e = 0; e < ENTRIES; e++) {
            int day = 2 + e % 26;
            logTime(ticket, "2026-03-%02dT09:00:00Z".formatted(day), "2026-03-%02dT09:%02d:00Z".formatted(day, 7 + e));
        }
        return customer;
    }

    private long documents() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM invoice_document", Long.class);
        return count == null ? 0 : count;
    }

    private static boolean valid(byte[] content, String name) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        validator.validate(content, name);
        return validator.wasCompletelyValid();
    }

    interface Step {
        void run(int i) throws Exception;
    }

    private static void parallel(int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    step.run(n);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
