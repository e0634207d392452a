package de.ticketwerk.app.mail;

import de.ticketwerk.app.quota.QuotaCalendar;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static de.ticketwerk.app.support.Mails.awaitMailTo;
import static de.ticketwerk.app.support.Mails.mailsTo;
import static de.ticketwerk.app.support.Mails.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R-S4 (seed 003): a customer who chose addresses for TICKET_OPENED gets the confirmation with the ticket's number and
 * the time of receipt, through the outbox, once, with its own Message-ID and Auto-Submitted; others get nothing.
 */
class TicketMailsApiTest extends ApiTest {

    /** Credits a quota's months up to the clock (its timer is off in the API tests). */
    @Autowired
    private QuotaCalendar quotaCalendar;

    @Test
    void theOpeningOfATicketIsConfirmedToTheAddressesChosenForItOnce() throws Exception {
        String address = "it-" + UUID.randomUUID() + "@kanzlei-post.example";
        UUID customer = registerWithNotifications("Kanzlei Post", "{\"TICKET_OPENED\": [\"" + address + "\"]}");
        concludeContract(customer, "\"type\": \"SERVICE\", \"level\": \"BASIC\", \"startDate\": \"2026-01-01\"");
        CLOCK.moveTo(Instant.parse("2026-03-05T15:00:00Z"));

        Http.Response opened = http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                 "title": "Drucker <b>druckt</b> nicht", "reporter": "Frau Berger"}""".formatted(customer));
        String number = opened.json().get("number").asString();

        MimeMessage mail = awaitMailTo(address);
        assertThat(mail.getSubject())
                .isEqualTo("[" + number + "] Ihre Anfrage ist eingegangen: Drucker <b>druckt</b> nicht");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("rechnung@test-it.example");
        String messageId = mail.getMessageID();
        assertThat(messageId).matches("<[0-9a-f-]{36}@test-it\\.example>");
        assertThat(jdbc.queryForObject("SELECT message_id FROM mail_outbox WHERE ? = ANY (recipients)",
                String.class, address)).as("the outbox's Message-ID is the one sent").isEqualTo(messageId);
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("Ticketnummer:  " + number, "Eingegangen:   05.03.2026, 16:00 Uhr",
                "Erste Antwort: spätestens 09.03.2026, 12:00 Uhr");
        assertThat(html).contains(number, "Drucker &lt;b&gt;druckt&lt;/b&gt; nicht").doesNotContain("<b>druckt");

        Thread.sleep(1_000);
        assertThat(mailsTo(address)).as("sent once").hasSize(1);
        assertThat(jdbc.queryForObject("SELECT sent_at IS NOT NULL FROM mail_outbox WHERE message_id = ?",
                Boolean.class, messageId)).isTrue();
    }

    @Test
    void statusChangesAndTheResolutionGoToTheAddressesChosenForEach() throws Exception {
        String office = "buero-" + UUID.randomUUID() + "@kanzlei-stand.example";
        String boss = "chefin-" + UUID.randomUUID() + "@kanzlei-stand.example";
        UUID customer = registerWithNotifications("Kanzlei Stand", """
                {"TICKET_STATUS_CHANGED": ["%s"], "TICKET_RESOLVED": ["%s", "%s"]}""".formatted(office, office, boss));
        UUID ticket = openTicket(customer, "VPN bricht ab");
        String number = ticketNumber(ticket);
        String path = "/api/v1/tickets/" + ticket;

        ok(http.put(path + "/assignee", "{\"assignee\": \"jonas\"}"));
        ok(http.post(path + "/start-work", null));
        ok(http.post(path + "/wait-for-customer", "{\"reason\": \"Bitte senden Sie uns das Protokoll.\"}"));
        ok(http.post(path + "/resume-work", null));
        ok(http.post(path + "/resolve", "{\"resolution\": \"Neues Zertifikat eingespielt\"}"));
        ok(http.post(path + "/close", null));

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(office).size() == 5 && mailsTo(boss).size() == 1);
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage mail : mailsTo(office)) {
            subjects.add(mail.getSubject());
        }
        assertThat(subjects).containsExactlyInAnyOrder("[" + number + "] In Bearbeitung: VPN bricht ab",
                "[" + number + "] Wir benötigen Ihre Rückmeldung: VPN bricht ab",
                "[" + number + "] In Bearbeitung: VPN bricht ab", "[" + number + "] Gelöst: VPN bricht ab",
                "[" + number + "] Abgeschlossen: VPN bricht ab");
        MimeMessage waiting = mailsTo(office).stream().filter(m -> subject(m).contains("Rückmeldung")).findFirst()
                .orElseThrow();
        assertThat(part(waiting, "text/plain")).contains("Bitte senden Sie uns das Protokoll.");
        assertThat(part(mailsTo(boss).get(0), "text/plain")).contains("Lösung: Neues Zertifikat eingespielt");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE ? = ANY (recipients)", Long.class,
                office)).as("assigning is no status the customer is told of").isEqualTo(5);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anExhaustedQuotaIsToldOnceToTheAddressesChosenForIt() throws Exception {
        String address = "chef-" + UUID.randomUUID() + "@kanzlei-kontingent.example";
        UUID customer = registerWithNotifications("Kanzlei Kontingent",
                "{\"QUOTA_EXHAUSTED\": [\"" + address + "\"]}");
        CLOCK.moveTo(Instant.parse("2026-01-12T17:00:00Z"));
        concludeContract(customer, """
                "type": "QUOTA", "startDate": "2026-01-01", "minuteExact": true,
                "quota": {"allotmentMinutes": 60, "period": "MONTH", "expiry": "NEVER", "settlement": "MONTHLY"}""");
        UUID ticket = openTicket(customer, "Laufende Betreuung");

        quotaCalendar.closeEveryQuota();
        logTime(ticket, "2026-01-12T08:00:00Z", "2026-01-12T08:30:00Z");
        logTime(ticket, "2026-01-12T09:00:00Z", "2026-01-12T10:00:00Z");
        logTime(ticket, "2026-01-12T11:00:00Z", "2026-01-12T11:15:00Z");

        MimeMessage mail = awaitMailTo(address);
        assertThat(mail.getSubject()).isEqualTo("Ihr Stundenkontingent ist aufgebraucht");
        assertThat(part(mail, "text/plain")).contains("mit den Leistungen vom 12.01.2026 aufgebraucht",
                "Bestand: −0:30 h");
        awaitCaughtUp("quota");
        Thread.sleep(1_000);
        assertThat(mailsTo(address)).as("once: the third entry finds the quota exhausted already").hasSize(1);
    }

    @Test
    void aCustomerWhoChoseNoAddressIsToldNothing() {
        UUID customer = registerWithNotifications("Kanzlei Still",
                "{\"QUARTERLY_STATEMENT\": [\"chefin@still.example\"]}");

        UUID ticket = openTicket(customer, "Kein Bescheid");

        awaitTicket(ticket, detail -> true);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE 'chefin@still.example' = ANY (recipients)",
                Long.class)).isZero();
    }

    @Test
    void aNotificationAddressMustBeAnAddress() {
        Http.Response refused = http.post("/api/v1/customers", """
                {"name": "Kanzlei Falsch", "federalState": "NW", "notifications": {"TICKET_OPENED": ["keine-adresse"]}}""");
        Http.Response unknownKind = http.post("/api/v1/customers", """
                {"name": "Kanzlei Falsch", "federalState": "NW", "notifications": {"WEATHER": ["a@b.example"]}}""");

        Http.Response notAnObject = http.post("/api/v1/customers", """
                {"name": "Kanzlei Falsch", "federalState": "NW", "notifications": ["a@b.example"]}""");

        assertProblem(refused, 400, "notifications");
        assertProblem(notAnObject, 400, "notifications must be a JSON object");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMailTheServerRefusesWaitsWithItsErrorAndTheHealthSaysSoWithoutStoppingTheOthers() {
        UUID refused = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO mail_outbox (mail_id, message_id, kind, cause, recipients, subject, text_body, html_body,
                    created_at, next_attempt_at)
                VALUES (?, ?, 'TICKET_OPENED', ?, ARRAY['kein @ adresse'], 'Test', 'Text', '<p>Text</p>',
                    now() - interval '1 hour', now() - interval '1 hour')""",
                refused, "<" + refused + "@test-it.example>", "test-" + refused);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT attempts FROM mail_outbox WHERE mail_id = ?", Integer.class, refused) > 0);
            JsonNode outbox = http.get("/actuator/health").json().get("components").get("mailOutbox");

            assertThat(outbox.get("status").asString()).isEqualTo("DEGRADED");
            assertThat(outbox.get("details").get("delivery").asString()).isEqualTo("on");
            assertThat(outbox.get("details").get("waiting").asLong()).isPositive();
            assertThat(outbox.get("details").get("oldestAttempts").asInt()).isEqualTo(1);
            assertThat(outbox.get("details").get("oldestError").asString()).isNotBlank();
            assertThat(jdbc.queryForObject("SELECT next_attempt_at > now() FROM mail_outbox WHERE mail_id = ?",
                    Boolean.class, refused)).as("tried again later").isTrue();

            String address = "it-" + UUID.randomUUID() + "@kanzlei-danach.example";
            openTicket(registerWithNotifications("Kanzlei Danach", "{\"TICKET_OPENED\": [\"" + address + "\"]}"),
                    "Danach");
            awaitMailTo(address);
        } finally {
            owner().update("DELETE FROM mail_outbox WHERE mail_id = ?", refused);
        }
        assertThat(http.get("/actuator/health").json().get("components").get("mailOutbox").get("status").asString())
                .isEqualTo("UP");
    }
}
