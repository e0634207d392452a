package de.ticketwerk.app.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.ticketwerk.app.TicketwerkApplication;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R-S4: a mail put in the outbox with its event survives the application's end before it was sent, and is delivered
 * after the restart once; a crash between sending and marking it sent sends that one mail again, with the same
 * Message-ID, and nothing after that.
 */
class MailRestartTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String ADDRESS = "buero@kanzlei-neustart.example";

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startSmtp() {
        SMTP.start();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private ConfigurableApplicationContext start(boolean delivery) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--ticketwerk.embedded-postgres.data-dir=" + dataDir, "--ticketwerk.embedded-postgres.durable=false",
                "--ticketwerk.invoicing.run-cron=-", "--ticketwerk.quota.close-cron=-",
                "--ticketwerk.mail.delivery-interval=200ms"));
        if (delivery) {
            arguments.add("--spring.mail.host=127.0.0.1");
            arguments.add("--spring.mail.port=" + SMTP.getSmtp().getPort());
        }
        return new SpringApplicationBuilder(TicketwerkApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void aMailNotYetSentIsSentAfterTheRestartAndACrashBeforeItIsMarkedSendsItOnceMoreWithTheSameMessageId()
            throws Exception {
        String messageId;
        try (ConfigurableApplicationContext first = start(false)) {
            Http http = Http.of(first);
            Http.Response customer = http.post("/api/v1/customers", """
                    {"name": "Kanzlei Neustart", "federalState": "NW", "notifications": {"TICKET_OPENED": ["%s"]}}"""
                    .formatted(ADDRESS));
            assertThat(customer.status()).as(customer.text()).isEqualTo(201);
            assertThat(http.post("/api/v1/tickets", """
                    {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                     "title": "Vor dem Neustart", "reporter": "Frau Berger"}"""
                    .formatted(customer.json().get("customerId").asString())).status()).isEqualTo(201);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM mail_outbox WHERE ? = ANY (recipients)", Long.class, ADDRESS) == 1);
            messageId = jdbc.queryForObject("SELECT message_id FROM mail_outbox WHERE ? = ANY (recipients)",
                    String.class, ADDRESS);
            // the first mark as sent fails as a crash right after sending would: its transaction is lost
            ApiTest.ownerJdbc(first).execute("""
                    CREATE SEQUENCE crash_after_send;
                    CREATE FUNCTION crash_after_send() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                    BEGIN
                        IF NEW.sent_at IS NOT NULL AND nextval('crash_after_send') = 1 THEN
                            RAISE EXCEPTION 'crashed between sending and marking';
                        END IF;
                        RETURN NEW;
                    END $$;
                    CREATE TRIGGER crash_after_send BEFORE UPDATE ON mail_outbox
                        FOR EACH ROW EXECUTE FUNCTION crash_after_send();""");
        }
        assertThat(copies(messageId)).as("nothing sent while delivery was off").isZero();

        try (ConfigurableApplicationContext second = start(true)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT sent_at IS NOT NULL FROM mail_outbox WHERE message_id = ?", Boolean.class, messageId)));
            assertThat(copies(messageId)).as("sent, lost its mark, sent again with the same Message-ID")
                    .isEqualTo(2);
        }

        try (ConfigurableApplicationContext third = start(true)) {
            Thread.sleep(2_000);
            assertThat(copies(messageId)).as("a restart sends nothing again").isEqualTo(2);
            assertThat(third.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL", Long.class)).isZero();
        }
    }

    private static long copies(String messageId) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> id(mail).equals(messageId)).count();
    }

    private static String id(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
