package de.ticketwerk.app.pricing;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md's worked examples B1–B7 and S1–S5 end to end: a registered customer, a concluded contract, a ticket,
 * a logged time entry, and the stored pricing read back through REST. Rates: TECHNICIAN 90 €/h unless given; NW.
 */
class PricingExamplesApiTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static String instant(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant().toString();
    }

    UUID customerWithContract(String type, String extraTerms) {
        UUID customer = registerCustomer("Kanzlei " + type, "NW");
        Http.Response concluded = http.post("/api/v1/contracts", """
                {"customerId": "%s", "type": "%s", "startDate": "2026-01-01"%s}"""
                .formatted(customer, type, extraTerms.isEmpty() ? "" : ", " + extraTerms));
        assertThat(concluded.status()).as(concluded.text()).isEqualTo(201);
        return customer;
    }

    UUID logOnNewTicket(UUID customer, String kind, String serviceItem, String start, String end, String role,
                        String mode) {
        Http.Response opened = http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PHONE", "kind": "%s", "serviceItem": "%s",
                 "title": "Server down", "reporter": "Frau Berger"}""".formatted(customer, kind, serviceItem));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        UUID ticket = UUID.fromString(opened.json().get("ticketId").asString());
        Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "%s", "end": "%s", "role": "%s", "mode": "%s", "technician": "tom"}"""
                .formatted(instant(start), instant(end), role, mode));
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        return UUID.fromString(logged.json().get("entryId").asString());
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3} min → billed {5}")
    @CsvSource({
            "B1, TECHNICIAN,      REMOTE,   7, false,  15",
            "B2, TECHNICIAN,      REMOTE,  16, false,  30",
            "B3, SYSTEM_ENGINEER, ONSITE, 130, false, 150",
            "B4, SYSTEM_ENGINEER, ONSITE,  45, false, 120",
            "B5, CONSULTANT,      ONSITE, 250, false, 270",
            "B6, CONSULTANT,      REMOTE, 121, false, 135",
            "B7, TECHNICIAN,      REMOTE,  47, true,   47",
    })
    void billingUnits(String id, String role, String mode, int rawMinutes, boolean minuteExact, long billed) {
        UUID customer = customerWithContract("HOURLY", minuteExact ? "\"minuteExact\": true" : "");
        String start = "2026-03-03T09:00";
        String end = LocalDateTime.parse(start).plusMinutes(rawMinutes).toString();

        UUID entry = logOnNewTicket(customer, "INCIDENT", "REMOTE_SUPPORT", start, end, role, mode);

        JsonNode current = awaitPricing(entry, p -> p.get("status").asString().equals("PRICED")).get("current");
        assertThat(current.get("rawMinutes").asLong()).isEqualTo(rawMinutes);
        assertThat(current.get("billedMinutes").asLong()).isEqualTo(billed);
        assertThat(current.get("surcharges")).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}–{2}")
    @CsvSource({
            // id, start, end, mode, rate, minute-exact, min-eq, billed, base, surcharge, net, quota
            "S1, 2026-03-03T16:00, 2026-03-03T20:00, REMOTE, 90, true,   60, 240, 360.00, 90.00, 450.00, 300",
            "S2, 2026-03-07T10:00, 2026-03-07T11:30, REMOTE, 90, false,  45,  90, 135.00, 67.50, 202.50, 135",
            "S3, 2026-05-01T10:00, 2026-05-01T12:00, REMOTE, 90, false,  60, 120, 180.00, 90.00, 270.00, 180",
            "S4, 2026-03-02T07:00, 2026-03-02T10:00, REMOTE, 90, false,  30, 180, 270.00, 45.00, 315.00, 210",
            "S5, 2026-03-03T16:00, 2026-03-03T18:10, ONSITE, 95, false, 17.5, 150, 237.50, 27.71, 265.21, 168",
    })
    void surcharges(String id, String start, String end, String mode, String rate, boolean minuteExact,
                    BigDecimal minuteEquivalents, long billed, BigDecimal base, BigDecimal surcharge, BigDecimal net,
                    long quota) {
        String terms = "\"hourlyRates\": {\"TECHNICIAN\": " + rate + "}" + (minuteExact ? ", \"minuteExact\": true" : "");
        UUID hourlyEntry = logOnNewTicket(customerWithContract("HOURLY", terms), "INCIDENT", "REMOTE_SUPPORT", start,
                end, "TECHNICIAN", mode);
        UUID quotaEntry = logOnNewTicket(customerWithContract("QUOTA", terms), "INCIDENT", "REMOTE_SUPPORT", start,
                end, "TECHNICIAN", mode);

        JsonNode money = awaitPricing(hourlyEntry, p -> p.get("status").asString().equals("PRICED")).get("current");
        assertThat(money.get("settlement").asString()).isEqualTo("MONEY");
        assertThat(money.get("billedMinutes").asLong()).isEqualTo(billed);
        assertThat(money.get("surchargeMinuteEquivalents").decimalValue()).isEqualByComparingTo(minuteEquivalents);
        assertThat(money.get("baseAmount").decimalValue()).isEqualTo(base);
        assertThat(money.get("surchargeAmount").decimalValue()).isEqualTo(surcharge);
        assertThat(money.get("netAmount").decimalValue()).isEqualTo(net);

        JsonNode debit = awaitPricing(quotaEntry, p -> p.get("status").asString().equals("PRICED")).get("current");
        assertThat(debit.get("settlement").asString()).isEqualTo("QUOTA");
        assertThat(debit.get("quotaMinutes").asLong()).isEqualTo(quota);
        assertThat(debit.get("netAmount").decimalValue()).isEqualTo("0.00");

        JsonNode preview = http.post("/api/v1/pricing/preview", """
                {"contractId": "%s", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT", "start": "%s", "end": "%s",
                 "role": "TECHNICIAN", "mode": "%s"}""".formatted(contractOf(hourlyEntry), instant(start),
                instant(end), mode)).json();
        assertThat(preview.get("netAmount").decimalValue()).as("the preview prices alike").isEqualTo(net);
    }

    /** The contract that priced the entry, once the contract's read model (which the preview reads) has it. */
    private String contractOf(UUID entry) {
        String contract = http.get("/api/v1/time-entries/" + entry + "/pricing").json().get("contractId").asString();
        awaitContract(UUID.fromString(contract), c -> true);
        return contract;
    }

    @Test
    void aSurchargeAppliedEventIsStoredForEveryBand() {
        UUID entry = logOnNewTicket(customerWithContract("HOURLY", "\"minuteExact\": true"), "INCIDENT",
                "REMOTE_SUPPORT", "2026-03-03T16:00", "2026-03-03T20:00", "TECHNICIAN", "REMOTE");
        awaitPricing(entry, p -> p.get("status").asString().equals("PRICED"));

        List<String> bands = new ArrayList<>(jdbc.queryForList("""
                SELECT payload::jsonb -> 'surcharge' ->> 'band' FROM domain_event_entry
                WHERE payload_type LIKE '%SurchargeApplied' AND payload::jsonb ->> 'entryId' = ?
                ORDER BY sequence_number""", String.class, entry.toString()));
        assertThat(bands).containsExactly("WEEKDAY_AFTER_HOURS_FIRST", "WEEKDAY_AFTER_HOURS_FURTHER");
    }

    @Test
    void thePreviewStoresNothing() {
        UUID entry = logOnNewTicket(customerWithContract("HOURLY", ""), "INCIDENT", "REMOTE_SUPPORT",
                "2026-03-03T10:00", "2026-03-03T11:00", "TECHNICIAN", "REMOTE");
        awaitPricing(entry, p -> p.get("status").asString().equals("PRICED"));
        long before = eventCount();

        Http.Response preview = http.post("/api/v1/pricing/preview", """
                {"contractId": "%s", "kind": "PROJECT", "serviceItem": "PROJECT", "start": "%s", "end": "%s",
                 "role": "ARCHITECT", "mode": "ONSITE"}""".formatted(contractOf(entry), instant("2026-03-07T10:00"),
                instant("2026-03-07T15:00")));

        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.json().get("billedMinutes").asLong()).isEqualTo(300);
        assertThat(preview.json().get("netAmount").decimalValue()).isEqualTo("1125.00");
        assertThat(eventCount()).isEqualTo(before);
    }
}
