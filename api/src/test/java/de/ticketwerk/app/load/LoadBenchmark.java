package de.ticketwerk.app.load;

import de.ticketwerk.app.config.EmbeddedPostgresServer;
import de.ticketwerk.app.support.ApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

/**
 * The load driver against the application over HTTP, then raw single-row inserts on the same PostgreSQL (durable, as
 * the product runs) at the same concurrency, and their ratio. Not part of the test command; see BENCHMARKS.md.
 */
@Tag("benchmark")
@TestPropertySource(properties = "ticketwerk.embedded-postgres.durable=true")
class LoadBenchmark extends ApiTest {

    private static final int CLIENTS = Integer.getInteger("load.clients", 16);
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("load.seconds", 60));

    @Autowired
    private EmbeddedPostgresServer postgres;

    @Test
    void applicationAgainstRawInserts() throws Exception {
        new LoadDriver(port()).run(CLIENTS, Duration.ofSeconds(10));
        LoadDriver.Report report = new LoadDriver(port()).run(CLIENTS, DURATION);
        double raw = RawInserts.perSecond(postgres.jdbcUrl(), postgres.user(), CLIENTS, DURATION);
        System.out.println("\nLoad benchmark (after a 10 s warm-up)\n" + report.markdown()
                + "\n\nraw single-row committed inserts at %d connections: %.0f/s; ratio application/raw: %.2f\n"
                .formatted(CLIENTS, raw, report.commandsPerSecond() / raw));
    }
}
