package de.ticketwerk.app.web;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The documented bounds of the API (README, "Input bounds"): dates 2000-01-01 to 2099-12-31, contracts at most ten
 * years back, amounts in whole cents up to their maximum, texts without control characters. Each refusal is a 400
 * problem naming the field, and stores nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputBoundsTest extends ApiTest {

    private UUID customer;
    private UUID ticket;
    private UUID quota;

    @BeforeAll
    void aCustomerWithATicketAndAQuota() {
        connect();
        customer = registerCustomer("Kanzlei Grenzen", "NW");
        ticket = openTicket(customer, "Bounds");
        quota = concludeContract(customer, """
                "type": "QUOTA", "startDate": "2026-01-01", "quota": {"allotmentMinutes": 600, "period": "MONTH"}""");
    }

    private static String contract(String fields) {
        return "{\"customerId\": \"{customer}\", \"type\": \"HOURLY\", \"startDate\": \"2026-01-01\"" + fields + "}";
    }

    private static String entry(String start, String end) {
        return "{\"start\": \"" + start + "\", \"end\": \"" + end + "\", \"role\": \"TECHNICIAN\", \"mode\": \"REMOTE\"}";
    }

    private static String ticket(String title, String description) {
        return "{\"customerId\": \"{customer}\", \"channel\": \"PHONE\", \"kind\": \"INCIDENT\", \"serviceItem\": "
                + "\"HOTLINE\", \"title\": \"" + title + "\", \"description\": \"" + description + "\", "
                + "\"reporter\": \"Frau Berger\"}";
    }

    static Stream<Arguments> outOfBounds() {
        String elevenYearsBack = LocalDate.now(ZoneId.of("Europe/Berlin")).minusYears(11).toString();
        String times = "/api/v1/tickets/{ticket}/time-entries";
        return Stream.of(
                arguments("a contract eleven years back", "POST", "/api/v1/contracts",
                        contract("").replace("2026-01-01", elevenYearsBack), "startDate"),
                arguments("a contract from the year 0", "POST", "/api/v1/contracts",
                        contract("").replace("2026-01-01", "0000-01-01"), "startDate"),
                arguments("a contract from year -999999999", "POST", "/api/v1/contracts",
                        contract("").replace("2026-01-01", "-999999999-01-01"), "startDate"),
                arguments("a contract ending in 2100", "POST", "/api/v1/contracts",
                        contract(", \"endDate\": \"2100-01-01\""), "endDate"),
                arguments("a rate of 1e3000000", "POST", "/api/v1/contracts",
                        contract(", \"hourlyRates\": {\"TECHNICIAN\": 1e3000000}"), "hourlyRates"),
                arguments("a rate of 1e15", "POST", "/api/v1/contracts",
                        contract(", \"hourlyRates\": {\"TECHNICIAN\": 1e15}"), "hourlyRates"),
                arguments("a rate above 10,000 €/h", "POST", "/api/v1/contracts",
                        contract(", \"hourlyRates\": {\"TECHNICIAN\": 10000.01}"), "hourlyRates"),
                arguments("a rate in tenths of a cent", "POST", "/api/v1/contracts",
                        contract(", \"hourlyRates\": {\"TECHNICIAN\": 95.005}"), "hourlyRates"),
                arguments("an overage rate of 1e15", "POST", "/api/v1/contracts",
                        contract(", \"quota\": {\"overageRate\": 1e15}").replace("HOURLY", "QUOTA"),
                        "quota.overageRate"),
                arguments("a monthly fee of 1e400", "POST", "/api/v1/contracts", contract(", \"monthlyFee\": 1e400"),
                        "monthlyFee"),
                arguments("a travel fee of 2^63", "POST", "/api/v1/contracts",
                        contract(", \"travelFee\": 9223372036854775808"), "travelFee"),
                arguments("2^63 minutes of quota", "POST", "/api/v1/contracts",
                        contract(", \"quota\": {\"allotmentMinutes\": 9223372036854775808}")
                                .replace("HOURLY", "QUOTA"), "quota.allotmentMinutes"),
                arguments("a surcharge of 1001 %", "POST", "/api/v1/contracts",
                        contract(", \"surcharges\": {\"weekendHolidayPercent\": 1001}"),
                        "surcharges.weekendHolidayPercent"),
                arguments("a zone with a NUL", "POST", "/api/v1/contracts",
                        contract(", \"zone\": \"Europe/Berlin\\u0000\""), "zone"),
                arguments("a price change in 2100", "POST", "/api/v1/contracts/{quota}/price-changes",
                        "{\"effectiveFrom\": \"2100-01-01\"}", "effectiveFrom"),
                arguments("a notice received in 1899", "POST", "/api/v1/contracts/{quota}/termination",
                        "{\"receivedOn\": \"1899-12-31\", \"channel\": \"LETTER\", \"by\": \"CUSTOMER\"}",
                        "receivedOn"),
                arguments("an entry in the year 0", "POST", times,
                        entry("0000-01-01T10:00:00Z", "0000-01-01T11:00:00Z"), "start"),
                arguments("an entry in the year 1", "POST", times,
                        entry("0001-01-01T10:00:00Z", "0001-01-01T11:00:00Z"), "start"),
                arguments("an entry in 1899", "POST", times, entry("1899-12-31T10:00:00Z", "1899-12-31T11:00:00Z"),
                        "start"),
                arguments("an entry in the year -5000", "POST", times,
                        entry("-5000-03-03T10:00:00Z", "-5000-03-03T11:00:00Z"), "start"),
                arguments("a preview in 1700", "POST", "/api/v1/pricing/preview", """
                        {"contractId": "{quota}", "kind": "INCIDENT", "serviceItem": "HOTLINE",
                         "start": "1700-05-01T10:00:00Z", "end": "1700-05-01T12:00:00Z", "role": "TECHNICIAN",
                         "mode": "REMOTE"}""", "start"),
                arguments("a NUL in a title", "POST", "/api/v1/tickets", ticket("Printer\\u0000", "x"), "title"),
                arguments("a line break in a title", "POST", "/api/v1/tickets", ticket("Printer\\ndown", "x"),
                        "title"),
                arguments("a NUL in a description", "POST", "/api/v1/tickets", ticket("Printer", "a\\u0000b"),
                        "description"),
                arguments("a bell in a description", "POST", "/api/v1/tickets", ticket("Printer", "a\\u0007b"),
                        "description"),
                arguments("a line separator in a reporter", "POST", "/api/v1/tickets",
                        ticket("Printer", "x").replace("Frau Berger", "Frau\\u2028Berger"), "reporter"),
                arguments("half a surrogate pair in a customer name", "POST", "/api/v1/customers",
                        "{\"name\": \"Kanzlei \\ud800\", \"federalState\": \"NW\"}", "name"),
                arguments("U+FFFF in a customer name", "POST", "/api/v1/customers",
                        "{\"name\": \"Kanzlei \\uffff\", \"federalState\": \"NW\"}", "name"),
                arguments("U+FFFE in a street", "POST", "/api/v1/customers", """
                        {"name": "Kanzlei", "federalState": "NW", "address": {"street": "Markt \\ufffe",
                         "postalCode": "48143", "city": "Münster"}}""", "address.street"),
                arguments("U+FDD0 in a description", "POST", "/api/v1/tickets", ticket("Printer", "a\\ufdd0b"),
                        "description"),
                arguments("U+1FFFF in a title", "POST", "/api/v1/tickets", ticket("Printer \\ud83f\\udfff", "x"),
                        "title"),
                arguments("U+FFFF in a technician", "POST", times, entry("2026-03-03T10:00:00Z",
                        "2026-03-03T11:00:00Z").replace("}", ", \"technician\": \"anna\\uffff\"}"), "technician"),
                arguments("U+FFFF in a query", "GET", "/api/v1/customers?name=Kanzlei%EF%BF%BF", null, "query"),
                arguments("a NUL in a comment", "POST", "/api/v1/tickets/{ticket}/comments",
                        "{\"visibility\": \"PUBLIC\", \"text\": \"a\\u0000\"}", "text"),
                arguments("a title of 201 characters", "POST", "/api/v1/tickets", ticket("x".repeat(201), "x"),
                        "title"),
                arguments("a balance as of 1899", "GET", "/api/v1/contracts/{quota}/quota?asOf=1899-12-31", null,
                        "asOf"),
                arguments("a ledger from year -999999999", "GET",
                        "/api/v1/contracts/{quota}/quota/ledger?from=-999999999-01-01", null, "from"),
                arguments("a statement of 1999", "GET", "/api/v1/contracts/{quota}/statements/annual/1999", null,
                        "year"),
                arguments("a statement of 2100", "GET", "/api/v1/contracts/{quota}/statements/quarterly/2100/1",
                        null, "year"),
                arguments("page 100001", "GET", "/api/v1/tickets?page=100001", null, "page"),
                arguments("a name of 201 characters", "GET", "/api/v1/customers?name=" + "x".repeat(201), null,
                        "name"),
                arguments("a void reason with a NUL", "DELETE",
                        "/api/v1/tickets/{ticket}/time-entries/" + UUID.randomUUID() + "?reason=a%00b", null,
                        "query"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfBounds")
    void isRefusedNamingTheFieldAndStoresNothing(String name, String method, String path, String body,
                                                 String field) {
        awaitCaughtUpEverywhere();
        long eventsBefore = eventCount();

        Http.Response response = http.send(method, resolve(path), body == null ? null : resolve(body), "anna");

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.text()).isNotNull();
        assertThat(errors.findValuesAsString("field")).as(response.text()).anyMatch(f -> f.startsWith(field));
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void lineBreaksAndTabsAreTakenWhereTextHasSeveralLines() {
        Http.Response opened = http.post("/api/v1/tickets",
                resolve(ticket("Printer down", "Since 8:00.\\n\\tTried:\\r\\n- new toner 😀")));

        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        JsonNode detail = awaitTicket(UUID.fromString(opened.json().get("ticketId").asString()), t -> true);
        assertThat(detail.get("description").asString()).isEqualTo("Since 8:00.\n\tTried:\r\n- new toner 😀");
    }

    @Test
    void theEdgesOfTheRangeAreTaken() {
        Http.Response first = http.get("/api/v1/contracts/" + quota + "/quota?asOf=2000-01-01");
        Http.Response last = http.get("/api/v1/contracts/" + quota + "/quota?asOf=2099-12-31");

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(last.status()).as(last.text()).isEqualTo(200);
    }

    @Test
    void aHeaderNamingAnotherActorIsIgnored() {
        RawHttp.Response response = RawHttp.send(port(), "POST /api/v1/tickets/" + ticket + "/escalate HTTP/1.1",
                java.util.List.of("Content-Type: application/json", "X-Actor: mallory",
                        "Authorization: Bearer " + http.tokenOf("anna")), "{\"reason\": \"slow\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        awaitCaughtUpEverywhere();
        assertThat(jdbc.queryForList("SELECT actor FROM ticket_history_view WHERE ticket_id = ? AND change = "
                + "'ESCALATED'", String.class, ticket)).containsOnly("anna");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload LIKE '%mallory%'", Long.class)).isZero();
    }

    private String resolve(String text) {
        return text.replace("{customer}", customer.toString()).replace("{ticket}", ticket.toString())
                .replace("{quota}", quota.toString());
    }
}
