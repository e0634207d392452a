package de.ticketwerk.app.quota;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.Pdfs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the style of Kill Bill's tests: a controlled clock moves through 2026 with example Q4 (annual quota of 1440 min,
 * PERIOD_END, settled per contract year, 96 €/h overage, 149 € a month); after each quarter the quarterly statement
 * is checked line by line, and after the year the annual statement.
 */
class QuotaYearApiTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    @Autowired
    QuotaCalendar calendar;

    private UUID contract;
    private UUID ticket;
    private final List<UUID> entries = new ArrayList<>();

    private void moveTo(String localDateTime) {
        CLOCK.moveTo(java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
        calendar.closeEveryQuota();
    }

    /** Work in service hours on {@code day}, logged the same evening. */
    private void work(String day, long minutes) {
        LocalDate date = LocalDate.parse(day);
        moveTo(day + "T18:00");
        Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "REMOTE", "technician": "jonas"}"""
                .formatted(date.atTime(LocalTime.of(9, 0)).atZone(BERLIN).toInstant(),
                        date.atTime(LocalTime.of(9, 0)).plusMinutes(minutes).atZone(BERLIN).toInstant()));
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        entries.add(UUID.fromString(logged.json().get("entryId").asString()));
    }

    private JsonNode statement(String path, long usedSoFar) {
        awaitGet(http, "/api/v1/contracts/" + contract + "/quota?asOf=2099-12-31",
                q -> q.get("used").asLong() == usedSoFar);
        awaitCaughtUp("quota-ledger");
        awaitCaughtUp("time-entry-pricing");
        return http.get("/api/v1/contracts/" + contract + "/statements/" + path).json();
    }

    private static void assertQuarter(JsonNode s, boolean provisional, long opening, long credited, long used,
                                      long settled, String amount, long closing, long yearToDate, long remaining) {
        assertThat(s.get("provisional").asBoolean()).as("provisional").isEqualTo(provisional);
        assertThat(s.get("openingBalance").asLong()).as("opening balance").isEqualTo(opening);
        assertThat(s.get("credited").asLong()).as("credited").isEqualTo(credited);
        assertThat(s.get("used").asLong()).as("used").isEqualTo(used);
        assertThat(s.get("forfeited").asLong()).as("forfeited").isZero();
        assertThat(s.get("settledMinutes").asLong()).as("settled").isEqualTo(settled);
        assertThat(s.get("settledAmount").decimalValue()).as("settled amount").isEqualTo(amount);
        assertThat(s.get("closingBalance").asLong()).as("closing balance").isEqualTo(closing);
        assertThat(s.get("usedInQuotaYear").asLong()).as("used this quota year").isEqualTo(yearToDate);
        assertThat(s.get("remainingOfAnnualQuota").asLong()).as("remaining").isEqualTo(remaining);
        assertThat(s.get("usedByServiceItem").get(0).get("key").asString()).isEqualTo("REMOTE_SUPPORT");
        assertThat(s.get("usedByServiceItem").get(0).get("minutes").asLong()).isEqualTo(used);
        assertThat(s.get("usedByTicket")).hasSize(1);
        assertThat(s.get("usedByTicket").get(0).get("key").asString()).as("the ticket's number (R-S1)")
                .matches("T2026-\\d{6}");
    }

    @Test
    void aYearOfExampleQ4() throws Exception {
        moveTo("2026-01-01T08:00");
        UUID customer = registerCustomer("Kanzlei Jahreslauf", "NW");
        contract = concludeContract(customer, """
                "type": "QUOTA", "startDate": "2026-01-01", "monthlyFee": 149.00, "minuteExact": true,
                "hourlyRates": {"TECHNICIAN": 96.00}, "quota": {"allotmentMinutes": 1440, "period": "CONTRACT_YEAR",
                "expiry": "PERIOD_END", "settlement": "CONTRACT_YEAR", "overageRate": 96.00}""");
        ticket = openTicket(customer, "Laufende Betreuung");

        work("2026-02-10", 300);
        moveTo("2026-03-20T08:00");
        assertQuarter(statement("quarterly/2026/1", 300), true, 0, 1440, 300, 0, "0.00", 1140, 300, 1140);
        moveTo("2026-04-01T06:00");
        assertQuarter(statement("quarterly/2026/1", 300), false, 0, 1440, 300, 0, "0.00", 1140, 300, 1140);

        work("2026-05-11", 480);
        work("2026-05-12", 20);
        moveTo("2026-07-01T06:00");
        assertQuarter(statement("quarterly/2026/2", 800), false, 1140, 0, 500, 0, "0.00", 640, 800, 640);

        work("2026-08-10", 400);
        moveTo("2026-10-01T06:00");
        assertQuarter(statement("quarterly/2026/3", 1200), false, 640, 0, 400, 0, "0.00", 240, 1200, 240);

        work("2026-11-10", 480);
        work("2026-11-11", 20);
        moveTo("2026-12-31T12:00");
        assertQuarter(statement("quarterly/2026/4", 1700), true, 240, 0, 500, 0, "0.00", -260, 1700, -260);
        assertThat(statement("annual/2026", 1700).get("provisional").asBoolean()).isTrue();

        moveTo("2027-01-01T06:00");
        assertQuarter(statement("quarterly/2026/4", 1700), false, 240, 0, 500, 260, "416.00", 0, 1700, -260);

        JsonNode year = statement("annual/2026", 1700);
        assertThat(year.get("provisional").asBoolean()).isFalse();
        assertThat(year.get("from").asString()).isEqualTo("2026-01-01");
        assertThat(year.get("to").asString()).isEqualTo("2026-12-31");
        JsonNode lines = year.get("entries");
        assertThat(lines).hasSize(6);
        List<String> days = new ArrayList<>();
        List<Long> minutes = new ArrayList<>();
        lines.forEach(line -> {
            days.add(line.get("workDate").asString());
            minutes.add(line.get("quotaMinutes").asLong());
            assertThat(line.get("technician").asString()).isEqualTo("jonas");
            assertThat(line.get("settlement").asString()).isEqualTo("QUOTA");
            assertThat(line.get("rawMinutes").asLong()).isEqualTo(line.get("billedMinutes").asLong());
        });
        assertThat(days).containsExactly("2026-02-10", "2026-05-11", "2026-05-12", "2026-08-10", "2026-11-10",
                "2026-11-11");
        assertThat(minutes).containsExactly(300L, 480L, 20L, 400L, 480L, 20L);
        assertThat(year.get("quotaMinutes").asLong()).isEqualTo(1700);
        assertThat(year.get("used").asLong()).isEqualTo(1700);
        assertThat(year.get("credited").asLong()).isEqualTo(1440);
        assertThat(year.get("overageMinutes").asLong()).isEqualTo(260);
        assertThat(year.get("overageAmount").decimalValue()).isEqualTo("416.00");
        assertThat(year.get("months")).hasSize(12)
                .allSatisfy(month -> assertThat(month.get("instalment").decimalValue()).isEqualTo("149.00"));
        assertThat(year.get("months").get(4).get("used").asLong()).as("May").isEqualTo(500);
        assertThat(year.get("instalments").decimalValue()).isEqualTo("1788.00");
        assertThat(year.get("closingBalance").asLong()).isZero();
        assertThat(year.get("carriedOver").asLong()).isZero();

        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port() + "/api/v1/contracts/" + contract + "/statements/annual/2026"))
                .header("Accept", "text/csv").header("Authorization", "Bearer " + http.tokenOf(Http.ACTOR)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        byte[] body = csv.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).as("UTF-8 byte order mark")
                .containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8);
        String number = ticketNumber(ticket);
        assertThat(text).contains("10.02.2026;" + number + ";" + entries.get(0) + ";jonas;TECHNICIAN;REMOTE;"
                + "REMOTE_SUPPORT;300;300;0;QUOTA;300;0,00;");
        assertThat(text).contains("Mehrminuten;260;416,00").contains("Summe;1788,00;1700");

        byte[] quarter = pdf("quarterly/2026/4", "zwischenstand-2026-q4.pdf");
        assertThat(Pdfs.text(quarter)).contains("Kontingent: Zwischenstand 4. Quartal 2026", "Test IT-Service GmbH",
                "Kanzlei Jahreslauf", "01.10.2026 bis 31.12.2026", "Anfangsbestand 4:00 h", "Verbraucht 8:20 h",
                "Abgerechnete Mehrzeit 4:20 h (416,00 €)", "Endbestand 0:00 h", "Verbraucht seit 01.01.2026 28:20 h",
                "Rest des Jahreskontingents −4:20 h", "Remote-Support 8:20 h", "Verbrauch nach Ticket",
                number + " 8:20 h",
                "Januar 2026 24:00 h 0:00 h 0:00 h 0:00 h 24:00 h", "Februar 2026 0:00 h 5:00 h 0:00 h 0:00 h 19:00 h",
                "November 2026 0:00 h 8:20 h 0:00 h 0:00 h −4:20 h",
                "Dezember 2026 0:00 h 0:00 h 0:00 h 4:20 h 0:00 h");
        assertThat(Pdfs.text(quarter)).doesNotContain("vorläufig");
        byte[] annual = pdf("annual/2026", "jahresaufstellung-2026.pdf");
        assertThat(Pdfs.text(annual)).contains("Kontingent: Jahresaufstellung", "01.01.2026 bis 31.12.2026",
                "Gutschriften 24:00 h", "Verbraucht 28:20 h", "Mehrzeit 4:20 h (416,00 €)", "Übertrag 0:00 h",
                "Monatliche Abschläge 1.788,00 €", "10.02.2026 " + number + " Remote-Support, Techniker, remote jonas "
                        + "5:00 h 5:00 h "
                        + "Kontingent (5:00 h) 0,00 €", "Mai 2026 0:00 h 8:20 h 0:00 h 0:00 h 10:40 h");

        Http.Response unknown = http.send("GET", "/api/v1/contracts/" + UUID.randomUUID() + "/statements/annual/2026",
                null, Http.ACTOR, "application/pdf");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    /** The statement as a PDF/A-3b whose first page shows the chart's credit and use bars in their colours. */
    private byte[] pdf(String path, String filename) throws Exception {
        Http.Response pdf = http.send("GET", "/api/v1/contracts/" + contract + "/statements/" + path, null,
                Http.ACTOR, "application/pdf");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains(filename);
        Pdfs.assertPdfA3b(pdf.bytes(), filename);
        assertThat(Pdfs.pixelsOfColour(pdf.bytes(), 0x4a7ab5)).as("credit bars").isPositive();
        assertThat(Pdfs.pixelsOfColour(pdf.bytes(), 0xd08c3a)).as("use bars").isPositive();
        return pdf.bytes();
    }
}
