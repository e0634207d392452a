package de.ticketwerk.load;

import de.ticketwerk.quota.policy.QuotaLedger;
import de.ticketwerk.terms.QuotaTerms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Under load, kills the application with SIGKILL, with and without its PostgreSQL, also while it starts up and
 * while a quota catches up, and starts it again. Then it checks that nothing was lost, doubled or changed: every
 * request stored exactly its one fact if it was answered 2xx, nothing if it was refused, one or nothing if it got no
 * answer; every time event was priced and debited exactly once, at the amounts the pricing policy gives for the
 * entry; every quota balance equals a recount of its events and the ledger computed from its usages; every read
 * model equals its rebuild; and a graceful stop warns of nothing.
 */
final class CrashTest {

    record Settings(Path jar, Path workDir, int clients, int kills, Duration minLoad, Duration maxLoad) {
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

    /** In turn: the JVM alone; the JVM and PostgreSQL; both, right after a ten-year catch-up began; during start-up. */
    enum Kill { JVM, JVM_AND_POSTGRES, DURING_CATCH_UP, DURING_START_UP }

    /** Low thresholds, so that tickets, contracts and quotas are snapshotted during the run. */
    static final String[] SNAPSHOTS_OFTEN = {"--ticketwerk.snapshots.ticket-after-events=10",
            "--ticketwerk.snapshots.customer-after-events=5", "--ticketwerk.snapshots.contract-after-events=20",
            "--ticketwerk.snapshots.quota-after-events=20"};

    private static final Duration START_PATIENCE = Duration.ofMinutes(3);
    private static final Duration QUIET_PATIENCE = Duration.ofMinutes(10);
    private static final Duration CATCH_UP_PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ACTOR = Pattern.compile("\"actor\":\"(crash-[^\"]+)\"");
    private static final String TICKET = "ticket.";
    private static final String PRICING = "pricing.";
    private static final String QUOTA = "quota.";
    /**
     * The facts a client's command stores; what processes derive from them (pricing, quota) carries its actor too, and
     * so does the response deadline a comment or the start of work meets (R-S2), stored beside the command's fact.
     */
    private static final String OWN_FACTS = """
            SELECT payload_type, payload FROM domain_event_entry WHERE payload LIKE '%"actor":"crash-%'
            AND (payload_type LIKE 'ticket.%' OR payload_type LIKE 'customer.%'
                 OR payload_type LIKE 'contract.%')
            AND payload_type NOT LIKE 'ticket.ResponseDeadline%'""";

