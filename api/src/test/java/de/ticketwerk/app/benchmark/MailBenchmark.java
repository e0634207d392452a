package de.ticketwerk.app.benchmark;

import de.ticketwerk.app.mail.MailOutbox;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.documents.mail.MailBody;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 28: how many mails a second the outbox's sender delivers to a real SMTP server, and how many the intake takes
 * from a real IMAP mailbox when they arrive all at once (each opening a ticket and putting its confirmation in the
 * outbox), with the test settings (intake every second, 200 a round; delivery every second). Prints a table for
 * BENCHMARKS.md. The test command runs it once with a few mails (the smoke run).
 */
@Tag("benchmark")
class MailBenchmark extends ApiTest {

    private static final int MAILS = Integer.getInteger("benchmark.mails", 1_000);

    @DynamicPropertySource
    static void supportMailbox(DynamicPropertyRegistry properties) {
        readSupportMailbox(properties);
    }

    @Autowired
    private MailOutbox outbox;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void theSenderAndTheIntake() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long sendStart = System.nanoTime();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int i = 0; i < MAILS; i++) {
                outbox.enqueue("BENCHMARK", "benchmark:" + run + ":" + i, null,
                        List.of("empfang-" + run + "@benchmark.example"),
                        new MailBody("Nachricht " + i, "Text " + i, "<p>Text " + i + "</p>"), List.of(),
                        Instant.now());
            }
        });
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM mail_outbox WHERE cause LIKE ? AND sent_at IS NOT NULL", Long.class,
                "benchmark:" + run + ":%") == MAILS);
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;

        String domain = "kanzlei-" + run + ".example";
        Http.Response customer = http.post("/api/v1/customers", """
                {"name": "Kanzlei Massenpost", "federalState": "NW", "reportEmails": ["it@%s"]}""".formatted(domain));
        assertThat(customer.status()).as(customer.text()).isEqualTo(201);
        awaitCaughtUpEverywhere();
        Session session = Session.getInstance(new Properties());
        for (int i = 0; i < MAILS; i++) {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress("person" + i + "@" + domain));
            mail.setRecipients(Message.RecipientType.TO, SUPPORT);
            mail.setSubject("Anfrage " + i, "UTF-8");
            mail.setText("Bitte um Hilfe, Nummer " + i, "UTF-8");
            mail.saveChanges();
            SUPPORT_MAILBOX.deliver(mail);
        }
        long intakeStart = System.nanoTime();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM mail_intake WHERE sender LIKE ? AND outcome = 'OPENED'", Long.class,
                "%@" + domain) == MAILS);
        double intakeSeconds = (System.nanoTime() - intakeStart) / 1e9;

        System.out.printf("""
                        | mails | sender: all sent s | sender mails/s | intake: all taken s | intake mails/s |
                        |---|---|---|---|---|
                        | %d | %.1f | %.0f | %.1f | %.0f |
                        %n""", MAILS, sendSeconds, MAILS / sendSeconds, intakeSeconds, MAILS / intakeSeconds);
    }
}
