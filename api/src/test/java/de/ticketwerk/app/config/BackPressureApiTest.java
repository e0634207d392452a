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

/**
 * Through REST: commands are held back while a read model is stuck more than 100 events behind, but not while the
 * documents process is.
 */
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

    @Test
    void commandsDoNotWaitForTheDocumentsProcess() throws Exception {
        UUID customer = registerCustomer("Kanzlei Rückstau", "NW");
        concludeContract(customer, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\"");
        UUID ticket = openTicket(customer, "Documents behind");
        logTime(ticket, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
        awaitCaughtUpEverywhere();
        Http.Response run = http.post("/api/v1/billing-runs",
                "{\"month\": \"2026-03\", \"customerId\": \"" + customer + "\"}");
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        String invoice = run.json().get("drafts").get(0).get("invoiceId").asString();
        long slowest = 0;
        try (Connection blocker = owner().getDataSource().getConnection();
             Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("LOCK TABLE invoice_document IN ACCESS EXCLUSIVE MODE");
            Http.Response issued = http.post("/api/v1/invoices/" + invoice + "/issue", "{}");
            assertThat(issued.status()).as(issued.text()).isEqualTo(200);
            for (int i = 0; i < 150; i++) {
                slowest = Math.max(slowest, commentMillis(ticket));
            }
            try (var documents = statement.executeQuery("SELECT count(*) FROM invoice_document WHERE invoice_id = '"
                    + invoice + "'")) {
                documents.next();
                assertThat(documents.getLong(1)).as("the documents process is stuck behind").isZero();
            }
            blocker.rollback();
        }

        assertThat(slowest).as("no command waited for the documents process").isLessThan(1_500);
        awaitCaughtUp("documents");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM invoice_document WHERE invoice_id = ?::uuid",
                Long.class, invoice)).isEqualTo(3);
    }
}
