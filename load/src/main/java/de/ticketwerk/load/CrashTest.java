package de.ticketwerk.load;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Under load, kills the application with SIGKILL several times and starts it again. Then it checks that nothing was
 * lost or doubled: every command answered 2xx is in the event store exactly once, every logged entry was priced and
 * debited exactly once, every read model equals its rebuild from the events, and every quota balance equals a recount
 * of the quota's events.
 */
final class CrashTest {

    record Settings(Path jar, Path workDir, int clients, int customersPerClient, int kills, Duration minLoad,
                    Duration maxLoad) {
    }

    record Verdict(List<String> passed, List<String> failed) {
        boolean ok() {
            return failed.isEmpty() && !passed.isEmpty();
        }

        String text() {
            StringBuilder text = new StringBuilder();
            passed.forEach(p -> text.append("  ok    ").append(p).append('\n'));
            failed.forEach(f -> text.append("  FAIL  ").append(f).append('\n'));
            return text.append(ok() ? "VERDICT: PASS" : "VERDICT: FAIL").toString();
        }
    }

    private static final Duration START_PATIENCE = Duration.ofMinutes(3);
    private static final Duration QUIET_PATIENCE = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Which stored event proves a command, and where its id is. */
    private static final Map<String, String> PROOF = new LinkedHashMap<>();

    static {
        PROOF.put("RegisterCustomer", "SELECT aggregate_identifier FROM domain_event_entry"
                + " WHERE payload_type = 'de.ticketwerk.customer.api.CustomerEvents$CustomerRegistered'");
        PROOF.put("ConcludeContract", "SELECT aggregate_identifier FROM domain_event_entry"
                + " WHERE payload_type = 'de.ticketwerk.contract.api.ContractEvents$ContractConcluded'");
        PROOF.put("OpenTicket", "SELECT aggregate_identifier FROM domain_event_entry"
                + " WHERE payload_type = 'de.ticketwerk.ticket.api.TicketEvents$TicketOpened'");
        PROOF.put("LogTime", "SELECT payload::jsonb->>'entryId' FROM domain_event_entry"
                + " WHERE payload_type = 'de.ticketwerk.ticket.api.TicketEvents$TimeLogged'");
    }

    private static final String TIME_LOGGED = PROOF.get("LogTime");
    private static final String PRICED = "SELECT payload::jsonb->>'entryId' FROM domain_event_entry"
            + " WHERE payload_type = 'de.ticketwerk.pricing.api.PricingEvents$TimeEntryPriced'";
    private static final String DEBITED = "SELECT payload::jsonb->>'entryId' FROM domain_event_entry"
            + " WHERE payload_type = 'de.ticketwerk.quota.api.QuotaEvents$QuotaDebited'";

    private static final String QUOTA_RECOUNT = """
            SELECT COALESCE(SUM(CASE substring(payload_type from '\\$(\\w+)$')
                WHEN 'QuotaCredited' THEN (p->>'minutes')::bigint
                WHEN 'QuotaDebited' THEN -(p->>'minutes')::bigint
                WHEN 'QuotaDebitReversed' THEN (p->>'minutes')::bigint
                WHEN 'QuotaReset' THEN -(p->>'forfeitedMinutes')::bigint
                WHEN 'QuotaResetCorrected' THEN (p->>'previousMinutes')::bigint - (p->>'forfeitedMinutes')::bigint
                WHEN 'QuotaOverageSettled' THEN (p->>'overageMinutes')::bigint
                WHEN 'QuotaSettlementCorrected' THEN (p->>'overageMinutes')::bigint - (p->>'previousMinutes')::bigint
                ELSE 0 END), 0)
            FROM (SELECT payload_type, payload::jsonb AS p FROM domain_event_entry
                  WHERE payload_type LIKE 'de.ticketwerk.quota.api.QuotaEvents$%') quota_events
            WHERE p->>'contractId' = ?""";

    private final Settings settings;
    private final Consumer<String> log;
    private final Random random = new Random();

