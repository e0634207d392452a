package de.ticketwerk.app.mail;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;

import static de.ticketwerk.app.support.Mails.awaitMailTo;
import static de.ticketwerk.app.support.Mails.mailsTo;
import static de.ticketwerk.app.support.Mails.part;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-S3 with a real IMAP mailbox (GreenMail): mail to the support address becomes a numbered EMAIL ticket and the
 * sender gets the confirmation; replies thread by subject and by In-Reply-To; automatic mails open nothing and get
 * nothing; a message is handled once; unknown senders wait in the triage; hostile mail is handled or set aside.
 */
class MailIntakeApiTest extends ApiTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @DynamicPropertySource
    static void supportMailbox(DynamicPropertyRegistry properties) {
        readSupportMailbox(properties);
    }

    @Test
    void aCustomerMailOpensANumberedTicketAndTheRepliesThreadBySubjectAndByInReplyTo() throws Exception {
        String domain = "kanzlei-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        registerWithReportAddress("Kanzlei Eingang", "buero@" + domain);
        String sender = "kollegin@" + domain;

        MimeMessage first = mail(sender, "Drucker druckt nicht", "Seit heute früh geht nichts.");
        deliver(first);

        JsonNode opened = awaitIntake(first.getMessageID(), "OPENED");
        UUID ticket = UUID.fromString(opened.get("ticketId").asString());
        JsonNode detail = awaitTicket(ticket, d -> d.get("ticket").hasNonNull("number"));
        String number = detail.get("ticket").get("number").asString();
        assertThat(detail.get("ticket").get("channel").asString()).isEqualTo("EMAIL");
        assertThat(detail.get("ticket").get("reporter").asString()).isEqualTo(sender);
        assertThat(detail.get("description").asString()).isEqualTo("Seit heute früh geht nichts.");
        MimeMessage confirmation = awaitMailTo(sender);
        assertThat(confirmation.getSubject()).isEqualTo("[" + number + "] Ihre Anfrage ist eingegangen: "
                + "Drucker druckt nicht");
        assertThat(part(confirmation, "text/plain")).contains("Ticketnummer:  " + number, "Eingegangen:");
        assertThat(confirmation.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        MimeMessage bySubject = mail(sender, "AW: [" + number + "] Drucker druckt nicht", "Jetzt auch der Scanner.");
        deliver(bySubject);
        MimeMessage byReference = mail(sender, "AW: Ihre Anfrage", "Und das Fax.");
        byReference.setHeader("In-Reply-To", confirmation.getMessageID());
        deliver(byReference);

        assertThat(awaitIntake(bySubject.getMessageID(), "COMMENTED").get("ticketId").asString())
                .isEqualTo(ticket.toString());
        assertThat(awaitIntake(byReference.getMessageID(), "COMMENTED").get("ticketId").asString())
                .isEqualTo(ticket.toString());
        JsonNode comments = awaitTicket(ticket, d -> d.get("comments").size() == 2).get("comments");
        assertThat(comments.findValuesAsString("text")).containsExactlyInAnyOrder("Jetzt auch der Scanner.",
                "Und das Fax.");
        assertThat(comments.findValuesAsString("visibility")).containsOnly("PUBLIC");
        assertThat(mailsTo(sender)).as("a reply is no new ticket and gets no confirmation").hasSize(1);
    }

    @Test
    void anAutoReplyOpensNothingAndIsAnsweredNeverAndTheSameMessageIsTakenOnce() throws Exception {
        String domain = "kanzlei-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        registerWithReportAddress("Kanzlei Urlaub", "chef@" + domain);
        String sender = "chef@" + domain;
        MimeMessage absent = mail(sender, "Abwesenheitsnotiz: Drucker", "Ich bin bis Montag nicht im Büro.");
        absent.setHeader("Auto-Submitted", "auto-replied");
        MimeMessage bounce = mail("MAILER-DAEMON@" + domain, "Undelivered Mail Returned to Sender", "550 unknown");
        MimeMessage twice = mail(sender, "Zweimal zugestellt", "Bitte nur ein Ticket.");

        deliver(absent);
        deliver(bounce);
        deliver(twice);
        deliver(twice);

        assertThat(awaitIntake(absent.getMessageID(), "IGNORED").get("reason").asString())
                .isEqualTo("Auto-Submitted: auto-replied");
        assertThat(awaitIntake(bounce.getMessageID(), "IGNORED").get("ticketId").isNull()).isTrue();
        awaitIntake(twice.getMessageID(), "OPENED");
        awaitMailTo(sender);
        awaitIntakeRounds(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_intake WHERE message_key = ?", Long.class,
                twice.getMessageID())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_view WHERE reporter = ?", Long.class, sender))
                .as("one ticket for the message delivered twice, none for the auto-reply").isEqualTo(1);
        assertThat(mailsTo(sender)).as("one confirmation, none to the auto-reply").hasSize(1);
    }

    @Test
    void anUnknownSenderWaitsInTheTriageUntilADispatcherAssignsTheMailToACustomer() throws Exception {
        UUID customer = registerCustomer("Kanzlei Zuordnung", "NW");
        String stranger = "unbekannt-" + UUID.randomUUID() + "@freemail.example";
        MimeMessage unknown = mail(stranger, "Bitte um Rückruf", "Wir sind neu bei Ihnen.");
        deliver(unknown);

        JsonNode waiting = awaitIntake(unknown.getMessageID(), "TRIAGE");
        String intakeId = waiting.get("intakeId").asString();
        Http.Response noCustomer = http.post("/api/v1/mail/intake/" + intakeId + "/assignment",
                "{\"customerId\": \"" + UUID.randomUUID() + "\"}");
        assertThat(noCustomer.status()).as(noCustomer.text()).isEqualTo(422);
        assertThat(awaitIntake(unknown.getMessageID(), "TRIAGE").get("ticketId").isNull())
                .as("an assignment refused changes nothing").isTrue();
        Http.Response assigned = http.post("/api/v1/mail/intake/" + intakeId + "/assignment",
                "{\"customerId\": \"" + customer + "\"}");
        Http.Response again = http.post("/api/v1/mail/intake/" + intakeId + "/assignment",
                "{\"customerId\": \"" + customer + "\"}");
        Http.Response unknownMail = http.post("/api/v1/mail/intake/" + UUID.randomUUID() + "/assignment",
                "{\"customerId\": \"" + customer + "\"}");

        assertThat(assigned.status()).as(assigned.text()).isEqualTo(201);
        UUID ticket = UUID.fromString(assigned.json().get("ticketId").asString());
        JsonNode detail = awaitTicket(ticket, d -> true);
        assertThat(detail.get("ticket").get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(detail.get("ticket").get("title").asString()).isEqualTo("Bitte um Rückruf");
        assertThat(detail.get("ticket").get("channel").asString()).isEqualTo("EMAIL");
        assertProblem(again, 409, "ASSIGNED");
        assertProblem(unknownMail, 404, "no mail");
        String number = awaitTicket(ticket, d -> d.get("ticket").hasNonNull("number")).get("ticket").get("number")
                .asString();
        assertThat(awaitMailTo(stranger).getSubject()).as("the sender learns the number once assigned")
                .isEqualTo("[" + number + "] Ihre Anfrage ist eingegangen: Bitte um Rückruf");
    }

    @Test
    void aReplyToAClosedTicketOpensANewOneAndAForeignReplyWaitsInTheTriage() throws Exception {
        String domain = "kanzlei-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID customer = registerWithReportAddress("Kanzlei Wieder", "it@" + domain);
        String otherDomain = "kanzlei-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        registerWithReportAddress("Kanzlei Fremd", "it@" + otherDomain);
        UUID closed = openTicket(customer, "Alter Fall");
        String path = "/api/v1/tickets/" + closed;
        assertThat(http.put(path + "/assignee", "{\"assignee\": \"jonas\"}").status()).isEqualTo(200);
        assertThat(http.post(path + "/start-work", null).status()).isEqualTo(200);
        assertThat(http.post(path + "/resolve", "{\"resolution\": \"Erledigt\"}").status()).isEqualTo(200);
        assertThat(http.post(path + "/close", null).status()).isEqualTo(200);
        String number = awaitTicket(closed, d -> d.get("ticket").get("status").asString().equals("CLOSED"))
                .get("ticket").get("number").asString();

        MimeMessage reply = mail("it@" + domain, "AW: [" + number + "] Alter Fall", "Das Problem ist zurück.");
        MimeMessage forged = mail("it@" + otherDomain, "AW: [" + number + "] Alter Fall", "Ich bin jemand anders.");
        deliver(reply);
        deliver(forged);

        JsonNode anew = awaitIntake(reply.getMessageID(), "OPENED");
        assertThat(anew.get("ticketId").asString()).isNotEqualTo(closed.toString());
        assertThat(awaitTicket(UUID.fromString(anew.get("ticketId").asString()), d -> true).get("description")
                .asString()).startsWith("Antwort auf das geschlossene Ticket " + number);
        assertThat(awaitIntake(forged.getMessageID(), "TRIAGE").get("reason").asString())
                .contains("not of its customer");
        assertThat(awaitTicket(closed, d -> true).get("comments")).as("nothing added to the closed ticket")
                .isEmpty();
    }

    @Test
    void hostileMailIsHandledOrSetAsideWithItsReasonAndTheIntakeGoesOn() throws Exception {
        String domain = "kanzlei-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        registerWithReportAddress("Kanzlei Angriff", "it@" + domain);
        String sender = "it@" + domain;
        MimeMessage injected = new MimeMessage(SESSION, new ByteArrayInputStream(("""
                From: %s\r
                To: %s\r
                Subject: =?UTF-8?B?%s?=\r
                Message-ID: <injected-%s@angriff.example>\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                Text\u0007mit Steuerzeichen\r
                """).formatted(sender, SUPPORT, Base64.getEncoder().encodeToString(
                        "Hallo\r\nBcc: alle@example.org\u0000".getBytes(StandardCharsets.UTF_8)),
                UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));
        MimeMessage big = mail(sender, "Riesig", "x".repeat(3 * 1024 * 1024));
        String brokenId = "<broken-" + UUID.randomUUID() + "@angriff.example>";
        MimeMessage broken = new MimeMessage(SESSION, new ByteArrayInputStream(("""
                From: %s\r
                To: %s\r
                Subject: Kaputt\r
                Message-ID: %s\r
                Content-Type: text/plain; charset=UTF-8\r
                Content-Transfer-Encoding: base64\r
                \r
                !!!kein*base64\u00ff@@@\r
                """).formatted(sender, SUPPORT, brokenId).getBytes(StandardCharsets.ISO_8859_1)));
        MimeMessage withFiles = mail(sender, "Mit Anhängen", "Siehe Anhang.");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Siehe Anhang.", "UTF-8");
        MimeBodyPart small = new MimeBodyPart();
        small.setFileName("protokoll.txt");
        small.setText("Fehler 0x80070005", "UTF-8");
        MimeBodyPart large = new MimeBodyPart();
        large.setFileName("speicherabbild.dmp");
        large.setContent(new byte[200 * 1024], "application/octet-stream");
        parts.addBodyPart(text);
        parts.addBodyPart(small);
        parts.addBodyPart(large);
        withFiles.setContent(parts);
        withFiles.saveChanges();
        withFiles.setHeader("Message-ID", "<files-" + UUID.randomUUID() + "@angriff.example>");

        deliver(injected);
        deliver(broken);
        deliver(big);
        deliver(withFiles);

        JsonNode handled = awaitIntake(injected.getMessageID(), "OPENED");
        assertThat(handled.get("subject").asString()).isEqualTo("Hallo  Bcc: alle@example.org").doesNotContain("\n");
        JsonNode ticket = awaitTicket(UUID.fromString(handled.get("ticketId").asString()), d -> true);
        assertThat(ticket.get("description").asString()).isEqualTo("Textmit Steuerzeichen");
        assertThat(awaitIntake(big.getMessageID(), "SET_ASIDE").get("reason").asString()).contains("larger than");
        assertThat(awaitIntake(brokenId, "SET_ASIDE").get("reason").asString()).startsWith("could not be handled");
        JsonNode files = awaitIntake(withFiles.getMessageID(), "OPENED");
        assertThat(files.get("files").get(0).asString()).isEqualTo("protokoll.txt");
        assertThat(files.get("files")).hasSize(1);
        assertThat(files.get("text").asString()).contains("[Anhang: protokoll.txt",
                "[Anhang nicht übernommen: speicherabbild.dmp");
    }

    private UUID registerWithReportAddress(String name, String address) {
        Http.Response response = http.post("/api/v1/customers", """
                {"name": "%s", "federalState": "NW", "reportEmails": ["%s"]}""".formatted(name, address));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return UUID.fromString(response.json().get("customerId").asString());
    }

    private static MimeMessage mail(String from, String subject, String text) throws Exception {
        MimeMessage mail = new MimeMessage(SESSION);
        mail.setFrom(new InternetAddress(from));
        mail.setRecipients(Message.RecipientType.TO, SUPPORT);
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        mail.saveChanges();
        mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@kunde.example>");
        return mail;
    }

    private static void deliver(MimeMessage mail) {
        SUPPORT_MAILBOX.deliver(mail);
    }

    /** The mailbox's mail once the intake has taken it with this outcome. */
    private JsonNode awaitIntake(String messageId, String outcome) {
        JsonNode page = awaitGet(http, "/api/v1/mail/intake?size=500", p -> item(p, messageId) != null
                && item(p, messageId).get("outcome").asString().equals(outcome));
        return item(page, messageId);
    }

    private static JsonNode item(JsonNode page, String messageId) {
        for (JsonNode item : page.get("items")) {
            if (item.hasNonNull("messageId") && messageId.equals(item.get("messageId").asString())) {
                return item;
            }
        }
        return null;
    }

    /** Waits until the intake has read the mailbox this many more times. */
    private void awaitIntakeRounds(int rounds) throws InterruptedException {
        Thread.sleep(rounds * 1_500L);
    }
}
