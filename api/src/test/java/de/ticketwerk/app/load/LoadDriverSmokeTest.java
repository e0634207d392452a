package de.ticketwerk.app.load;

import de.ticketwerk.app.config.EmbeddedPostgresServer;
import de.ticketwerk.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A short run proves the load driver and the raw insert probe work; their figures belong in BENCHMARKS.md. */
class LoadDriverSmokeTest extends ApiTest {

    @Autowired
    private EmbeddedPostgresServer postgres;

    @Test
    void theDriverLoadsTheApplicationAndMeasuresWhatItShould() throws Exception {
        LoadDriver.Report report = new LoadDriver(port()).run(2, Duration.ofSeconds(3));

        assertThat(report.commands()).isGreaterThan(10);
        assertThat(report.errorsByStatus()).isEmpty();
        assertThat(report.p99Ms()).isGreaterThanOrEqualTo(report.p50Ms()).isPositive();
        assertThat(report.lagSamples()).isPositive();
        assertThat(report.lagP50Ms()).isPositive();
        assertThat(report.heapUsedBytes()).isPositive();
        assertThat(RawInserts.perSecond(postgres.jdbcUrl(), postgres.user(), 2, Duration.ofSeconds(1)))
                .isGreaterThan(10);
    }
}
