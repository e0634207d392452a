package de.ticketwerk.app.benchmark;

import de.ticketwerk.app.config.EmbeddedPostgresServer;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.projections.audit.ChainVerification;
import de.ticketwerk.projections.audit.EventChain;
import de.ticketwerk.projections.rebuild.ShadowRebuild;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding every read model from a large event store, against the raw rate of reading the event table in the same
 * run. The store holds copies of a real history (customers, QUOTA contracts, tickets with their lifecycle, time
 * entries priced, corrected and debited), each copy with its own ids. Against the same raw rate: the hash chain's
 * linking and its verification (R-AU3) and the auditors' event stream over HTTP (R-AU4). The test command runs it once
 * with a few thousand events (the smoke run); BENCHMARKS.md gives the full command.
 */
@Tag("benchmark")
@TestPropertySource(properties = {"ticketwerk.embedded-postgres.durable=true",
        "ticketwerk.audit.chain-interval=1h"})
class ReplayBenchmark extends ApiTest {

    private static final int EVENTS = Integer.getInteger("replay.events", 1_000_000);
    private final JsonMapper json = JsonMapper.builder().build();
    private static final List<String> READ_MODELS = List.of("tickets", "customers", "contracts",
            "time-entry-pricing", "quota-ledger");
    /** Every UUID of a copy keeps its first 24 hex digits and ends in the copy's number. */
    private static final String COPY = "regexp_replace(%s, '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)"
            + "[0-9a-f]{12}', '\\1' || lpad(to_hex(k), 12, '0'), 'g')";
    /**
     * A copy's tickets have numbers of their own (the copy's number after the year); the number series' own events
     * (a series per year, no UUID to tell the copies apart) are not copied: no read model reads them.
     */
    private static final String OWN_NUMBERS = "regexp_replace(%s, '\"number\":\"T([0-9]{4})-', "
            + "'\"number\":\"T\\1-' || k || '-', 'g')";

    @Autowired
    private EmbeddedPostgresServer postgres;

    @Autowired
    private EventChain chain;

    @Autowired
    private ChainVerification verification;

    @Autowired
    private ShadowRebuild shadowRebuild;