    private static final String QUOTA_RECOUNT = """
            SELECT COALESCE(SUM(CASE substring(payload_type from '\\.(\\w+)$')
                WHEN 'QuotaCredited' THEN (p->>'minutes')::bigint
                WHEN 'QuotaDebited' THEN -(p->>'minutes')::bigint
                WHEN 'QuotaDebitReversed' THEN (p->>'minutes')::bigint
                WHEN 'QuotaReset' THEN -(p->>'forfeitedMinutes')::bigint
                WHEN 'QuotaResetCorrected' THEN (p->>'previousMinutes')::bigint - (p->>'forfeitedMinutes')::bigint
                WHEN 'QuotaOverageSettled' THEN (p->>'overageMinutes')::bigint
                WHEN 'QuotaSettlementCorrected' THEN (p->>'overageMinutes')::bigint - (p->>'previousMinutes')::bigint
                ELSE 0 END), 0)
            FROM (SELECT payload_type, payload::jsonb AS p FROM domain_event_entry
                  WHERE payload_type LIKE 'quota.%') quota_events
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
                settings.workDir(), SNAPSHOTS_OFTEN);
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try {
            application.start(START_PATIENCE);
            CrashWorkload workload = new CrashWorkload(application.url(), application.actorTokens());
            workload.setUp();
            Thread load = workload.start(settings.clients(), random.nextLong());
            for (int k = 1; k <= settings.kills(); k++) {
                Thread.sleep(between(settings.minLoad(), settings.maxLoad()));
                Kill kill = Kill.values()[(k - 1) % Kill.values().length];
                CrashWorkload.Customer catchingUp = null;
                switch (kill) {
                    case JVM -> application.kill();
                    case JVM_AND_POSTGRES -> application.killWithPostgres();
                    case DURING_CATCH_UP -> {
                        catchingUp = workload.concludeLongAgo("crash-catch-up-" + k);
                        application.killWithPostgres();
                    }
                    case DURING_START_UP -> {
                        application.kill();
                        application.killDuringStartUp(Duration.ofMillis(1000 + random.nextInt(3000)));
                    }
                }
                log.accept("kill -9 #%d: %s, after %d requests".formatted(k, kill, workload.sent().size()));
                long restarting = System.nanoTime();
                application.start(START_PATIENCE);
                log.accept("started again");
                if (catchingUp != null) {
                    caughtUpAfterRestart(application, catchingUp, restarting, passed, failed);
                }
            }
            Thread.sleep(between(settings.minLoad(), settings.maxLoad()));
            workload.stop();
            load.join();
            Map<Integer, Long> byStatus = new TreeMap<>();
            workload.sent().forEach(s -> byStatus.merge(s.status(), 1L, Long::sum));
            log.accept("load: %d requests, by status (0 = no answer): %s".formatted(workload.sent().size(),
                    byStatus));
            Verdict checked = check(application, workload.sent(), workload.customers());
            passed.addAll(checked.passed());
            failed.addAll(checked.failed());
        } finally {
            application.stop();
        }
        List<String> complaints = application.complaintsDuringShutdown();
        if (complaints.isEmpty()) {
            passed.add("a graceful stop (SIGTERM) logged no warning and no error");
        } else {
            failed.add("the graceful stop complained: " + complaints);
        }
        return new Verdict(passed, failed);
    }

    private static void caughtUpAfterRestart(Application application, CrashWorkload.Customer quota, long restarting,
                                             List<String> passed, List<String> failed) throws Exception {
        Api api = new Api(application.url(), application.actorTokens());
        long giveUp = restarting + CATCH_UP_PATIENCE.toNanos();
        // killed right after the contract was concluded, its read model may only catch up after the restart
        while (System.nanoTime() < giveUp && !api.get("/api/v1/contracts/" + quota.contractId()).ok()) {
            LoadDriver.pause(200);
        }
        LocalDate today = LocalDate.now(CrashWorkload.BERLIN);
        long expected = 600L * QuotaLedger.compute(quotaTerms(api, quota.contractId()), quota.start(), null,
                List.of(), today).credits().size();
        long credited = -1;
        while (System.nanoTime() < giveUp && credited != expected) {
            Api.Response balance = api.get("/api/v1/contracts/" + quota.contractId() + "/quota");
            credited = balance.ok() ? balance.json().get("credited").asLong() : -1;
            LoadDriver.pause(200);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - restarting);
        if (credited == expected) {
            passed.add("killed while a quota caught up ten years, it was caught up %d s after the restart began"
                    .formatted(took.toSeconds()));
        } else {
            failed.add("killed while a quota caught up ten years, it showed %d of %d credited minutes after %d s"
                    .formatted(credited, expected, took.toSeconds()));
        }
    }

    private long between(Duration min, Duration max) {
        return min.toMillis() + (long) (random.nextDouble() * (max.toMillis() - min.toMillis()));
    }

    static Verdict check(Application application, List<CrashWorkload.Sent> sent,
                         List<CrashWorkload.Customer> customers) throws Exception {
        Database database = Database.embedded(application.dataDir());
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Api api = new Api(application.url(), application.actorTokens());
        try (Connection connection = database.connect()) {
            if (!awaitQuiet(connection)) {
                failed.add("the processors did not catch up with the event store within " + QUIET_PATIENCE);
                return new Verdict(passed, failed);
            }
            eachRequestStoredItsFactAtMostOnce(connection, sent, passed, failed);
            History history = History.read(connection);
            eachTimeEventPricedAndDebitedOnce(history, passed, failed);
            pricesAreThePolicysPrices(api, history, passed, failed);
            quotaBalancesEqualRecountAndComputation(connection, api, history, customers, passed, failed);
            snapshotsWereTaken(connection, passed, failed);
            readModelsEqualRebuild(connection, api, passed, failed);
        }
        return new Verdict(passed, failed);
    }

    /**
     * Answered 2xx, also after retries with its Idempotency-Key: exactly its one fact, with the id it answered.
     * Refused: nothing. Unanswered within the patience: its one fact or nothing.
     */
    private static void eachRequestStoredItsFactAtMostOnce(Connection connection, List<CrashWorkload.Sent> sent,
                                                           List<String> passed, List<String> failed)
            throws SQLException {
        Map<String, Integer> facts = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(OWN_FACTS)) {
            while (rows.next()) {
                Matcher actor = ACTOR.matcher(rows.getString("payload"));
                if (actor.find()) {
                    facts.merge(actor.group(1), 1, Integer::sum);
                    JsonNode payload = JSON.readTree(rows.getString("payload"));
                    String type = rows.getString("payload_type");
                    ids.put(actor.group(1), type.endsWith(".TimeLogged") ? payload.get("entryId").asString()
                            : type.endsWith(".TicketOpened") ? payload.get("ticketId").asString()
                            : type.endsWith(".ContractConcluded") ? payload.get("contractId").asString() : null);
                }
            }
        }
        long answered = 0;
        long refused = 0;
        long unansweredStored = 0;
        long unansweredNothing = 0;
        long retried = sent.stream().filter(request -> request.attempts() > 1).count();
        List<String> wrong = new ArrayList<>();
        for (CrashWorkload.Sent request : sent) {
            int stored = facts.getOrDefault(request.actor(), 0);
            String what = request.command() + " " + request.actor() + " answered " + request.status();
            if (request.status() >= 500) {
                wrong.add(what);
            } else if (request.status() >= 200 && request.status() < 300) {
                answered++;
                if (stored != 1) {
                    wrong.add(what + " but stored " + stored + " facts");
                } else if (request.id() != null && !request.id().toString().equals(ids.get(request.actor()))) {
                    wrong.add(what + " with id " + request.id() + " but stored " + ids.get(request.actor()));
                }
            } else if (request.status() >= 400) {
                refused++;
                if (stored != 0) {
                    wrong.add(what + " but stored " + stored + " facts");
                }
            } else if (stored == 0) {
                unansweredNothing++;
            } else if (stored == 1) {
                unansweredStored++;
            } else {
                wrong.add(request.command() + " " + request.actor() + " got no answer and stored " + stored);
            }
        }
        if (!wrong.isEmpty()) {
            failed.add("requests whose answer does not match the store: " + wrong.size() + ", e.g. "
                    + wrong.subList(0, Math.min(10, wrong.size())));
        } else if (answered == 0 || refused == 0) {
            failed.add("the load produced %d answered and %d refused requests: nothing was tested".formatted(answered,
                    refused));
        } else {
            passed.add(("%d requests answered 2xx stored exactly their one fact (with the id they answered), %d of "
                    + "them sent more than once with their Idempotency-Key; %d refused stored nothing; %d "
                    + "unanswered: %d stored their one fact, %d nothing").formatted(answered, retried, refused,
                    unansweredStored + unansweredNothing, unansweredStored, unansweredNothing));
        }
    }

    /** Every time event's pricing, reversal and debit, by entry and the event's sequence number. */
    record History(Map<String, List<JsonNode>> timeEvents, Map<String, List<JsonNode>> priced,
                   Map<String, List<JsonNode>> reversed, Map<String, List<JsonNode>> debited,
                   Map<String, List<JsonNode>> debitsReversed) {

        static History read(Connection connection) throws SQLException {
            History history = new History(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                    new HashMap<>());
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                    SELECT payload_type, sequence_number, payload FROM domain_event_entry
                    WHERE payload_type IN ('%1$sTimeLogged', '%1$sTimeEntryCorrected', '%1$sTimeEntryVoided',
                        '%2$sTimeEntryPriced', '%2$sTimeEntryPricingReversed', '%3$sQuotaDebited',
                        '%3$sQuotaDebitReversed') ORDER BY global_index""".formatted(TICKET, PRICING, QUOTA))) {
                while (rows.next()) {
                    String type = rows.getString("payload_type");
                    JsonNode payload = JSON.readTree(rows.getString("payload"));
                    String entry = payload.get("entryId").asString();
                    Map<String, List<JsonNode>> into = switch (type.substring(type.indexOf('.') + 1)) {
                        case "TimeEntryPriced" -> history.priced;
                        case "TimeEntryPricingReversed" -> history.reversed;
                        case "QuotaDebited" -> history.debited;
                        case "QuotaDebitReversed" -> history.debitsReversed;
                        default -> {
                            ((tools.jackson.databind.node.ObjectNode) payload).put("_sequence",
                                    rows.getLong("sequence_number"));
                            ((tools.jackson.databind.node.ObjectNode) payload).put("_type",
                                    type.substring(type.indexOf('.') + 1));
                            yield history.timeEvents;
                        }
                    };
                    into.computeIfAbsent(entry, e -> new ArrayList<>()).add(payload);
                }
            }
            return history;
        }

        /**
         * The pricing in force now: the last one, unless a later void or correction reversed it (a correction's
         * reversal and its new pricing share the correction's sequence number).
         */
        JsonNode activePricing(String entry) {
            List<JsonNode> pricings = priced.getOrDefault(entry, List.of());
            if (pricings.isEmpty()) {
                return null;
            }
            JsonNode last = pricings.stream().max(Comparator.comparingLong(p -> p.get("sourceSequence").asLong()))
                    .orElseThrow();
            long reversedAt = reversed.getOrDefault(entry, List.of()).stream()
                    .mapToLong(r -> r.get("sourceSequence").asLong()).max().orElse(-1);
            return reversedAt > last.get("sourceSequence").asLong() ? null : last;
        }

        JsonNode latestTimeEvent(String entry) {
            List<JsonNode> events = timeEvents.get(entry);
            return events.get(events.size() - 1);
        }

        long debitedMinutes(String entry) {
            return debited.getOrDefault(entry, List.of()).stream().mapToLong(d -> d.get("minutes").asLong()).sum()
                    - debitsReversed.getOrDefault(entry, List.of()).stream().mapToLong(d -> d.get("minutes").asLong())
                    .sum();
        }
    }

    private static void eachTimeEventPricedAndDebitedOnce(History history, List<String> passed, List<String> failed) {
        List<String> wrong = new ArrayList<>();
        int events = 0;
        for (Map.Entry<String, List<JsonNode>> entry : history.timeEvents().entrySet()) {
            for (JsonNode event : entry.getValue()) {
                events++;
                long sequence = event.get("_sequence").asLong();
                String type = event.get("_type").asString();
                long prices = count(history.priced(), entry.getKey(), sequence);
                long reversals = count(history.reversed(), entry.getKey(), sequence);
                long debits = count(history.debited(), entry.getKey(), sequence);
                long expectedPrices = type.equals("TimeEntryVoided") ? 0 : 1;
                long expectedReversals = type.equals("TimeLogged") ? 0 : 1;
                if (prices != expectedPrices || reversals != expectedReversals || debits > 1) {
                    wrong.add("%s %s #%d: priced %d, reversed %d, debited %d times".formatted(type, entry.getKey(),
                            sequence, prices, reversals, debits));
                }
            }
            JsonNode active = history.activePricing(entry.getKey());
            long expectedDebit = active != null && active.get("pricing").get("settlement").asString().equals("QUOTA")
                    ? active.get("pricing").get("quotaMinutes").asLong() : 0;
            if (history.debitedMinutes(entry.getKey()) != expectedDebit) {
                wrong.add("entry %s: %d minutes debited, its pricing says %d".formatted(entry.getKey(),
                        history.debitedMinutes(entry.getKey()), expectedDebit));
            }
        }
        for (String entry : history.priced().keySet()) {
            if (!history.timeEvents().containsKey(entry)) {
                wrong.add("entry " + entry + " priced without a time event");
            }
        }
        if (!wrong.isEmpty()) {
            failed.add("time events not priced, reversed or debited exactly once: " + wrong.size() + ", e.g. "
                    + wrong.subList(0, Math.min(10, wrong.size())));
        } else if (events == 0) {
            failed.add("no time events: nothing was priced");
        } else {
            passed.add(("each of %d time events of %d entries was priced, reversed and debited exactly once, and "
                    + "each entry's debits add up to its pricing").formatted(events, history.timeEvents().size()));
        }
    }

    private static long count(Map<String, List<JsonNode>> events, String entry, long sequence) {
        return events.getOrDefault(entry, List.of()).stream()
                .filter(e -> e.get("sourceSequence").asLong() == sequence).count();
    }

    /** Each entry's pricing in force, against the policy's answer for the same work (the preview). */
    private static void pricesAreThePolicysPrices(Api api, History history, List<String> passed,
                                                  List<String> failed) throws IOException {
        List<String> differing = new ArrayList<>();
        int compared = 0;
        for (String entry : history.timeEvents().keySet()) {
            JsonNode active = history.activePricing(entry);
            if (active == null || active.get("contractId").isNull()) {
                continue;
            }
            JsonNode work = history.latestTimeEvent(entry);
            JsonNode details = work.get("entry");
            Api.Response preview = api.post("/api/v1/pricing/preview", """
                    {"contractId": "%s", "kind": "%s", "serviceItem": "%s", "start": "%s", "end": "%s",
                     "role": "%s", "mode": "%s", "billable": %s, "nonBillableReason": %s, "emergency": %s}"""
                    .formatted(active.get("contractId").asString(), work.get("kind").asString(),
                            work.get("serviceItem").asString(), details.get("start").asString(),
                            details.get("end").asString(), details.get("role").asString(),
                            details.get("mode").asString(), details.get("billable").asBoolean(),
                            details.get("nonBillableReason").isNull() ? "null"
                                    : "\"" + details.get("nonBillableReason").asString() + "\"",
                            details.get("emergency").asBoolean()));
            compared++;
            String difference = preview.ok() ? difference(active.get("pricing"), preview.json())
                    : "preview answered " + preview.status() + ": " + preview.body();
            if (difference != null) {
                differing.add(entry + ": " + difference);
            }
        }
        if (!differing.isEmpty()) {
            failed.add("priced entries that differ from the pricing policy: " + differing.size() + ", e.g. "
                    + differing.subList(0, Math.min(5, differing.size())));
        } else if (compared == 0) {
            failed.add("no priced entry to compare with the pricing policy");
        } else {
            passed.add("the pricing in force of each of %d entries equals the policy's for its work, to the cent"
                    .formatted(compared));
        }
    }

    private static String difference(JsonNode stored, JsonNode policy) {
        for (String field : List.of("pricedAs", "workDate", "settlement", "rawMinutes", "coveredMinutes",
                "chargedMinutes", "billedMinutes", "quotaMinutes")) {
            if (!stored.get(field).asString().equals(policy.get(field).asString())) {
                return field + " " + stored.get(field) + " but the policy says " + policy.get(field);
            }
        }
        for (String field : List.of("hourlyRate", "baseAmount", "surchargeAmount", "travelFee", "netAmount")) {
            if (new BigDecimal(stored.get(field).asString()).compareTo(new BigDecimal(policy.get(field).asString()))
                    != 0) {
                return field + " " + stored.get(field) + " but the policy says " + policy.get(field);
            }
        }
        return null;
    }

    /** The balance shown, a recount of the quota's events and the ledger computed from its usages agree. */
    private static void quotaBalancesEqualRecountAndComputation(Connection connection, Api api, History history,
                                                                List<CrashWorkload.Customer> customers,
                                                                List<String> passed, List<String> failed)
            throws Exception {
        List<String> differing = new ArrayList<>();
        int quotas = 0;
        LocalDate today = LocalDate.now(CrashWorkload.BERLIN);
        try (PreparedStatement recount = connection.prepareStatement(QUOTA_RECOUNT)) {
            for (CrashWorkload.Customer customer : customers) {
                if (!customer.type().equals("QUOTA")) {
                    continue;
                }
                quotas++;
                recount.setString(1, customer.contractId().toString());
                long fromEvents;
                try (ResultSet rows = recount.executeQuery()) {
                    rows.next();
                    fromEvents = rows.getLong(1);
                }
                long computed = QuotaLedger.compute(quotaTerms(api, customer.contractId()), customer.start(), null,
                        usages(history, customer.contractId()), today).balance();
                Api.Response response = api.get("/api/v1/contracts/" + customer.contractId() + "/quota");
                long shown = response.ok() ? response.json().get("balance").asLong() : Long.MIN_VALUE;
                if (shown != fromEvents || shown != computed) {
                    differing.add("%s shows %s, its events add up to %d, its ledger computes to %d".formatted(
                            customer.contractId(), response.ok() ? shown : "HTTP " + response.status(), fromEvents,
                            computed));
                }
            }
        }
        if (differing.isEmpty()) {
            passed.add(("the balance of each of %d quotas equals a recount of its events and the ledger computed "
                    + "from its usages").formatted(quotas));
        } else {
            failed.add("quota balances differ: " + differing);
        }
    }

    private static List<QuotaLedger.Usage> usages(History history, UUID contract) {
        List<QuotaLedger.Usage> usages = new ArrayList<>();
        history.debited().forEach((entry, debits) -> {
            JsonNode last = debits.get(debits.size() - 1);
            long reversedAt = history.debitsReversed().getOrDefault(entry, List.of()).stream()
                    .mapToLong(r -> r.get("sourceSequence").asLong()).max().orElse(-1);
            if (last.get("contractId").asString().equals(contract.toString())
                    && last.get("sourceSequence").asLong() >= reversedAt) {
                usages.add(new QuotaLedger.Usage(UUID.fromString(entry), LocalDate.parse(last.get("workDate")
                        .asString()), last.get("minutes").asLong()));
            }
        });
        return usages;
    }

    static QuotaTerms quotaTerms(Api api, UUID contract) throws IOException {
        JsonNode quota = api.get("/api/v1/contracts/" + contract).json().get("terms").get("quota");
        return new QuotaTerms(quota.get("allotmentMinutes").asLong(),
                QuotaTerms.AllotmentPeriod.valueOf(quota.get("period").asString()),
                QuotaTerms.ExpiryPolicy.valueOf(quota.get("expiry").asString()),
                QuotaTerms.SettlementPeriod.valueOf(quota.get("settlement").asString()),
                new BigDecimal(quota.get("overageRate").asString()));
    }

    private static void snapshotsWereTaken(Connection connection, List<String> passed, List<String> failed)
            throws SQLException {
        Map<String, Long> snapshots = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT type, COUNT(*) FROM snapshot_event_entry GROUP BY 1")) {
            while (rows.next()) {
                snapshots.put(rows.getString(1), rows.getLong(2));
            }
        }
        if (snapshots.keySet().containsAll(List.of("Ticket", "Contract", "Quota"))) {
            passed.add("aggregates were rebuilt from snapshots across the kills: " + snapshots);
        } else {
            failed.add("too few events for snapshots of tickets, contracts and quotas: " + snapshots);
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
                        differing.add("%s (%d rows only after the rebuild, %d only before): after %s, before %s"
                                .formatted(table, rows.getLong(2), rows.getLong(3),
                                        sample(connection, "public", "crash_check", table),
                                        sample(connection, "crash_check", "public", table)));
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

    /** Up to three rows of {@code schema.table} that {@code other.table} lacks, as text, for the report. */
    private static List<String> sample(Connection connection, String schema, String other, String table)
            throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery("""
                     SELECT row_to_json(r)::text FROM (SELECT * FROM %2$s.%1$s EXCEPT ALL SELECT * FROM %3$s.%1$s) r
                     LIMIT 3""".formatted(table, schema, other))) {
            while (found.next()) {
                rows.add(found.getString(1));
            }
        }
        return rows;
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
