package de.ticketwerk.app.config;

import de.ticketwerk.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL wants a password from every role; the application's role cannot undo the event log nor
 * its hash chain.
 */
class DatabaseProtectionTest extends ApiTest {

    @Autowired
    private EmbeddedPostgresServer postgres;

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only",
            "ALTER TABLE domain_event_entry DISABLE TRIGGER ALL",
            "DROP TRIGGER domain_event_entry_append_only ON domain_event_entry",
            "SET session_replication_role = replica",
            "UPDATE domain_event_entry SET payload = '{}'",
            "DELETE FROM domain_event_entry",
            "TRUNCATE domain_event_entry",
            "DROP TABLE domain_event_entry",
            "UPDATE event_link SET gap = true",
            "DELETE FROM event_link",
            "TRUNCATE event_link",
            "ALTER TABLE event_link DISABLE TRIGGER event_link_append_only",
            "COPY (SELECT 1) TO PROGRAM 'true'",
            "CREATE TABLE intruder (id int)"})
    void theApplicationsRoleCannot(String statement) throws SQLException {
        openTicket(registerCustomer(), "an event to protect");
        awaitCaughtUpEverywhere();
        long events = eventCount();
        try (Connection app = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.execute(statement)).isInstanceOf(SQLException.class)
                    .hasMessageMatching("(?s).*(permission denied|must be owner).*");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theApplicationRunsAsARoleThatIsNoSuperuserAndOwnsNothing() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("ticketwerk_app");
        assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class))
                .isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                + "c.relnamespace WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE "
                + "rolname = current_user)", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = "
                + "'domain_event_entry'", String.class)).isEqualTo("ticketwerk_owner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "ticketwerk_owner", "ticketwerk_app"})
    void everyRoleNeedsItsPassword(String role) {
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), role, "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), role, "guessed").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void itListensOnLoopbackOnly() {
        assertThat(jdbc.queryForObject("SHOW listen_addresses", String.class)).isEqualTo("localhost");
    }
}
