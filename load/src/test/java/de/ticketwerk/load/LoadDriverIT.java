package de.ticketwerk.load;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver against the application in its own process, the raw insert probe on its PostgreSQL, and the crash
 * test's checks, which must find what is wrong when something is.
 */
class LoadDriverIT {

    @TempDir
    static Path workDir;

    static Application application;
    static LoadDriver driver;
    static List<LoadDriver.Client> clients;
    static LoadDriver.Report report;

    @BeforeAll
    static void loadTheApplication() throws Exception {
        application = new Application(CrashTestIT.JAR, workDir.resolve("data"), workDir);
        application.start(Duration.ofMinutes(3));
        driver = new LoadDriver(application.url());
        clients = driver.setUp(2, 2);
        report = driver.run(clients, Duration.ofSeconds(3), true);
    }

    @AfterAll
    static void stop() throws Exception {
        application.stop();
    }

    @Test
    void theDriverReportsWhatTheIssueAsksFor() {
        assertThat(report.commands()).isGreaterThan(10);
        assertThat(report.commandsPerSecond()).isPositive();
        assertThat(report.errorsByStatus()).isEmpty();
        assertThat(report.p99Ms()).isGreaterThanOrEqualTo(report.p95Ms()).isGreaterThanOrEqualTo(report.p50Ms())
                .isPositive();
        assertThat(report.lagSamples()).isPositive();
        assertThat(report.lagP99Ms()).isGreaterThanOrEqualTo(report.lagP50Ms()).isPositive();
        assertThat(report.heapUsedMaxBytes()).isPositive();
        assertThat(report.markdown()).contains("| 2 | 3 | " + report.commands() + " |");
    }

    @Test
    void theRawInsertProbeRunsOnTheApplicationsPostgres() throws Exception {
        assertThat(RawInserts.perSecond(Database.embedded(application.dataDir()), 2, Duration.ofSeconds(1)))
                .isGreaterThan(10);
    }

    @Test
    void theCrashChecksPassOnIntactDataAndFailOnLostOrTamperedData() throws Exception {
        CrashTest.Verdict intact = CrashTest.check(application, clients, driver.answered());
        assertThat(intact.ok()).as(intact.text()).isTrue();

        List<LoadDriver.Answered> withALostOne = new ArrayList<>(driver.answered());
        withALostOne.add(new LoadDriver.Answered("LogTime", UUID.randomUUID()));
        try (Connection connection = Database.embedded(application.dataDir()).connect();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    UPDATE quota_ledger_view SET minutes = minutes - 1
                    WHERE (quota_id, sequence_number) IN (SELECT quota_id, sequence_number FROM quota_ledger_view
                                                          WHERE kind = 'DEBIT' LIMIT 1)""");
        }
        CrashTest.Verdict broken = CrashTest.check(application, clients, withALostOne);

        assertThat(broken.ok()).isFalse();
        assertThat(broken.failed()).anySatisfy(f -> assertThat(f).startsWith("LogTime").contains(
                "1 answered but not stored"));
        assertThat(broken.failed()).anySatisfy(f -> assertThat(f).startsWith("quota balances differ"));
        assertThat(broken.failed()).anySatisfy(f -> assertThat(f).startsWith("read models differ")
                .contains("quota_ledger_view (1 rows only after the rebuild, 1 only before)"));
        assertThat(broken.text()).endsWith("VERDICT: FAIL");
    }
}
