package de.ticketwerk.app.config;

import de.ticketwerk.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStoreTest extends ApiTest {

    @Autowired
    private EmbeddedPostgresServer postgres;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eventsAreStoredAsReadableJson() {
        UUID customer = registerCustomer();
        UUID ticket = openTicket(customer, "Printer down");
        UUID entry = logTime(ticket, "2026-03-03T16:00:00+01:00", "2026-03-03T16:07:00+01:00");

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT payload_type, payload_revision, payload, meta_data FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 1""", ticket.toString());
        assertThat(row.get("payload_type")).isEqualTo("ticket.TimeLogged");
        assertThat(row.get("payload_revision")).isEqualTo("1");
        JsonNode payload = json.readTree((String) row.get("payload"));
        assertThat(payload.get("entryId").asString()).isEqualTo(entry.toString());
        assertThat(payload.get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(payload.get("entry").get("start").asString()).isEqualTo("2026-03-03T15:00:00Z");
        assertThat(payload.get("entry").get("role").asString()).isEqualTo("TECHNICIAN");
        assertThat(payload.get("minutes").asLong()).isEqualTo(7);
        assertThat(payload.get("actor").asString()).isEqualTo("anna");
        assertThat(json.readTree((String) row.get("meta_data")).has("correlationId")).isTrue();
    }

    @Test
    void theEventTableRefusesUpdateDeleteAndTruncate() {
        UUID ticket = openTicket(registerCustomer(), "Append only");
        String count = "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?";
        long before = jdbc.queryForObject(count, Long.class, ticket.toString());
        String original = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?", String.class,
                ticket.toString());

        // as the table's owner, who holds every right on it: the trigger refuses (the application's role has none)
        JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.owner(),
                postgres.ownerPassword()));
        assertThatThrownBy(() -> owner.update("UPDATE domain_event_entry SET payload = '{}' WHERE aggregate_identifier = ?",
                ticket.toString()))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?",
                ticket.toString()))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.execute("TRUNCATE domain_event_entry"))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");

        assertThat(jdbc.queryForObject(count, Long.class, ticket.toString())).isEqualTo(before).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, ticket.toString())).isEqualTo(original);
    }

    @Test
    void trackingTokensAreStoredAsJsonToo() {
        UUID ticket = openTicket(registerCustomer(), "Token");
        awaitTicket(ticket, detail -> true);
        List<String> tokens = jdbc.queryForList(
                "SELECT token FROM token_entry WHERE processor_name = 'tickets' AND token IS NOT NULL", String.class);
        assertThat(tokens).isNotEmpty();
        assertThat(tokens).allSatisfy(token -> assertThat(json.readTree(token).has("index")).isTrue());
    }
}