    CrashTest(Settings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    Verdict run() throws Exception {
        Files.createDirectories(settings.workDir());
        Application application = new Application(settings.jar(), settings.workDir().resolve("data"),
                settings.workDir());
        try {
            application.start(START_PATIENCE);
            LoadDriver driver = new LoadDriver(application.url());
            List<LoadDriver.Client> clients = driver.setUp(settings.clients(), settings.customersPerClient());
            LoadDriver.Report[] report = new LoadDriver.Report[1];
            Thread load = LoadDriver.started("crash-load", () -> {
                try {
                    report[0] = driver.run(clients, Duration.ofDays(1), false);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int k = 1; k <= settings.kills(); k++) {
                Thread.sleep(between(settings.minLoad(), settings.maxLoad()));
                application.kill();
                log.accept("kill -9 #%d after %d answered commands".formatted(k, driver.answered().size()));
                application.start(START_PATIENCE);
                log.accept("started again");
            }
            Thread.sleep(between(settings.minLoad(), settings.maxLoad()));
            driver.stop();
            load.join();
            log.accept("load: %d requests answered; not 2xx, by status (0 = no answer): %s".formatted(
                    report[0].commands(), report[0].errorsByStatus()));
            return check(application, clients, driver.answered());
        } finally {
            application.stop();
        }
    }

    private long between(Duration min, Duration max) {
        return min.toMillis() + (long) (random.nextDouble() * (max.toMillis() - min.toMillis()));
    }

    static Verdict check(Application application, List<LoadDriver.Client> clients,
                         List<LoadDriver.Answered> answered) throws Exception {
        Database database = Database.embedded(application.dataDir());
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Api api = new Api(application.url());
        try (Connection connection = database.connect()) {
            if (!awaitQuiet(connection)) {
                failed.add("the processors did not catch up with the event store within " + QUIET_PATIENCE);
                return new Verdict(passed, failed);
            }
            storedExactlyOnce(connection, answered, passed, failed);
            pricedAndDebitedExactlyOnce(connection, passed, failed);
            quotaBalancesEqualRecount(connection, api, clients, passed, failed);
            readModelsEqualRebuild(connection, api, passed, failed);
        }
        return new Verdict(passed, failed);
    }

    private static void storedExactlyOnce(Connection connection, List<LoadDriver.Answered> answered, List<String> passed,
                                   List<String> failed) throws SQLException {
        Map<String, List<UUID>> byCommand = new HashMap<>();
        answered.forEach(a -> byCommand.computeIfAbsent(a.command(), c -> new ArrayList<>()).add(a.id()));
        for (Map.Entry<String, String> proof : PROOF.entrySet()) {
            List<UUID> ids = byCommand.getOrDefault(proof.getKey(), List.of());
            Map<String, Integer> stored = countById(connection, proof.getValue());
            long missing = ids.stream().filter(id -> !stored.containsKey(id.toString())).count();
            long doubled = stored.values().stream().filter(n -> n > 1).count();
            String what = "%s: %d answered 2xx, %d stored".formatted(proof.getKey(), ids.size(),
                    stored.values().stream().mapToInt(Integer::intValue).sum());
            if (ids.isEmpty() && !proof.getKey().equals("RegisterCustomer")) {
                failed.add(what + ": the load produced none, so nothing was tested");
            } else if (missing > 0 || doubled > 0) {
                failed.add(what + ": %d answered but not stored, %d stored more than once".formatted(missing,
                        doubled));
            } else {
                passed.add(what + ", each answered one exactly once");
            }
        }
    }

    private static void pricedAndDebitedExactlyOnce(Connection connection, List<String> passed, List<String> failed)
            throws SQLException {
        Map<String, Integer> logged = countById(connection, TIME_LOGGED);
        for (Map.Entry<String, String> stage : List.of(Map.entry("priced", PRICED), Map.entry("debited", DEBITED))) {
            Map<String, Integer> done = countById(connection, stage.getValue());
            long notOnce = logged.keySet().stream().filter(id -> done.getOrDefault(id, 0) != 1).count();
            long unknown = done.keySet().stream().filter(id -> !logged.containsKey(id)).count();
            if (notOnce > 0 || unknown > 0) {
                failed.add("%d of %d stored entries not %s exactly once, %d %s without a stored entry".formatted(
                        notOnce, logged.size(), stage.getKey(), unknown, stage.getKey()));
            } else {
                passed.add("every one of %d stored entries %s exactly once".formatted(logged.size(),
                        stage.getKey()));
            }
        }
    }

    private static void quotaBalancesEqualRecount(Connection connection, Api api, List<LoadDriver.Client> clients,
                                           List<String> passed, List<String> failed) throws Exception {
        List<String> differing = new ArrayList<>();
        List<LoadDriver.Customer> customers = LoadDriver.customers(clients);
        try (PreparedStatement recount = connection.prepareStatement(QUOTA_RECOUNT)) {
            for (LoadDriver.Customer client : customers) {
                recount.setString(1, client.contractId().toString());
                long fromEvents;
                try (ResultSet rows = recount.executeQuery()) {
                    rows.next();
                    fromEvents = rows.getLong(1);
                }
                Api.Response response = api.get("/api/v1/contracts/" + client.contractId() + "/quota");
                long shown = response.ok() ? response.json().get("balance").asLong() : Long.MIN_VALUE;
                if (shown != fromEvents) {
                    differing.add("%s shows %s, events say %d".formatted(client.contractId(),
                            response.ok() ? shown : "HTTP " + response.status(), fromEvents));
                }
            }
        }
        if (differing.isEmpty()) {
            passed.add("the balance of each of %d quotas equals a recount of its events".formatted(customers.size()));
        } else {
            failed.add("quota balances differ from a recount: " + differing);
        }
    }

    /** Copies every read model table aside, rebuilds every projection through the API and compares row by row. */
    private static void readModelsEqualRebuild(Connection connection, Api api, List<String> passed, List<String> failed)
            throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'public' AND table_name LIKE '%\\_view' ORDER BY table_name""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            statement.execute("DROP SCHEMA IF EXISTS crash_check CASCADE");
            statement.execute("CREATE SCHEMA crash_check");
            for (String table : tables) {
                statement.execute("CREATE TABLE crash_check.%1$s AS SELECT * FROM public.%1$s".formatted(table));
            }
        }
        List<String> projections = new ArrayList<>();
        for (JsonNode projection : api.get("/api/v1/projections").json()) {
            projections.add(projection.get("name").asString());
        }
        for (String projection : projections) {
            Api.Response response = api.post("/api/v1/projections/" + projection + "/rebuild", null);
            if (response.status() != 202) {
                failed.add("rebuilding " + projection + " answered " + response.status());
                return;
            }
        }
        if (!awaitQuiet(connection)) {
            failed.add("the rebuilt projections did not catch up within " + QUIET_PATIENCE);
            return;
        }
        List<String> differing = new ArrayList<>();
        long rowCount = 0;
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("""
                        SELECT (SELECT COUNT(*) FROM public.%1$s),
                               (SELECT COUNT(*) FROM (SELECT * FROM public.%1$s EXCEPT ALL
                                                      SELECT * FROM crash_check.%1$s) surplus),
                               (SELECT COUNT(*) FROM (SELECT * FROM crash_check.%1$s EXCEPT ALL
                                                      SELECT * FROM public.%1$s) lacking)""".formatted(table))) {
                    rows.next();
                    rowCount += rows.getLong(1);
                    if (rows.getLong(2) + rows.getLong(3) > 0) {
                        differing.add("%s (%d rows only after the rebuild, %d only before)".formatted(table,
                                rows.getLong(2), rows.getLong(3)));
                    }
                }
            }
            statement.execute("DROP SCHEMA crash_check CASCADE");
        }
        if (differing.isEmpty()) {
            passed.add("%d read model tables (%d rows, projections %s) equal their rebuild from the events"
                    .formatted(tables.size(), rowCount, projections));
        } else {
            failed.add("read models differ from their rebuild: " + differing);
        }
    }

    private static Map<String, Integer> countById(Connection connection, String query) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                counts.merge(rows.getString(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Quiet: no new event for a second, and every processor's token has reached the last event. */
    private static boolean awaitQuiet(Connection connection) throws SQLException, InterruptedException {
        long giveUp = System.nanoTime() + QUIET_PATIENCE.toNanos();
        long lastHead = -1;
        while (System.nanoTime() < giveUp) {
            long head = head(connection);
            if (head == lastHead && lowestTokenPosition(connection) >= head) {
                return true;
            }
            lastHead = head;
            Thread.sleep(1000);
        }
        return false;
    }

    private static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The position of the processor segment furthest behind; a replay token counts by where its replay is. */
    private static long lowestTokenPosition(Connection connection) throws SQLException {
        long lowest = Long.MAX_VALUE;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT token FROM token_entry")) {
            while (rows.next()) {
                lowest = Math.min(lowest, position(rows.getString(1)));
            }
        }
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }

    static long position(String token) {
        if (token == null) {
            return -1;
        }
        JsonNode node = JSON.readTree(token);
        while (node.has("currentToken")) {
            node = node.get("currentToken");
        }
        return node.has("index") ? node.get("index").asLong() : -1;
    }

}
