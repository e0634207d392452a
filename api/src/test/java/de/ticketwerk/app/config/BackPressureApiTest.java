package de.ticketwerk.app.config;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Through REST: commands are held back while a read model is stuck more than 100 events behind. */
class BackPressureApiTest extends ApiTest {

    @Autowired
    private DataSource dataSource;

    private long commentMillis(UUID ticket) {
        long start = System.nanoTime();
        Http.Response added = http.post("/api/v1/tickets/" + ticket + "/comments",
                "{\"visibility\": \"INTERNAL\", \"text\": \"still there\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void commandsWaitWhileTheTicketReadModelCannotWriteAndGoOnOnceItHasCaughtUp() throws Exception {
        UUID ticket = openTicket(registerCustomer(), "Back-pressure");
        awaitCaughtUp("tickets");
        int sentBeforeHeldBack = 0;
        long heldBackMillis = 0;
        try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("LOCK TABLE ticket_comment_view IN ACCESS EXCLUSIVE MODE");
            while (sentBeforeHeldBack < 150 && heldBackMillis < 1_500) {
                long millis = commentMillis(ticket);
                if (millis >= 1_500) {
                    heldBackMillis = millis;
                } else {
                    sentBeforeHeldBack++;
                }
            }
            blocker.rollback();
        }

        assertThat(heldBackMillis).as("a comment waited up to max-wait (2 s)").isBetween(1_500L, 3_000L);
        assertThat(sentBeforeHeldBack).as("commands went at once until 100 events were waiting")
                .isBetween(95, 110);
        awaitCaughtUp("tickets");
        assertThat(commentMillis(ticket)).as("once caught up, commands go at once").isLessThan(1_000);
    }
}
