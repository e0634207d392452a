package de.ticketwerk.app.audit;

import de.ticketwerk.app.config.EmbeddedPostgresServer;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R-AU3: every position linked in global order; the verification names the first event an intruder with the
 * superuser's rights changed or deleted; a position still held by a transaction in flight is waited for, one that
 * was rolled back becomes a gap.
 */
class ChainApiTest extends ApiTest {

    @Autowired
    private EmbeddedPostgresServer postgres;

    private Http auditor() {
        return new Http(port(), name -> tokens.token(name, List.of("AUDITOR"), null));
    }

    @Test
    void theChainLinksEveryEventAndItsHeadIsTheLastPosition() {
        registerCustomer();
        long last = awaitLinked();

        JsonNode verification = verify();
        JsonNode head = auditor().send("GET", "/api/v1/audit/chain", null, "ute").json();

        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("headPosition").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(verification.get("events").asLong() + verification.get("gaps").asLong())
                .isEqualTo(verification.get("headPosition").asLong());
        assertThat(head.get("position").asLong()).isGreaterThanOrEqualTo(verification.get("headPosition").asLong());
        assertThat(head.get("link").asString()).hasSize(64);
        assertThat(jdbc.queryForObject("SELECT link FROM event_link WHERE position = ?", byte[].class,
                verification.get("headPosition").asLong())).asHexString()
                .isEqualToIgnoringCase(verification.get("headLink").asString());
    }

    @Test
    void aPayloadChangedByTheSuperuserIsNamedAndTheChainHoldsAgainOnceItIsBack() throws SQLException {
        UUID customer = registerCustomer("Kanzlei Echt", "NW");
        awaitLinked();
        long position = positionOf(customer);
        String payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                String.class, position);
        try {
            asIntruder("UPDATE domain_event_entry SET payload = replace(payload, 'Kanzlei Echt', 'Kanzlei Falsch') "
                    + "WHERE global_index = " + position);
            JsonNode broken = verify();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("brokenAt").asLong()).isEqualTo(position);
            assertThat(broken.get("reason").asString()).contains("changed after linking");
            assertThat(broken.get("headPosition").asLong()).as("what still holds").isEqualTo(position - 1);
        } finally {
            asIntruder("UPDATE domain_event_entry SET payload = '" + payload.replace("'", "''")
                    + "' WHERE global_index = " + position);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anEventDeletedByTheSuperuserIsNamed() throws SQLException {
        UUID customer = registerCustomer("Kanzlei Weg", "NW");
        awaitLinked();
        long position = positionOf(customer);
        String columns = "global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data, "
                + "payload, payload_revision, payload_type, time_stamp";
        try {
            asIntruder("CREATE TABLE intruder_kept AS SELECT " + columns + " FROM domain_event_entry "
                    + "WHERE global_index = " + position + "; DELETE FROM domain_event_entry WHERE global_index = "
                    + position);
            JsonNode broken = verify();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("brokenAt").asLong()).isEqualTo(position);
            assertThat(broken.get("reason").asString()).contains("missing");
        } finally {
            asIntruder("INSERT INTO domain_event_entry (" + columns + ") SELECT " + columns + " FROM intruder_kept; "
                    + "DROP TABLE intruder_kept");
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aPositionHeldByATransactionInFlightIsWaitedForNotSkipped() throws Exception {
        UUID template = registerCustomer("Kanzlei Früh", "NW");
        awaitLinked();
        try (Connection app = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password())) {
            app.setAutoCommit(false);
            long held = copyRegistration(app, template);
            registerCustomer("Kanzlei Später", "NW");
            long after = lastPosition();
            assertThat(after).isGreaterThan(held);

            Thread.sleep(3_500);
            assertThat(linkedHead()).as("the chain waits at the position in flight").isLessThan(held);

            app.commit();
            await().atMost(Duration.ofSeconds(20)).until(() -> linkedHead() >= after);
            assertThat(jdbc.queryForObject("SELECT gap FROM event_link WHERE position = ?", Boolean.class, held))
                    .isFalse();
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aRolledBackPositionIsLinkedAsAGap() throws Exception {
        UUID template = registerCustomer("Kanzlei Nie", "NW");
        awaitLinked();
        long rolledBack;
        try (Connection app = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password())) {
            app.setAutoCommit(false);
            rolledBack = copyRegistration(app, template);
            app.rollback();
        }
        registerCustomer("Kanzlei Danach", "NW");
        long after = lastPosition();

        await().atMost(Duration.ofSeconds(20)).until(() -> linkedHead() >= after);

        assertThat(jdbc.queryForObject("SELECT gap FROM event_link WHERE position = ?", Boolean.class, rolledBack))
                .isTrue();
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    /** The customer's registration again under a new id, in the connection's open transaction: its position. */
    private static long copyRegistration(Connection app, UUID template) throws SQLException {
        String copy = UUID.randomUUID().toString();
        try (PreparedStatement insert = app.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT ?, 0, type, ?, meta_data, replace(payload, aggregate_identifier, ?), payload_revision,
                       payload_type, time_stamp
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0
                RETURNING global_index""")) {
            insert.setString(1, copy);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, copy);
            insert.setString(4, template.toString());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** As the database's superuser, with the event table's append-only trigger off for this session. */
    private void asIntruder(String statements) throws SQLException {
        try (Connection superuser = DriverManager.getConnection(postgres.jdbcUrl(), "postgres",
                postgres.superuserPassword()); Statement sql = superuser.createStatement()) {
            sql.execute("SET session_replication_role = replica; " + statements);
        }
    }

    private JsonNode verify() {
        Http.Response answer = auditor().send("GET", "/api/v1/audit/chain/verification", null, "ute");
        ok(answer);
        return answer.json();
    }

    private long positionOf(UUID aggregate) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", Long.class, aggregate.toString());
    }

    private long lastPosition() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }

    private long linkedHead() {
        return jdbc.queryForObject("SELECT COALESCE(max(position), 0) FROM event_link", Long.class);
    }
}
