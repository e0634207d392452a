package de.ticketwerk.app.contract;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ContractApiTest extends ApiTest {

    @Test
    void everyContractTypeIsConcludedWithTheSeedDefaultsAndListedPerCustomer() {
        UUID customer = registerCustomer("Kanzlei Vielfalt", "HE");
        UUID hourly = concludeContract(customer, "\"type\": \"HOURLY\", \"startDate\": \"2025-03-01\"");
        UUID quota = concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2025-03-01\"");
        UUID service = concludeContract(customer, "\"type\": \"SERVICE\", \"level\": \"STANDARD\", \"startDate\": \"2025-03-01\"");

        JsonNode t1 = awaitContract(quota, c -> true);
        assertThat(t1.get("minimumTermEnd").asString()).as("T1").isEqualTo("2027-02-28");
        assertThat(t1.get("noticeDeadline").asString()).as("T1").isEqualTo("2026-11-30");
        JsonNode terms = t1.get("terms");
        assertThat(terms.get("monthlyFee").decimalValue()).isEqualTo("149.00");
        assertThat(terms.get("hourlyRates").get("TECHNICIAN").decimalValue()).isEqualTo("90.00");
        assertThat(terms.get("holidayState").asString()).as("the customer's state").isEqualTo("HE");
        assertThat(terms.get("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(terms.get("quota").get("allotmentMinutes").asLong()).isEqualTo(1440);
        assertThat(terms.get("surcharges").get("weekdayFirstMinutes").asInt()).isEqualTo(120);
        assertThat(terms.get("billingUnits")).anySatisfy(unit -> {
            assertThat(unit.get("role").asString()).isEqualTo("CONSULTANT");
            assertThat(unit.get("mode").asString()).isEqualTo("ONSITE");
            assertThat(unit.get("firstUnit").asInt()).isEqualTo(240);
            assertThat(unit.get("step").asInt()).isEqualTo(30);
        });
        assertThat(terms.get("serviceHours")).hasSize(5);
        assertThat(terms.get("minimumTermMonths").asInt()).isEqualTo(24);
        assertThat(terms.get("noticeMonths").asInt()).isEqualTo(3);

        JsonNode standard = awaitContract(service, c -> true);
        assertThat(standard.get("level").asString()).isEqualTo("STANDARD");
        assertThat(standard.get("terms").get("coverage").toString()).contains("REMOTE_SUPPORT")
                .doesNotContain("ONSITE_SUPPORT");
        assertThat(awaitContract(hourly, c -> true).get("terms").get("monthlyFee").decimalValue()).isEqualTo("0.00");

        await().atMost(Duration.ofSeconds(15)).until(() ->
                http.get("/api/v1/contracts?customerId=" + customer).json().size() == 3);
    }

    @Test
    void everyTermCanBeSet() {
        UUID customer = registerCustomer("Kanzlei Eigen", "NW");
        UUID contract = concludeContract(customer, """
                "type": "SERVICE", "level": "COMFORT", "startDate": "2026-01-01", "endDate": "2026-12-31",
                "monthlyFee": 499.00, "hourlyRates": {"TECHNICIAN": 95.00, "ARCHITECT": 175.00},
                "billingUnits": [{"role": "TECHNICIAN", "mode": "ONSITE", "firstUnit": 60, "step": 15}],
                "serviceHours": [{"day": "SATURDAY", "from": "08:00", "to": "14:00"}], "holidayState": "BY",
                "zone": "Europe/Berlin", "surcharges": {"weekdayFirstMinutes": 60, "weekendHolidayPercent": 100},
                "emergencyPercent": 50, "travelFee": 35.00, "vatPercent": 19, "coverage": ["HOTLINE"],
                "minimumTermMonths": 12, "noticeMonths": 1""");

        JsonNode view = awaitContract(contract, c -> true);
        JsonNode terms = view.get("terms");
        assertThat(view.get("endDate").asString()).isEqualTo("2026-12-31");
        assertThat(view.get("minimumTermEnd").asString()).isEqualTo("2026-12-31");
        assertThat(terms.get("monthlyFee").decimalValue()).isEqualTo("499.00");
        assertThat(terms.get("hourlyRates").get("ARCHITECT").decimalValue()).isEqualTo("175.00");
        assertThat(terms.get("hourlyRates").get("CONSULTANT").decimalValue()).as("default kept").isEqualTo("130.00");
        assertThat(terms.get("billingUnits")).hasSize(8).anySatisfy(unit -> {
            assertThat(unit.get("role").asString()).isEqualTo("TECHNICIAN");
            assertThat(unit.get("mode").asString()).isEqualTo("ONSITE");
            assertThat(unit.get("firstUnit").asInt()).isEqualTo(60);
        });
        assertThat(terms.get("serviceHours")).hasSize(1);
        assertThat(terms.get("holidayState").asString()).isEqualTo("BY");
        assertThat(terms.get("surcharges").get("weekendHolidayPercent").decimalValue()).isEqualByComparingTo("100");
        assertThat(terms.get("surcharges").get("weekdayFurtherPercent").decimalValue()).isEqualByComparingTo("50");
        assertThat(terms.get("travelFee").decimalValue()).isEqualByComparingTo("35");
        assertThat(terms.get("coverage").toString()).isEqualTo("[\"HOTLINE\"]");
    }

    @Test
    void aPriceChangeFollowsTheMinimumTermAndTheLeadTimeAndOpensASpecialRightToEnd() {
        UUID contract = concludeContract(registerCustomer(), "\"type\": \"QUOTA\", \"startDate\": \"2024-01-01\"");
        String path = "/api/v1/contracts/" + contract;

        assertProblem(http.post(path + "/price-changes", """
                {"announcedOn": "2026-11-20", "effectiveFrom": "2025-12-31", "monthlyFee": 159.00}"""), 422,
                "prices can change only after the minimum term, which ends on 2025-12-31");
        assertProblem(http.post(path + "/price-changes", """
                {"announcedOn": "2026-11-20", "effectiveFrom": "2027-01-01", "monthlyFee": 159.00}"""), 422,
                "a price change must be announced at least 3 months before it takes effect");

        Http.Response announced = http.post(path + "/price-changes", """
                {"announcedOn": "2026-11-20", "effectiveFrom": "2027-03-01", "monthlyFee": 159.00,
                 "hourlyRates": {"TECHNICIAN": 96.00}}""");
        assertThat(announced.status()).as(announced.text()).isEqualTo(200);
        assertThat(announced.json().get("specialTerminationEnd").asString()).isEqualTo("2027-02-28");

        Http.Response special = http.post(path + "/termination", """
                {"receivedOn": "2026-11-22", "channel": "EMAIL", "by": "CUSTOMER", "specialRight": true}""");
        assertThat(special.status()).as(special.text()).isEqualTo(200);
        assertThat(special.json().get("endDate").asString()).isEqualTo("2027-02-28");

        JsonNode view = awaitContract(contract, c -> !c.get("termination").isNull());
        assertThat(view.get("priceChanges").get(0).get("hourlyRates").get("TECHNICIAN").decimalValue())
                .isEqualTo("96.00");
        assertThat(view.get("termination").get("specialRight").asBoolean()).isTrue();
    }

    @Test
    void contractsOfTheSameTypeMustNotOverlap() {
        UUID customer = registerCustomer();
        UUID first = concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2025-01-01\", \"endDate\": \"2025-12-31\"");
        awaitCaughtUp("quota");
        long before = eventCount();

        assertProblem(http.post("/api/v1/contracts", """
                {"customerId": "%s", "type": "QUOTA", "startDate": "2025-12-01"}""".formatted(customer)), 409,
                "already has QUOTA contract " + first + " from 2025-01-01 to 2025-12-31");
        assertThat(eventCount()).isEqualTo(before);

        concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-01-01\"");
        concludeContract(customer, "\"type\": \"SERVICE\", \"level\": \"BASIC\", \"startDate\": \"2025-06-01\"");
    }

    @Test
    void concurrentConclusionsOfTheSameTypeLeaveExactlyOneContract() throws Exception {
        UUID customer = registerCustomer();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> http.post("/api/v1/contracts", """
                        {"customerId": "%s", "type": "HOURLY", "startDate": "2026-01-01"}""".formatted(customer))
                        .status()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contract_registry WHERE customer_id = ?", Long.class,
                customer)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "negative rate    | 400 | \"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", \"hourlyRates\": {\"TECHNICIAN\": -1} | hourlyRates[TECHNICIAN] must be greater than or equal to 0",
            "missing rate     | 400 | \"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", \"hourlyRates\": {\"TECHNICIAN\": null} | hourlyRates[TECHNICIAN] must not be null",
            "unknown role     | 400 | \"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", \"hourlyRates\": {\"JANITOR\": 10} | hourlyRates",
            "unknown state    | 400 | \"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", \"holidayState\": \"XX\" | holidayState must be one of",
            "step of 0        | 400 | \"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", \"billingUnits\": [{\"role\": \"TECHNICIAN\", \"mode\": \"REMOTE\", \"firstUnit\": 15, \"step\": 0}] | billingUnits[0].step must be greater than or equal to 1",
            "no type          | 400 | \"startDate\": \"2026-01-01\" | type must not be null",
            "no start         | 400 | \"type\": \"HOURLY\" | startDate must not be null",
            "bad date         | 400 | \"type\": \"HOURLY\", \"startDate\": \"2026-02-30\" | startDate",
            "start after end  | 422 | \"type\": \"HOURLY\", \"startDate\": \"2026-06-01\", \"endDate\": \"2026-05-31\" | the contract cannot end (2026-05-31) before it starts (2026-06-01)",
            "no level         | 422 | \"type\": \"SERVICE\", \"startDate\": \"2026-01-01\" | a SERVICE contract needs a level",
            "window backwards | 422 | \"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", \"serviceHours\": [{\"day\": \"MONDAY\", \"from\": \"17:00\", \"to\": \"09:00\"}] | service hours on MONDAY must end after they start",
            "unknown zone     | 422 | \"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", \"zone\": \"Mars/Olympus\" | unknown time zone 'Mars/Olympus'",
    })
    void badTermsAreRejectedAndNothingIsStored(String name, int status, String fields, String detail) {
        UUID customer = registerCustomer();
        long before = eventCount();

        assertProblem(http.post("/api/v1/contracts", "{\"customerId\": \"%s\", %s}".formatted(customer, fields)),
                status, detail);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownCustomersAndContractsAreRejected() {
        UUID stranger = UUID.randomUUID();
        assertProblem(http.post("/api/v1/contracts", """
                {"customerId": "%s", "type": "HOURLY", "startDate": "2026-01-01"}""".formatted(stranger)), 422,
                "customer " + stranger + " is not registered");
        assertProblem(http.get("/api/v1/contracts/" + stranger), 404, "no contract " + stranger);
        assertProblem(http.post("/api/v1/contracts/" + stranger + "/termination", """
                {"receivedOn": "2026-11-01", "channel": "LETTER", "by": "CUSTOMER"}"""), 404, "no contract " + stranger);
        UUID contract = concludeContract(registerCustomer(), "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\"");
        assertProblem(http.post("/api/v1/contracts/" + contract + "/termination", """
                {"receivedOn": "2026-11-01", "channel": "PHONE", "by": "CUSTOMER"}"""), 422,
                "notice must be in text form");
    }
}