    @Test
    void rebuildingEveryReadModelAgainstReadingTheEventTable() throws Exception {
        history();
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        processors.forEach(this::awaitCaughtUp);
        long template = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        long templateHead = head();
        processors.forEach(StreamingEventProcessor::shutDown);

        long copies = Math.max(1, (EVENTS - template + template - 1) / template);
        long insertStart = System.nanoTime();
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT %s, %s, t.sequence_number, t.type, t.time_stamp, t.payload_type, t.payload_revision, %s,
                       t.meta_data
                FROM generate_series(1, ?) k CROSS JOIN (SELECT * FROM domain_event_entry WHERE global_index <= ?
                                                          AND type <> 'NumberSeries') t
                ORDER BY k, t.global_index""".formatted(COPY.formatted("t.event_identifier"),
                COPY.formatted("t.aggregate_identifier"), OWN_NUMBERS.formatted(COPY.formatted("t.payload"))),
                copies, templateHead);
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        System.out.printf("%nReplay benchmark: a history of %,d events copied %,d times in %.0f s: %,d events%n",
                template, copies, (System.nanoTime() - insertStart) / 1e9, events);

        double rawPerSecond = readTheEventTable(events);
        double linkedPerSecond = linkTheChain(events);
        double verifiedPerSecond = verifyTheChain(events);
        double streamedPerSecond = streamTheEvents(events);

        Map<String, Double> finishedAfter = new LinkedHashMap<>();
        List<StreamingEventProcessor> readModels = new ArrayList<>();
        for (String name : READ_MODELS) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow();
            processor.resetTokens();
            readModels.add(processor);
        }
        long replayStart = System.nanoTime();
        readModels.forEach(StreamingEventProcessor::start);
        long last = head();
        await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (StreamingEventProcessor processor : readModels) {
                if (!finishedAfter.containsKey(processor.getName()) && caughtUp(processor, last)) {
                    finishedAfter.put(processor.getName(), (System.nanoTime() - replayStart) / 1e9);
                }
            }
            return finishedAfter.size() == readModels.size();
        });
        double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
        double replayPerSecond = events / replaySeconds;

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_view", Long.class)).isGreaterThan(copies);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quota_ledger_view", Long.class)).isGreaterThan(copies);
        long shadowStart = System.nanoTime();
        ShadowRebuild.Status shadow = shadowRebuild();
        double shadowSeconds = (System.nanoTime() - shadowStart) / 1e9;
        double shadowPerSecond = shadow.result().eventsPerSecond();
        System.out.printf("""
                        reading the event table: %,.0f events/s
                        linking the hash chain: %,.0f events/s (ratio %.3f)
                        verifying the hash chain: %,.0f events/s (ratio %.3f)
                        the event stream over HTTP: %,.0f events/s (ratio %.3f)
                        rebuilding all %d read models at once: %.1f s, %,.0f events/s; each finished after %s
                        ratio rebuild/read: %.3f
                        the shadow rebuild of all %d read models (one pass, two lanes): replay %.1f s, %,.0f events/s \
                        (ratio %.3f); with copies and comparison %.1f s%n%n""",
                rawPerSecond, linkedPerSecond, linkedPerSecond / rawPerSecond,
                verifiedPerSecond, verifiedPerSecond / rawPerSecond, streamedPerSecond,
                streamedPerSecond / rawPerSecond, readModels.size(), replaySeconds, replayPerSecond, finishedAfter,
                replayPerSecond / rawPerSecond, shadowRebuild.readModels().size(),
                shadow.result().replayMillis() / 1e3, shadowPerSecond, shadowPerSecond / rawPerSecond,
                shadowSeconds);
    }

    /** Every read model rebuilt beside the live ones, which have caught up: the copies equal them. */
    private ShadowRebuild.Status shadowRebuild() {
        ShadowRebuild.Status run = shadowRebuild.begin("benchmark", head()).orElseThrow();
        shadowRebuild.run(run.id(), position -> true);
        ShadowRebuild.Status done = shadowRebuild.status(run.id()).orElseThrow();
        assertThat(done.result().equal()).as(done.toString()).isTrue();
        assertThat(done.eventsDone()).isEqualTo(done.eventsTotal());
        return done;
    }

    /** Two customers with QUOTA contracts; tickets through their lifecycle with priced, corrected time. */
    private void history() {
        for (int c = 0; c < 2; c++) {
            UUID customer = registerCustomer("Replay " + c, "NW");
            concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-01-01\"");
            for (int t = 0; t < 5; t++) {
                UUID ticket = openTicket(customer, "Replay " + t);
                String path = "/api/v1/tickets/" + ticket;
                ok(http.put(path + "/assignee", "{\"assignee\": \"jonas\"}"));
                ok(http.post(path + "/start-work", null));
                http.post(path + "/comments", "{\"visibility\": \"PUBLIC\", \"text\": \"Wir sind dran\"}");
                UUID entry = null;
                for (int e = 0; e < 5; e++) {
                    String day = "2026-03-%02d".formatted(2 + e);
                    entry = logTime(ticket, day + "T15:00:00Z", day + "T16:30:00Z");
                }
                ok(http.put(path + "/time-entries/" + entry, """
                        {"start": "2026-03-06T15:00:00Z", "end": "2026-03-06T16:00:00Z", "role": "TECHNICIAN",
                         "mode": "REMOTE", "reason": "typo"}"""));
            }
        }
    }

    private double readTheEventTable(long events) throws Exception {
        long start = System.nanoTime();
        long read = 0;
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(),
                postgres.password())) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                    FROM domain_event_entry ORDER BY global_index""")) {
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rows.getString("payload");
                        read++;
                    }
                }
            }
        }
        assertThat(read).isEqualTo(events);
        return read / ((System.nanoTime() - start) / 1e9);
    }

    private double linkTheChain(long events) {
        long start = System.nanoTime();
        chain.catchUp();
        double perSecond = events / ((System.nanoTime() - start) / 1e9);
        assertThat(chain.head().orElseThrow().position()).isEqualTo(head());
        return perSecond;
    }

    private double verifyTheChain(long events) {
        long start = System.nanoTime();
        ChainVerification.Result result = verification.verify();
        double perSecond = events / ((System.nanoTime() - start) / 1e9);
        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.events()).isEqualTo(events);
        return perSecond;
    }

    /** Through the API, as an auditor's tool reads it: a million events per request, lines counted as they come. */
    private double streamTheEvents(long events) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        long read = 0;
        long after = 0;
        while (read < events) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port()
                            + "/api/v1/audit/events?limit=1000000&after=" + after))
                    .header("Authorization", "Bearer " + http.tokenOf("auditor")).build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            long before = read;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                String last = null;
                while ((line = lines.readLine()) != null) {
                    read++;
                    last = line;
                }
                assertThat(read).as("events after position " + after).isGreaterThan(before);
                after = json.readTree(last).get("position").asLong();
            }
        }
        assertThat(read).isEqualTo(events);
        return read / ((System.nanoTime() - start) / 1e9);
    }

    private long head() {
        return jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        return !processor.isReplaying() && !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp()
                && s.getCurrentPosition().orElse(-1) >= head);
    }
}
