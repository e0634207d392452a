package de.ticketwerk.load;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
        application = new Application(CrashTestIT.JAR, workDir.resolve("data"), workDir, CrashTest.SNAPSHOTS_OFTEN);
        application.start(Duration.ofMinutes(3));
        driver = new LoadDriver(application.url(), application.clientTokens());
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
        CrashWorkload workload = new CrashWorkload(application.url(), application.actorTokens());
        workload.setUp();
        Thread load = workload.start(3, 7);
        Thread.sleep(6_000);
        workload.stop();
        load.join();
        CrashTest.Verdict intact = CrashTest.check(application, workload.sent(), workload.customers());
        assertThat(intact.ok()).as(intact.text()).isTrue();

        long tamperedMinutes;
        List<CrashWorkload.Sent> withALostOne = new ArrayList<>(workload.sent());
        withALostOne.add(new CrashWorkload.Sent("LogTime", "crash-lost", 201, UUID.randomUUID(), 1));
        CrashWorkload.Sent refused = workload.sent().stream().filter(s -> s.status() == 409).findFirst()
                .orElseThrow();
        try (Connection connection = Database.embedded(application.dataDir()).connect();
             Statement statement = connection.createStatement()) {
            try (ResultSet changed = statement.executeQuery("""
                    UPDATE quota_ledger_view SET minutes = minutes - 1
                    WHERE (quota_id, sequence_number) IN (SELECT quota_id, sequence_number FROM quota_ledger_view
                                                          WHERE kind = 'DEBIT' AND contract_id = '%s' LIMIT 1)
                    RETURNING minutes""".formatted(workload.customers().get(0).contractId()))) {
                changed.next();
                tamperedMinutes = changed.getLong(1);
            }
            statement.executeUpdate("""
                    INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_type, time_stamp)
                    VALUES ('%1$s', 0, 'Ticket', '%2$s', '{}', '{"ticketId": "%1$s", "level": 1, "reason": "x",
                        "actor":"%3$s", "at": "2026-03-03T10:00:00Z"}',
                        'ticket.TicketEscalated', '2026-03-03T10:00:00Z')"""
                    .formatted(UUID.randomUUID(), UUID.randomUUID(), refused.actor()));
        }
        CrashTest.Verdict broken = CrashTest.check(application, withALostOne, workload.customers());

        assertThat(broken.ok()).isFalse();
        assertThat(broken.failed()).anySatisfy(f -> assertThat(f).startsWith("requests whose answer does not match")
                .contains("LogTime crash-lost answered 201 but stored 0 facts")
                .contains(refused.actor() + " answered 409 but stored 1 facts"));
        assertThat(broken.failed()).anySatisfy(f -> assertThat(f).startsWith("quota balances differ"));
        assertThat(broken.failed()).anySatisfy(f -> assertThat(f).startsWith("read models differ")
                .contains("quota_ledger_view (1 rows only after the rebuild, 1 only before)")
                .contains("before [{").contains("\"minutes\":" + tamperedMinutes + ","));
        assertThat(broken.text()).endsWith("VERDICT: FAIL");
    }
}
