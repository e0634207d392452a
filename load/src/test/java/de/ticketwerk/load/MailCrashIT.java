package de.ticketwerk.load;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-S4: the application is killed (SIGKILL) after a ticket's opening has put its confirmation in the outbox and before
 * it was sent; after the restart the mail is delivered to a real SMTP server once, and a further restart sends
 * nothing again.
 */
class MailCrashIT {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String ADDRESS = "buero@kanzlei-absturz.example";

    @TempDir
    static Path workDir;

    @BeforeAll
    static void startSmtp() {
        SMTP.start();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aMailWaitingWhenTheApplicationIsKilledIsSentAfterTheRestartOnce() throws Exception {
        Path data = workDir.resolve("data");
        Application withoutMail = new Application(CrashTestIT.JAR, data, workDir.resolve("first"));
        workDir.resolve("first").toFile().mkdirs();
        withoutMail.start(Duration.ofMinutes(3));
        Api api = new Api(withoutMail.url(), withoutMail.clientTokens());
        String customer = api.postOk("/api/v1/customers", """
                {"name": "Kanzlei Absturz", "federalState": "NW", "notifications": {"TICKET_OPENED": ["%s"]}}"""
                .formatted(ADDRESS)).get("customerId").asString();
        api.postOk("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                 "title": "Vor dem Absturz", "reporter": "Frau Berger"}""".formatted(customer));
        Database database = Database.embedded(data);
        String messageId = awaitWaitingMail(database);
        withoutMail.kill();

        String[] mail = {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP.getSmtp().getPort(),
                "--ticketwerk.mail.delivery-interval=200ms"};
        workDir.resolve("second").toFile().mkdirs();
        Application withMail = new Application(CrashTestIT.JAR, data, workDir.resolve("second"), mail);
        withMail.start(Duration.ofMinutes(3));
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (copies(messageId) == 0 && System.nanoTime() < giveUp) {
            Thread.sleep(200);
        }
        Thread.sleep(1_000);
        assertThat(copies(messageId)).as("sent after the restart, once").isEqualTo(1);
        withMail.stop();

        workDir.resolve("third").toFile().mkdirs();
        Application again = new Application(CrashTestIT.JAR, data, workDir.resolve("third"), mail);
        again.start(Duration.ofMinutes(3));
        Thread.sleep(2_000);
        again.stop();
        assertThat(copies(messageId)).as("a further restart sends nothing again").isEqualTo(1);
    }

    /** The confirmation's Message-ID once it waits in the outbox. */
    private static String awaitWaitingMail(Database database) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < giveUp) {
            try (Connection connection = database.connect();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT message_id FROM mail_outbox WHERE ? = ANY (recipients) AND sent_at IS NULL")) {
                query.setString(1, ADDRESS);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        return row.getString(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail waited in the outbox");
    }

    private static long copies(String messageId) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> messageId.equals(id(mail))).count();
    }

    private static String id(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
