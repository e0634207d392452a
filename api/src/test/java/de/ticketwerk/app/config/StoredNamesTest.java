package de.ticketwerk.app.config;

import de.ticketwerk.app.TicketwerkApplication;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.contract.api.ContractEvents;
import de.ticketwerk.contract.domain.Contract;
import de.ticketwerk.customer.api.CustomerEvents;
import de.ticketwerk.customer.domain.Customer;
import de.ticketwerk.invoice.api.InvoiceEvents;
import de.ticketwerk.invoice.domain.Invoice;
import de.ticketwerk.invoice.domain.NumberSeries;
import de.ticketwerk.pricing.api.PricingEvents;
import de.ticketwerk.quota.api.QuotaEvents;
import de.ticketwerk.quota.domain.Quota;
import de.ticketwerk.ticket.api.TicketEvents;
import de.ticketwerk.ticket.domain.Ticket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stores written by earlier builds keep loading: a recording of {@link StoreFixture}'s history, made by the build
 * that still stored Java class names, is loaded into an empty store; the read models built from it answer what they
 * answered then, and its aggregates (from its snapshots) take new commands.
 */
class StoredNamesTest {

    @TempDir
    Path dataDir;

    /**
     * Without the automatic billing run: at start-up it records the month just ended once the processors have caught
     * up, and whether that happens before or after the recording is loaded is a race; this test counts the events.
     */
    private ConfigurableApplicationContext start(String... extra) {
        return new SpringApplicationBuilder(TicketwerkApplication.class).run(Stream.concat(Stream.of(
                "--server.port=0", "--ticketwerk.embedded-postgres.data-dir=" + dataDir,
                "--ticketwerk.embedded-postgres.durable=false", "--ticketwerk.invoicing.run-cron=-"),
                Stream.of(extra)).toArray(String[]::new));
    }

    private static Http http(ConfigurableApplicationContext context) {
        return Http.of(context);
    }

    /** Writes a new recording: {@code -Dfixture.record=api/src/test/resources/fixtures/store-….json}. */
    @Test
    @EnabledIfSystemProperty(named = "fixture.record", matches = ".+")
    void record() throws IOException {
        try (ConfigurableApplicationContext context = start("--ticketwerk.snapshots.ticket-after-events=5",
                "--ticketwerk.snapshots.customer-after-events=2", "--ticketwerk.snapshots.contract-after-events=3",
                "--ticketwerk.snapshots.quota-after-events=5")) {
            Http http = http(context);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Map<String, UUID> ids = StoreFixture.record(http);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(DISTINCT type) FROM snapshot_event_entry", Long.class) == 4);
            settled(http, jdbc);
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            for (String path : StoreFixture.paths(ids)) {
                Http.Response response = http.get(path);
                assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
                answers.put(path, response.json());
            }
            Files.writeString(Path.of(System.getProperty("fixture.record")),
                    StoreFixture.MAPPER.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(StoreFixture.dump(jdbc, ids, answers)));
        }
    }

