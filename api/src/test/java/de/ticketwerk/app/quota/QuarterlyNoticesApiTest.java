package de.ticketwerk.app.quota;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.Mails.Attachment;
import de.ticketwerk.app.support.Pdfs;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Predicate;

import static de.ticketwerk.app.support.Mails.attachment;
import static de.ticketwerk.app.support.Mails.awaitMailTo;
import static de.ticketwerk.app.support.Mails.mailsTo;
import static de.ticketwerk.app.support.Mails.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R-S4 (seed 000: "vierteljährlich erfolgt eine Benachrichtigung über den Zwischenstand"): on a moving clock through
 * example Q4 (annual quota of 1440 min), the first quarter's close sends the customer one notice with the quarter's
 * figures and the statement's PDF; a late entry for that quarter sends one correction; the read model says what was
 * sent, to whom, and how far its delivery got.
 */
class QuarterlyNoticesApiTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String Q4_TERMS = """
            "type": "QUOTA", "startDate": "2026-01-01", "monthlyFee": 149.00, "minuteExact": true,
            "hourlyRates": {"TECHNICIAN": 96.00}, "quota": {"allotmentMinutes": 1440, "period": "CONTRACT_YEAR",
            "expiry": "PERIOD_END", "settlement": "CONTRACT_YEAR", "overageRate": 96.00}""";

    @Autowired
    private QuotaCalendar calendar;

    @Test
    void aClosedQuarterIsNotifiedOnceWithItsFiguresAndPdfAndALateEntryIsCorrectedOnce() throws Exception {
        String address = "chefin-" + UUID.randomUUID() + "@kanzlei-quartal.example";
        moveTo("2026-01-01T08:00");
        UUID customer = registerWithNotifications("Kanzlei Quartal",
                "{\"QUARTERLY_STATEMENT\": [\"" + address + "\"]}");
        UUID contract = concludeContract(customer, Q4_TERMS);
        awaitQuota(contract);
        UUID ticket = openTicket(customer, "Laufende Betreuung");
        moveTo("2026-02-10T18:00");
        work(contract, ticket, "2026-02-10T09:00", 300, 300);

        moveTo("2026-03-31T23:30");
        assertThat(notices(contract)).as("the quarter has not closed in Berlin").isEmpty();
        moveTo("2026-04-01T06:00");

        MimeMessage notice = awaitMailTo(address);
        assertThat(notice.getSubject()).isEqualTo("Zwischenstand Ihres Stundenkontingents: 1. Quartal 2026");
        assertThat(notice.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(part(notice, "text/plain")).contains("das 1. Quartal 2026 ist abgeschlossen",
                "Zeitraum:         01.01.2026 bis 31.03.2026", "Anfangsbestand:   0:00 h",
                "Gutgeschrieben:   24:00 h", "Verbraucht:       5:00 h", "Verfallen:        0:00 h",
                "Endbestand:       19:00 h", "verbraucht: 5:00 h, verbleibend: 19:00 h");
        assertThat(part(notice, "text/html")).contains("Endbestand", "19:00 h");
        Attachment pdf = attachment(notice, "zwischenstand-2026-q1.pdf");
        assertThat(pdf).as("the statement's PDF is attached").isNotNull();
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(Pdfs.text(pdf.content())).contains("Kanzlei Quartal", "19:00");

        calendar.closeEveryQuota();
        calendar.closeEveryQuota();
        Thread.sleep(1_500);
        assertThat(mailsTo(address)).as("once, however often the calendar runs").hasSize(1);
        JsonNode sent = awaitNotices(contract, list -> list.size() == 1
                && list.get(0).get("delivery").asString().equals("SENT"));
        JsonNode first = sent.get(0);
        assertThat(first.get("year").asInt()).isEqualTo(2026);
        assertThat(first.get("quarter").asInt()).isEqualTo(1);
        assertThat(first.get("correction").asBoolean()).isFalse();
        assertThat(first.get("dueAt").asString()).isEqualTo("2026-03-31T22:00:00Z");
        assertThat(first.get("figures").get("used").asLong()).isEqualTo(300);
        assertThat(first.get("figures").get("closingBalance").asLong()).isEqualTo(1140);
        assertThat(first.get("recipients").get(0).asString()).isEqualTo(address);
        assertThat(first.get("messageId").asString()).isEqualTo(notice.getMessageID());
        assertThat(first.get("sentAt").isNull()).isFalse();

        moveTo("2026-04-02T10:00");
        work(contract, ticket, "2026-03-20T09:00", 60, 360);
        calendar.closeEveryQuota();

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() == 2);
        MimeMessage correction = mailsTo(address).get(1);
        assertThat(correction.getMessageID()).isNotEqualTo(notice.getMessageID());
        assertThat(correction.getSubject())
                .isEqualTo("Korrektur: Zwischenstand Ihres Stundenkontingents: 1. Quartal 2026");
        assertThat(part(correction, "text/plain")).contains("berichtigte Zwischenstand", "Verbraucht:       6:00 h",
                "Endbestand:       18:00 h");
        assertThat(attachment(correction, "zwischenstand-2026-q1.pdf")).isNotNull();

        work(contract, ticket, "2026-04-02T09:00", 30, 390);
        calendar.closeEveryQuota();
        calendar.closeEveryQuota();
        Thread.sleep(1_500);
        assertThat(mailsTo(address)).as("one correction; work of the open quarter corrects nothing").hasSize(2);
        JsonNode both = notices(contract);
        assertThat(both).hasSize(2);
        assertThat(both.get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(both.get(0).get("correction").asBoolean()).isTrue();
        assertThat(both.get(0).get("figures").get("used").asLong()).isEqualTo(360);
        assertThat(both.get(0).get("messageId").asString()).isEqualTo(correction.getMessageID());
        assertThat(both.get(1).get("revision").asInt()).isZero();
    }

    @Test
    void aCustomerWhoChoseNoAddressIsRecordedAsNotifiedOfNothing() {
        moveTo("2026-06-15T08:00");
        UUID customer = registerWithNotifications("Kanzlei Ohne", "{\"TICKET_OPENED\": [\"it@ohne.example\"]}");
        UUID contract = concludeContract(customer, Q4_TERMS.replace("2026-01-01", "2026-06-01"));
        awaitQuota(contract);

        moveTo("2026-07-01T06:00");

        JsonNode notices = awaitNotices(contract, list -> list.size() == 1);
        assertThat(notices.get(0).get("quarter").asInt()).isEqualTo(2);
        assertThat(notices.get(0).get("delivery").asString()).isEqualTo("NO_ADDRESS");
        assertThat(notices.get(0).get("recipients")).isEmpty();
        assertThat(notices.get(0).get("messageId").isNull()).isTrue();
        assertThat(notices.get(0).get("figures").get("credited").asLong()).isEqualTo(1440);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE cause LIKE ?", Long.class,
                "quarterly:" + contract + ":%")).isZero();
    }

    @Test
    void aClosedQuotaYearSendsTheAnnualStatementWithItsPdfOnce() throws Exception {
        String address = "chef-" + UUID.randomUUID() + "@kanzlei-jahr.example";
        moveTo("2026-01-01T08:00");
        UUID customer = registerWithNotifications("Kanzlei Jahr", "{\"ANNUAL_STATEMENT\": [\"" + address + "\"]}");
        UUID contract = concludeContract(customer, Q4_TERMS);
        awaitQuota(contract);
        UUID ticket = openTicket(customer, "Laufende Betreuung");
        moveTo("2026-02-10T18:00");
        work(contract, ticket, "2026-02-10T09:00", 300, 300);
        moveTo("2026-11-12T18:00");
        work(contract, ticket, "2026-11-10T09:00", 480, 780);
        work(contract, ticket, "2026-11-11T09:00", 480, 1260);
        work(contract, ticket, "2026-11-12T09:00", 440, 1700);

        moveTo("2026-12-31T23:00");
        assertThat(mailsTo(address)).as("the year has not closed").isEmpty();
        moveTo("2027-01-01T06:00");

        MimeMessage annual = awaitMailTo(address);
        assertThat(annual.getSubject())
                .isEqualTo("Jahresaufstellung Ihres Stundenkontingents 01.01.2026 bis 31.12.2026");
        assertThat(part(annual, "text/plain")).contains("Gutgeschrieben:   24:00 h", "Verbraucht:       28:20 h",
                "Mehrminuten:      4:20 h (416,00 € netto)", "Endbestand:       0:00 h");
        assertThat(Pdfs.text(attachment(annual, "jahresaufstellung-2026.pdf").content())).contains("Kanzlei Jahr");
        calendar.closeEveryQuota();
        Thread.sleep(1_500);
        assertThat(mailsTo(address)).as("once").hasSize(1);
    }

    private void moveTo(String berlinTime) {
        CLOCK.moveTo(LocalDateTime.parse(berlinTime).atZone(BERLIN).toInstant());
        calendar.closeEveryQuota();
    }

    /**
     * Logs work of {@code minutes} from {@code start} (Berlin time, in service hours) and waits until the quota has
     * used it.
     */
    private void work(UUID contract, UUID ticket, String start, long minutes, long usedInAll) {
        var from = LocalDateTime.parse(start).atZone(BERLIN).toInstant();
        logTime(ticket, from.toString(), from.plusSeconds(60 * minutes).toString());
        awaitGet(http, "/api/v1/contracts/" + contract + "/quota?asOf=2099-12-31",
                q -> q.get("used").asLong() == usedInAll);
    }

    private void awaitQuota(UUID contract) {
        awaitGet(http, "/api/v1/contracts/" + contract + "/quota", quota -> true);
    }

    private JsonNode notices(UUID contract) {
        Http.Response response = http.get("/api/v1/contracts/" + contract + "/quota/notices");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitNotices(UUID contract, Predicate<JsonNode> condition) {
        return awaitGet(http, "/api/v1/contracts/" + contract + "/quota/notices", condition);
    }
}
