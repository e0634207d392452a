package de.ticketwerk.app.processing;

import de.ticketwerk.app.TicketwerkApplication;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a read model cannot handle is tried a few times, then set aside with its error while the read model goes
 * on; the events of the same aggregate wait behind it. It is listed, counted in the metrics and shown in the health,
 * across a restart, and applied once its cause is removed and it is retried, or evicted for good. A failing process
 * (pricing) is never skipped: it retries, and the health names the event until it goes through.
 */
class PoisonEventTest {

    /** A cause that can be removed: the read model's table refuses some names, as a full disk or a grant might. */
    private static final String POISON = """
            CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.name LIKE 'Giftig%' THEN RAISE EXCEPTION 'poisoned name %', NEW.name; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON customer_view
                FOR EACH ROW EXECUTE FUNCTION refuse_poison()""";

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TicketwerkApplication.class)
                .run("--server.port=0", "--ticketwerk.embedded-postgres.data-dir=" + dataDir,
                        "--ticketwerk.embedded-postgres.durable=false",
                        // retries every second instead of every five: the same steps, sooner
                        "--axon.eventhandling.processors.customers.token-claim-interval=1000",
                        "--axon.eventhandling.processors.documents.token-claim-interval=1000",
                        "--axon.eventhandling.processors.pricing.token-claim-interval=1000");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return Http.of(context);
    }

    private static JsonNode processor(Http http, String name) {
        return http.get("/actuator/health").json().get("components").get("eventProcessors").get("details")
                .get(name);
    }

    private static List<String> customerNames(Http http) {
        List<String> names = new ArrayList<>();
        http.get("/api/v1/customers?size=200").json().get("items")
                .forEach(c -> names.add(c.get("details").get("name").asString()));
        return names;
    }

    @Test
    void aPoisonEventIsSetAsideListedRetriedAndEvictedAcrossRestarts() {
        UUID poisoned;
        try (ConfigurableApplicationContext first = start()) {
            Http http = http(first);
            ApiTest.ownerJdbc(first).execute(POISON);
            poisoned = ApiTest.registerCustomer(http, "Giftig GmbH", "NW");
            assertThat(http.put("/api/v1/customers/" + poisoned, """
                    {"name": "Giftig AG", "federalState": "BY"}""").status()).isEqualTo(200);
            ApiTest.registerCustomer(http, "Kanzlei Danach", "NW");

            JsonNode letters = ApiTest.awaitGet(http, "/api/v1/projections/customers/dead-letters",
                    l -> l.get("letters").asLong() == 2);
            assertThat(letters.get("sequences").asLong()).isEqualTo(1);
            JsonNode first3 = letters.get("items").get(0);
            assertThat(first3.get("sequence").asString()).isEqualTo(poisoned.toString());
            assertThat(first3.get("payloadType").asString()).endsWith("CustomerRegistered");
            assertThat(first3.get("attempts").asInt()).isEqualTo(3);
            assertThat(first3.get("causeMessage").asString()).contains("poisoned name Giftig GmbH");
            assertThat(letters.get("items").get(1).get("payloadType").asString())
                    .as("the aggregate's next event waits behind it").endsWith("CustomerUpdated");
            ApiTest.awaitGet(http, "/api/v1/customers?size=200", c -> customerNames(http).contains("Kanzlei Danach"));
            assertThat(customerNames(http)).as("the read model went on").doesNotContain("Giftig GmbH", "Giftig AG");
            assertThat(processor(http, "customers").get("status").asString()).isEqualTo("DEGRADED");
            assertThat(processor(http, "customers").get("deadLetters").asLong()).isEqualTo(2);
            assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("DEGRADED");
            assertThat(http.get("/actuator/prometheus").text())
                    .contains("ticketwerk_dead_letters{processor=\"customers\"} 2.0");
        }

        try (ConfigurableApplicationContext second = start()) {
            Http http = http(second);
            assertThat(http.get("/actuator/health").status()).as("degraded still serves").isEqualTo(200);
            assertThat(processor(http, "customers").get("deadLetters").asLong()).as("kept across a restart")
                    .isEqualTo(2);

            JsonNode stillPoisoned = http.post("/api/v1/projections/customers/dead-letters/retry", null).json();
            assertThat(stillPoisoned.get("retriedSequences").asLong()).isZero();
            assertThat(stillPoisoned.get("remainingLetters").asLong()).isEqualTo(2);

            ApiTest.ownerJdbc(second).execute("DROP TRIGGER refuse_poison ON customer_view");
            JsonNode retried = http.post("/api/v1/projections/customers/dead-letters/retry", null).json();
            assertThat(retried.get("retriedSequences").asLong()).isEqualTo(1);
            assertThat(retried.get("remainingLetters").asLong()).isZero();
            JsonNode customer = ApiTest.awaitGet(http, "/api/v1/customers/" + poisoned, c -> true);
            assertThat(customer.get("details").get("name").asString()).as("applied in order").isEqualTo("Giftig AG");
            assertThat(processor(http, "customers").get("status").asString()).isEqualTo("UP");

            UUID stored = storedByAnOlderBuild(ApiTest.ownerJdbc(second));
            ApiTest.awaitGet(http, "/api/v1/projections/customers/dead-letters", l -> l.get("letters").asLong() == 1);
            assertThat(http.delete("/api/v1/projections/customers/dead-letters/" + UUID.randomUUID(), null).status())
                    .isEqualTo(404);
            JsonNode evicted = http.delete("/api/v1/projections/customers/dead-letters/" + stored, null).json();
            assertThat(evicted.get("evictedLetters").asLong()).isEqualTo(1);
            assertThat(processor(http, "customers").get("status").asString()).isEqualTo("UP");
        }

        try (ConfigurableApplicationContext third = start()) {
            Http http = http(third);
            await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/actuator/health").json().get("status")
                    .asString().equals("UP"));
            assertThat(customerNames(http)).contains("Giftig AG", "Kanzlei Danach");
        }
    }

    @Test
    void aFailingProcessIsRetriedUntilItGoesThroughAndTheHealthNamesTheEvent() {
        try (ConfigurableApplicationContext context = start()) {
            Http http = http(context);
            JdbcTemplate jdbc = ApiTest.ownerJdbc(context);
            UUID customer = ApiTest.registerCustomer(http, "Kanzlei Prozess", "NW");
            UUID ticket = UUID.fromString(http.post("/api/v1/tickets", """
                    {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "HOTLINE",
                     "title": "Printer", "reporter": "Frau Berger"}""".formatted(customer)).json()
                    .get("ticketId").asString());
            jdbc.execute("""
                    CREATE FUNCTION refuse_pricing() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'pricing refused'; END $$;
                    CREATE TRIGGER refuse_pricing BEFORE INSERT ON entry_pricing_registry
                        FOR EACH ROW EXECUTE FUNCTION refuse_pricing()""");
            Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                    {"start": "2026-03-03T15:00:00Z", "end": "2026-03-03T16:00:00Z", "role": "TECHNICIAN",
                     "mode": "REMOTE"}""");
            assertThat(logged.status()).as(logged.text()).isEqualTo(201);
            UUID entry = UUID.fromString(logged.json().get("entryId").asString());

            await().atMost(Duration.ofSeconds(30)).until(() -> processor(http, "pricing").has("failing"));
            JsonNode failing = processor(http, "pricing").get("failing");
            assertThat(failing.get("payloadType").asString()).isEqualTo("TimeLogged");
            assertThat(failing.get("aggregateIdentifier").asString()).isEqualTo(ticket.toString());
            assertThat(failing.get("error").asString()).contains("pricing refused");
            assertThat(processor(http, "pricing").get("status").asString()).isEqualTo("DOWN");
            Http.Response down = http.get("/actuator/health");
            assertThat(down.status()).as(down.text()).isEqualTo(503);
            assertThat(http.get("/api/v1/time-entries/" + entry + "/pricing").status()).isEqualTo(404);

            jdbc.execute("DROP TRIGGER refuse_pricing ON entry_pricing_registry");
            ApiTest.awaitPricing(http, entry, pricing -> true);
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/actuator/health").json().get("status")
                    .asString().equals("UP"));
        }
    }

    /**
     * The documents process sets an invoice aside that it cannot render or store and goes on with the next
     * customer's: before, it retried the one event for ever and no invoice got its documents.
     */
    @Test
    void anInvoiceWhoseDocumentsFailIsSetAsideAndTheNextCustomersInvoiceGetsItsDocuments() {
        try (ConfigurableApplicationContext context = start()) {
            Http http = http(context);
            String poisoned = marchDraft(http, "Kanzlei Giftig");
            String next = marchDraft(http, "Kanzlei Danach");
            ApiTest.ownerJdbc(context).execute("""
                    CREATE FUNCTION refuse_document() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.invoice_id = '%s' THEN RAISE EXCEPTION 'document refused'; END IF;
                        RETURN NEW;
                    END $$;
                    CREATE TRIGGER refuse_document BEFORE INSERT ON invoice_document
                        FOR EACH ROW EXECUTE FUNCTION refuse_document()""".formatted(poisoned));
            ApiTest.issue(http, poisoned, "2026-04-01");
            ApiTest.issue(http, next, "2026-04-01");

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    http.get("/api/v1/invoices/" + next + "/documents/invoice.pdf").status() == 200);
            JsonNode letters = ApiTest.awaitGet(http, "/api/v1/projections/documents/dead-letters",
                    l -> l.get("letters").asLong() == 1);
            JsonNode letter = letters.get("items").get(0);
            assertThat(letter.get("aggregateIdentifier").asString()).isEqualTo(poisoned);
            assertThat(letter.get("payloadType").asString()).endsWith("InvoiceIssued");
            assertThat(letter.get("causeMessage").asString()).contains("document refused");
            assertThat(processor(http, "documents").get("status").asString()).isEqualTo("DEGRADED");
            assertThat(processor(http, "documents").get("deadLetters").asLong()).isEqualTo(1);
            assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("DEGRADED");
            Http.Response setAside = http.get("/api/v1/invoices/" + poisoned + "/documents/invoice.pdf");
            assertThat(setAside.status()).as("set aside: at once, not after the rendering wait").isEqualTo(503);
            assertThat(setAside.header("Retry-After")).isNotBlank();
            assertThat(setAside.json().get("detail").asString()).contains("set the invoice aside");

            ApiTest.ownerJdbc(context).execute("DROP TRIGGER refuse_document ON invoice_document");
            JsonNode retried = http.post("/api/v1/projections/documents/dead-letters/retry", null).json();
            assertThat(retried.get("retriedSequences").asLong()).isEqualTo(1);
            assertThat(http.get("/api/v1/invoices/" + poisoned + "/documents/invoice.pdf").status()).isEqualTo(200);
            assertThat(processor(http, "documents").get("status").asString()).isEqualTo("UP");
        }
    }

    /** A customer with an HOURLY contract and an hour of work in March 2026, drafted; the draft's invoice id. */
    private static String marchDraft(Http http, String name) {
        UUID customer = ApiTest.registerCustomer(http, name, "NW");
        assertThat(http.post("/api/v1/contracts", """
                {"customerId": "%s", "type": "HOURLY", "startDate": "2026-01-01", "hourlyRates": {"TECHNICIAN": 95}}"""
                .formatted(customer)).status()).isEqualTo(201);
        UUID ticket = UUID.fromString(http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                 "title": "Printer", "reporter": "Frau Berger"}""".formatted(customer)).json()
                .get("ticketId").asString());
        UUID entry = UUID.fromString(http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "2026-03-03T09:00:00Z", "end": "2026-03-03T10:00:00Z", "role": "TECHNICIAN",
                 "mode": "REMOTE"}""").json().get("entryId").asString());
        ApiTest.awaitPricing(http, entry, p -> p.get("status").asString().equals("PRICED"));
        return ApiTest.draft(http, customer, "2026-03");
    }

    /** A customer name with a NUL, as the build before the input bounds stored it: PostgreSQL refuses the text. */
    private static UUID storedByAnOlderBuild(JdbcTemplate jdbc) {
        UUID customer = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_type, time_stamp)
                VALUES (?, 0, 'Customer', ?, '{}', ?, 'de.ticketwerk.customer.api.CustomerEvents$CustomerRegistered',
                    '2026-03-03T10:00:00Z')""", customer.toString(), UUID.randomUUID().toString(), """
                {"customerId": "%s", "details": {"name": "Kanzlei \\u0000", "federalState": "NW",
                 "reportEmails": []}, "actor": "anna", "at": "2026-03-03T10:00:00Z"}""".formatted(customer));
        return customer;
    }
}