    /**
     * {@code store-class-names.json}: recorded by f0ad7b5, the last build that stored every type under its Java class
     * name; {@code store-names-1.json}: recorded by the first build with {@link StoredNames}, revision 1.
     */
    @ParameterizedTest
    @CsvSource({"store-class-names.json, de.ticketwerk.customer.api.CustomerEvents$CustomerRegistered",
            "store-names-1.json, customer.CustomerRegistered"})
    void aStoreRecordedByAnEarlierBuildLoadsAndAnswersAsItDid(String recording, String firstType)
            throws IOException {
        JsonNode fixture = read("/fixtures/" + recording);
        assertThat(fixture.get("domain_event_entry").get(0).get("payload_type").asString())
                .as("the recording's stored names").isEqualTo(firstType);
        try (ConfigurableApplicationContext context = start()) {
            Http http = http(context);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long recorded = StoreFixture.load(jdbc, fixture);
            settled(http, jdbc);

            fixture.get("answers").properties().forEach(answer -> {
                Http.Response response = http.get(answer.getKey());
                assertThat(response.status()).as(answer.getKey()).isEqualTo(200);
                assertThat(withoutAdditions(response.json())).as(answer.getKey()).isEqualTo(answer.getValue());
            });
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                    .as("replaying the recorded history decides nothing again").isEqualTo(recorded);

            JsonNode ids = fixture.get("ids");
            String hourlyTicket = ids.get("hourlyTicket").asString();
            Http.Response logged = http.post("/api/v1/tickets/" + hourlyTicket + "/time-entries", """
                    {"start": "2025-12-29T10:00:00+01:00", "end": "2025-12-29T11:00:00+01:00", "role": "TECHNICIAN",
                     "mode": "REMOTE"}""");
            assertThat(logged.status()).as(logged.text()).isEqualTo(201);
            JsonNode pricing = ApiTest.awaitPricing(http, UUID.fromString(logged.json().get("entryId").asString()),
                    p -> p.get("status").asString().equals("PRICED"));
            assertThat(pricing.get("current").get("netAmount").decimalValue()).isEqualByComparingTo("95.00");

            String quota = ids.get("quota").asString();
            String balance = "/api/v1/contracts/" + quota + "/quota?asOf=2025-12-31";
            long usedBefore = fixture.get("answers").get(balance).get("used").asLong();
            Http.Response opened = http.post("/api/v1/tickets", """
                    {"customerId": "%s", "channel": "PORTAL", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                     "priority": "NORMAL", "title": "Scanner", "reporter": "Frau Berger"}"""
                    .formatted(ids.get("quotaCustomer").asString()));
            assertThat(opened.status()).as(opened.text()).isEqualTo(201);
            Http.Response onQuota = http.post("/api/v1/tickets/" + opened.json().get("ticketId").asString()
                    + "/time-entries", """
                    {"start": "2025-06-10T10:00:00+02:00", "end": "2025-06-10T10:30:00+02:00", "role": "TECHNICIAN",
                     "mode": "REMOTE"}""");
            assertThat(onQuota.status()).as(onQuota.text()).isEqualTo(201);
            ApiTest.awaitGet(http, balance, q -> q.get("used").asLong() == usedBefore + 30);

            long lastRecorded = fixture.get("domain_event_entry").get((int) recorded - 1).get("global_index").asLong();
            assertThat(jdbc.queryForList("SELECT DISTINCT payload_type FROM domain_event_entry WHERE global_index > ?",
                    String.class, lastRecorded))
                    .as("what this build stores").isNotEmpty().allSatisfy(type ->
                            assertThat(StoredNames.classOf(type)).as(type).isPresent()
                                    .get().satisfies(c -> assertThat(StoredNames.typeOf(c).orElseThrow().getName())
                                            .isEqualTo(type)));
        }
    }

    @Test
    void everyEventAndSnapshotHasAStoredNameOfItsContext() {
        Set<Class<?>> stored = new HashSet<>();
        for (Class<?> events : List.of(TicketEvents.class, CustomerEvents.class, ContractEvents.class,
                PricingEvents.class, QuotaEvents.class, InvoiceEvents.class)) {
            stored.addAll(List.of(events.getDeclaredClasses()));
        }
        stored.addAll(List.of(Ticket.class, Customer.class, Contract.class, Quota.class, Invoice.class,
                NumberSeries.class));

        assertThat(StoredNames.all().keySet()).containsExactlyInAnyOrderElementsOf(stored);
        StoredNames.all().forEach((type, name) -> {
            assertThat(name).as(type.getName())
                    .matches("(ticket|customer|contract|pricing|quota|invoice)\\.[A-Z][A-Za-z]+")
                    .endsWith(type.getSimpleName()
                            .replaceFirst("^(Ticket|Customer|Contract|Quota|Invoice|NumberSeries)$", "$1Snapshot"));
            assertThat(StoredNames.typeOf(type).orElseThrow().getRevision()).isEqualTo(name.endsWith("Snapshot")
                    ? StoredNames.SNAPSHOT_REVISION : StoredNames.REVISION);
            assertThat(StoredNames.classOf(name)).contains(type);
        });
    }

    /**
     * Fields the answers gained since the recordings, with the value a recorded history answers for them: tickets
     * opened before ticket numbers (R-S1) have none.
     */
    private static final Map<String, JsonNode> ADDITIONS = Map.of("feePayment", StringNode.valueOf("INVOICE"),
            "number", NullNode.getInstance(), "promise", NullNode.getInstance(),
            "responseHours", NullNode.getInstance(), "respondBy", NullNode.getInstance(),
            "responseMetAt", NullNode.getInstance(), "responseBreachedAt", NullNode.getInstance(),
            "notifications", JsonNodeFactory.instance.objectNode(), "ticketNumber", NullNode.getInstance());

    private static JsonNode withoutAdditions(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        removeAdditions(copy);
        return copy;
    }

    private static void removeAdditions(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ADDITIONS.forEach((field, value) -> {
                if (value.equals(object.get(field))) {
                    object.remove(field);
                }
            });
        }
        node.forEach(StoredNamesTest::removeAdditions);
    }

    /** Every read model at the head, and no new event for a second. */
    private static void settled(Http http, JdbcTemplate jdbc) {
        long[] events = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long now = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            boolean quiet = now == events[0];
            events[0] = now;
            boolean caughtUp = true;
            for (JsonNode projection : http.get("/api/v1/projections").json()) {
                caughtUp &= projection.get("caughtUp").asBoolean();
            }
            return quiet && caughtUp;
        });
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = StoredNamesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return StoreFixture.MAPPER.readTree(in);
        }
    }
}
