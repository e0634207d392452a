package de.ticketwerk.app.pricing;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.ticket.api.Priority;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketEvents.TimeLogged;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.TimeEntryDetails;
import de.ticketwerk.ticket.api.WorkMode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.ticketwerk.app.pricing.PricingExamplesApiTest.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pricing process: contract in force, coverage, work without a contract, corrections, voids, redelivery. */
class PricingProcessApiTest extends ApiTest {

    private UUID ticket(UUID customer, String kind, String serviceItem) {
        Http.Response opened = http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PORTAL", "kind": "%s", "serviceItem": "%s",
                 "title": "Work", "reporter": "Frau Berger"}""".formatted(customer, kind, serviceItem));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        return UUID.fromString(opened.json().get("ticketId").asString());
    }

    private UUID log(UUID ticket, String start, String end, String extra) {
        Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "REMOTE"%s}"""
                .formatted(instant(start), instant(end), extra));
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        return UUID.fromString(logged.json().get("entryId").asString());
    }

    private JsonNode priced(UUID entry) {
        return awaitPricing(entry, p -> p.get("status").asString().equals("PRICED"));
    }

    @Test
    void aServiceLevelCoversWhatItIncludesAndNeverProjects() {
        UUID customer = registerCustomer();
        UUID contract = concludeContract(customer, "\"type\": \"SERVICE\", \"level\": \"STANDARD\", \"startDate\": \"2026-01-01\"");

        JsonNode covered = priced(log(ticket(customer, "INCIDENT", "REMOTE_SUPPORT"), "2026-03-03T10:00",
                "2026-03-03T11:00", ""));
        assertThat(covered.get("contractId").asString()).isEqualTo(contract.toString());
        assertThat(covered.get("current").get("settlement").asString()).isEqualTo("COVERED");
        assertThat(covered.get("current").get("netAmount").decimalValue()).isEqualTo("0.00");
        assertThat(covered.get("current").get("reasons").get(0).asString())
                .isEqualTo("covered by STANDARD: REMOTE_SUPPORT in service hours (60 min)");

        JsonNode project = priced(log(ticket(customer, "PROJECT", "PROJECT"), "2026-03-03T10:00",
                "2026-03-03T11:00", "")).get("current");
        assertThat(project.get("settlement").asString()).isEqualTo("MONEY");
        assertThat(project.get("netAmount").decimalValue()).isEqualTo("90.00");
        assertThat(project.get("reasons").get(0).asString())
                .isEqualTo("PROJECT is never covered by any contract: charged as under HOURLY at 90.00 €/h");
    }

    @Test
    void nonBillableWorkKeepsItsReasonAndCostsNothing() {
        UUID customer = registerCustomer();
        concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-01-01\"");

        JsonNode current = priced(log(ticket(customer, "INCIDENT", "REMOTE_SUPPORT"), "2026-03-07T10:00",
                "2026-03-07T11:00", ", \"billable\": false, \"nonBillableReason\": \"warranty: our own mistake\""))
                .get("current");

        assertThat(current.get("settlement").asString()).isEqualTo("NOT_BILLABLE");
        assertThat(current.get("quotaMinutes").asLong()).isZero();
        assertThat(current.get("reasons").get(0).asString()).isEqualTo("not billable: warranty: our own mistake");
    }

    @Test
    void aCorrectionReversesAndPricesAnewWhereverItNowBelongsAndAVoidReverses() {
        UUID customer = registerCustomer();
        UUID contract = concludeContract(customer, "\"type\": \"HOURLY\", \"startDate\": \"2026-03-01\"");
        UUID ticket = ticket(customer, "INCIDENT", "REMOTE_SUPPORT");
        UUID entry = log(ticket, "2026-03-03T10:00", "2026-03-03T11:00", "");
        assertThat(priced(entry).get("current").get("netAmount").decimalValue()).isEqualTo("90.00");

        ok(http.put("/api/v1/tickets/" + ticket + "/time-entries/" + entry, """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "REMOTE", "reason": "wrong day"}"""
                .formatted(instant("2026-02-20T10:00"), instant("2026-02-20T10:30"))));

        JsonNode corrected = awaitPricing(entry, p -> p.get("history").size() == 3);
        assertThat(corrected.get("status").asString()).isEqualTo("PRICED");
        assertThat(corrected.get("contractId").isNull()).as("no contract in force on 2026-02-20").isTrue();
        assertThat(corrected.get("current").get("withoutContract").asBoolean()).isTrue();
        assertThat(corrected.get("current").get("netAmount").decimalValue()).isEqualTo("45.00");
        assertThat(corrected.get("current").get("reasons").get(0).asString())
                .isEqualTo("no contract in force on 2026-02-20: priced at the default HOURLY price list");
        JsonNode history = corrected.get("history");
        assertThat(List.of(history.get(0).get("action").asString(), history.get(1).get("action").asString(),
                history.get(2).get("action").asString())).containsExactly("PRICED", "REVERSED", "PRICED");
        assertThat(history.get(1).get("contractId").asString()).isEqualTo(contract.toString());
        assertThat(history.get(1).get("reason").asString()).isEqualTo("corrected: wrong day");
        assertThat(history.get(1).get("pricing").get("netAmount").decimalValue()).isEqualTo("90.00");

        JsonNode flagged = http.get("/api/v1/pricing/without-contract?customerId=" + customer).json();
        assertThat(flagged.get("totalItems").asLong()).isEqualTo(1);
        assertThat(flagged.get("items").get(0).get("entryId").asString()).isEqualTo(entry.toString());
        assertThat(flagged.get("items").get(0).get("netAmount").decimalValue()).isEqualTo("45.00");

        ok(http.delete("/api/v1/tickets/" + ticket + "/time-entries/" + entry + "?reason=duplicate", null));
        JsonNode voided = awaitPricing(entry, p -> p.get("history").size() == 4);
        assertThat(voided.get("status").asString()).isEqualTo("REVERSED");
        assertThat(voided.get("current").isNull()).isTrue();
        assertThat(voided.get("history").get(3).get("reason").asString()).isEqualTo("voided: duplicate");
        assertThat(http.get("/api/v1/pricing/without-contract?customerId=" + customer).json().get("totalItems")
                .asLong()).as("a voided entry is no longer flagged").isZero();
    }

    @Test
    void workIsPricedByTheContractInForceOnItsWorkDate() {
        UUID customer = registerCustomer();
        UUID old = concludeContract(customer, """
                "type": "HOURLY", "startDate": "2025-01-01", "endDate": "2025-12-31", "hourlyRates": {"TECHNICIAN": 80}""");
        UUID current = concludeContract(customer, """
                "type": "HOURLY", "startDate": "2026-01-01", "hourlyRates": {"TECHNICIAN": 96}""");
        UUID ticket = ticket(customer, "INCIDENT", "REMOTE_SUPPORT");

        JsonNode lastYear = priced(log(ticket, "2025-12-30T10:00", "2025-12-30T11:00", ""));
        JsonNode thisYear = priced(log(ticket, "2026-01-02T10:00", "2026-01-02T11:00", ""));

        assertThat(lastYear.get("contractId").asString()).isEqualTo(old.toString());
        assertThat(lastYear.get("current").get("netAmount").decimalValue()).isEqualTo("80.00");
        assertThat(thisYear.get("contractId").asString()).isEqualTo(current.toString());
        assertThat(thisYear.get("current").get("netAmount").decimalValue()).isEqualTo("96.00");
    }

    @Test
    void withAServiceLevelAndAQuotaCoveredWorkGoesToTheLevelAndSupportToTheQuota() {
        UUID customer = registerCustomer();
        UUID service = concludeContract(customer, "\"type\": \"SERVICE\", \"level\": \"BASIC\", \"startDate\": \"2026-01-01\"");
        UUID quota = concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-01-01\"");

        JsonNode monitoring = priced(log(ticket(customer, "MAINTENANCE", "MONITORING"), "2026-03-03T10:00",
                "2026-03-03T10:30", ""));
        JsonNode support = priced(log(ticket(customer, "INCIDENT", "REMOTE_SUPPORT"), "2026-03-03T10:00",
                "2026-03-03T10:30", ""));

        assertThat(monitoring.get("contractId").asString()).isEqualTo(service.toString());
        assertThat(monitoring.get("current").get("settlement").asString()).isEqualTo("COVERED");
        assertThat(support.get("contractId").asString()).isEqualTo(quota.toString());
        assertThat(support.get("current").get("quotaMinutes").asLong()).isEqualTo(30);
    }

    @Test
    void redeliveredTimeEventsPriceNothingTwice() {
        UUID customer = registerCustomer();
        concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-01-01\"");
        UUID ticket = ticket(customer, "INCIDENT", "REMOTE_SUPPORT");
        UUID entry = log(ticket, "2026-03-03T10:00", "2026-03-03T11:00", "");
        ok(http.put("/api/v1/tickets/" + ticket + "/time-entries/" + entry, """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "REMOTE", "reason": "longer"}"""
                .formatted(instant("2026-03-03T10:00"), instant("2026-03-03T11:30"))));
        JsonNode before = awaitPricing(entry, p -> p.get("history").size() == 3);
        awaitCaughtUp("pricing");
        awaitCaughtUp("quota");
        long eventsBefore = eventCount();

        StreamingEventProcessor pricing = processing.eventProcessor("pricing", StreamingEventProcessor.class)
                .orElseThrow();
        pricing.shutDown();
        jdbc.update("UPDATE token_entry SET token = NULL, token_type = NULL WHERE processor_name = 'pricing'");
        pricing.start();
        Long last = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> !pricing.processingStatus().isEmpty()
                && pricing.processingStatus().values().stream()
                .allMatch(s -> s.isCaughtUp() && s.getCurrentPosition().orElse(-1) >= last));

        assertThat(eventCount()).as("every time event was delivered again; none was priced again")
                .isEqualTo(eventsBefore);
        assertThat(http.get("/api/v1/time-entries/" + entry + "/pricing").json()).isEqualTo(before);
        List<Map<String, Object>> tokens = jdbc.queryForList(
                "SELECT token FROM token_entry WHERE processor_name = 'pricing' AND token IS NOT NULL");
        assertThat(tokens).isNotEmpty();
    }

    @Test
    void entriesLoggedCorrectedAndVoidedWhilePricingIsStoppedArePricedReversedAndDebitedAsTheLastEventSays() {
        UUID customer = registerCustomer();
        UUID quota = concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-01-01\"");
        UUID ticket = ticket(customer, "INCIDENT", "REMOTE_SUPPORT");
        awaitCaughtUp("pricing");
        StreamingEventProcessor pricing = processing.eventProcessor("pricing", StreamingEventProcessor.class)
                .orElseThrow();
        pricing.shutDown();
        UUID corrected = log(ticket, "2026-03-03T10:00", "2026-03-03T11:00", "");
        ok(http.put("/api/v1/tickets/" + ticket + "/time-entries/" + corrected, """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "REMOTE", "reason": "longer"}"""
                .formatted(instant("2026-03-03T10:00"), instant("2026-03-03T11:30"))));
        UUID voided = log(ticket, "2026-03-04T10:00", "2026-03-04T10:30", "");
        ok(http.delete("/api/v1/tickets/" + ticket + "/time-entries/" + voided + "?reason=duplicate", null));
        UUID kept = log(ticket, "2026-03-05T10:00", "2026-03-05T10:15", "");
        pricing.start();

        JsonNode correctedPricing = awaitPricing(corrected, p -> p.get("history").size() == 3);
        JsonNode voidedPricing = awaitPricing(voided, p -> p.get("history").size() == 2);
        JsonNode keptPricing = priced(kept);
        awaitCaughtUp("quota");
        awaitCaughtUp("quota-ledger");

        assertThat(correctedPricing.get("history").findValuesAsString("action"))
                .containsExactly("PRICED", "REVERSED", "PRICED");
        assertThat(correctedPricing.get("current").get("quotaMinutes").asLong()).isEqualTo(90);
        assertThat(voidedPricing.get("status").asString()).isEqualTo("REVERSED");
        assertThat(voidedPricing.get("history").findValuesAsString("action")).containsExactly("PRICED", "REVERSED");
        assertThat(keptPricing.get("current").get("quotaMinutes").asLong()).isEqualTo(15);
        JsonNode balance = http.get("/api/v1/contracts/" + quota + "/quota?asOf=2026-03-31").json();
        assertThat(balance.get("used").asLong()).as("90 + 15 minutes, nothing twice").isEqualTo(105);
    }

    @Autowired
    private EventStore eventStore;

    @Test
    void timeOfATicketFromBeforeCustomersWereRegisteredIsSkippedWithoutBlockingPricing() {
        UUID legacyTicket = UUID.randomUUID();
        UUID legacyEntry = UUID.randomUUID();
        TimeEntryDetails details = new TimeEntryDetails(java.time.Instant.parse("2026-03-03T09:00:00Z"),
                java.time.Instant.parse("2026-03-03T10:00:00Z"), Role.TECHNICIAN, WorkMode.REMOTE, "old", true, null,
                false, "tom");
        eventStore.publish(new GenericDomainEventMessage<>("Ticket", legacyTicket.toString(), 0,
                new TimeLogged(legacyTicket, legacyEntry, UUID.randomUUID(), TicketKind.INCIDENT,
                        ServiceItem.REMOTE_SUPPORT, Priority.NORMAL, details, 60, "tom",
                        java.time.Instant.parse("2026-03-03T10:00:00Z"))));

        UUID customer = registerCustomer();
        UUID entry = log(ticket(customer, "INCIDENT", "REMOTE_SUPPORT"), "2026-03-03T10:00", "2026-03-03T11:00", "");

        assertThat(priced(entry).get("current").get("withoutContract").asBoolean()).isTrue();
        StreamingEventProcessor pricing = processing.eventProcessor("pricing", StreamingEventProcessor.class)
                .orElseThrow();
        Long last = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> pricing.processingStatus().values().stream()
                .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= last));
        assertThat(http.get("/api/v1/time-entries/" + legacyEntry + "/pricing").status()).isEqualTo(404);
    }
}
