package de.ticketwerk.app.invoice;

import de.ticketwerk.app.quota.QuotaCalendar;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.WorkDays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In the style of Kill Bill's tests: a controlled clock moves through 2026 with an HOURLY, a QUOTA and a SERVICE
 * customer; on each 1st the month just ended is billed by itself, and each customer's invoice is checked line by
 * line (I1's remote 7 minutes, I2's fees in advance, I3's overage, a settlement correction naming the invoice it
 * corrects) and issued. The schedule's own timer is off in the API tests: the test moves time and ticks it.
 */
class InvoiceYearApiTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    @Autowired
    BillingSchedule schedule;

    @Autowired
    QuotaCalendar quotaCalendar;

    /** Month by month: the lines (kind and net) and the totals each customer's invoice must show. */
    record Expected(String kinds, String nets, String net, String vat, String gross) {
    }

    @Test
    void aYearOfInvoices() {
        moveTo("2026-01-01T08:00");
        UUID hourly = registerCustomer("Kanzlei Stunden", "NW");
        concludeContract(hourly, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", "
                + "\"hourlyRates\": {\"TECHNICIAN\": 95}");
        UUID quota = registerCustomer("Kanzlei Kontingent", "NW");
        concludeContract(quota, """
                "type": "QUOTA", "startDate": "2026-01-01", "monthlyFee": 149.00, "minuteExact": true,
                "hourlyRates": {"TECHNICIAN": 90.00}, "quota": {"allotmentMinutes": 600, "period": "MONTH",
                "expiry": "PERIOD_END", "settlement": "MONTHLY", "overageRate": 90.00}""");
        UUID service = registerCustomer("Kanzlei Service", "NW");
        concludeContract(service, "\"type\": \"SERVICE\", \"level\": \"STANDARD\", \"startDate\": \"2026-01-01\", "
                + "\"monthlyFee\": 199.00");
        UUID hourlyTicket = openTicket(hourly, "Laufende Betreuung");
        UUID quotaTicket = openTicket(quota, "Laufende Betreuung");

        Map<Integer, String> quotaNumbers = new HashMap<>();
        for (int month = 1; month <= 12; month++) {
            moveTo("2026-%02d-28T18:00".formatted(month));
            WorkDays.spread(2026, month, 7).forEach(work -> WorkDays.log(http, hourlyTicket, work));
            long quotaMinutes = month == 1 ? 600 : month == 2 ? 750 : 300;
            WorkDays.spread(2026, month, quotaMinutes).forEach(work -> WorkDays.log(http, quotaTicket, work));
            if (month == 4) {
                WorkDays.log(http, quotaTicket, new WorkDays.Work(java.time.LocalDate.parse("2026-02-10"), 60));
            }

            YearMonth billed = YearMonth.of(2026, month);
            LocalDateTime first = billed.plusMonths(1).atDay(1).atTime(7, 0);
            moveTo(first.toString());
            tick();

            String issueDate = first.toLocalDate().toString();
            check(hourly, billed, new Expected("WORK", "23.75", "23.75", "4.51", "28.26"), issueDate);
            Expected quotaInvoice = switch (month) {
                case 1 -> new Expected("FEE FEE", "149.00 149.00", "298.00", "56.62", "354.62");
                case 2 -> new Expected("FEE OVERAGE", "149.00 225.00", "374.00", "71.06", "445.06");
                case 4 -> new Expected("FEE CORRECTION", "149.00 90.00", "239.00", "45.41", "284.41");
                default -> new Expected("FEE", "149.00", "149.00", "28.31", "177.31");
            };
            JsonNode issued = check(quota, billed, quotaInvoice, issueDate);
            quotaNumbers.put(month, issued.get("number").asString());
            if (month == 4) {
                assertThat(issued.get("lines").get(1).get("corrects").asString())
                        .as("the settlement correction names February's invoice").isEqualTo(quotaNumbers.get(2));
            }
            check(service, billed, month == 1 ? new Expected("FEE FEE", "199.00 199.00", "398.00", "75.62", "473.62")
                    : new Expected("FEE", "199.00", "199.00", "37.81", "236.81"), issueDate);
        }
        assertThat(quotaNumbers.get(12)).as("December's invoice is issued in 2027: its series").startsWith("2027-");
    }

    /** The customer's one invoice of the month, line by line; then issued on the 1st. */
    private JsonNode check(UUID customer, YearMonth month, Expected expected, String issueDate) {
        JsonNode list = http.get("/api/v1/invoices?customerId=" + customer + "&month=" + month).json();
        assertThat(list.get("items")).as(month + " of " + customer).hasSize(1);
        JsonNode invoice = list.get("items").get(0);
        List<String> kinds = new ArrayList<>();
        List<String> nets = new ArrayList<>();
        invoice.get("lines").forEach(line -> {
            kinds.add(line.get("kind").asString());
            nets.add(line.get("net").decimalValue().toPlainString());
        });
        String what = month + " of " + customer;
        assertThat(String.join(" ", kinds)).as(what).isEqualTo(expected.kinds());
        assertThat(String.join(" ", nets)).as(what).isEqualTo(expected.nets());
        assertThat(invoice.get("totals").get("net").decimalValue()).as(what).isEqualTo(expected.net());
        assertThat(invoice.get("totals").get("vat").decimalValue()).as(what).isEqualTo(expected.vat());
        assertThat(invoice.get("totals").get("gross").decimalValue()).as(what).isEqualTo(expected.gross());
        String invoiceId = invoice.get("invoiceId").asString();
        Http.Response issued = http.post("/api/v1/invoices/" + invoiceId + "/issue",
                "{\"issueDate\": \"%s\"}".formatted(issueDate));
        assertThat(issued.status()).as(issued.text()).isEqualTo(200);
        return awaitGet(http, "/api/v1/invoices/" + invoiceId, i -> i.get("status").asString().equals("ISSUED"));
    }

    private void moveTo(String localDateTime) {
        CLOCK.moveTo(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
        quotaCalendar.closeEveryQuota();
    }

    /** What the schedule does each hour: once the read models have caught up, the month just ended is billed. */
    private void tick() {
        awaitCaughtUpEverywhere();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(schedule::runDueMonths);
        awaitCaughtUpEverywhere();
    }
}
