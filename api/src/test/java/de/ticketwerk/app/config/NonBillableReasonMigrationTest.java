package de.ticketwerk.app.config;

import de.ticketwerk.app.support.ApiTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** V8 gives the pricing rows recorded before it the reason their non-billable work gave, and no other row one. */
class NonBillableReasonMigrationTest extends ApiTest {

    private static final String SCHEMA = "before_v8";

    @Autowired
    private EmbeddedPostgresServer postgres;

    /** A schema of its own needs the right to create one: the superuser's, which the application has not. */
    private JdbcTemplate admin;

    @BeforeEach
    void asSuperuser() {
        admin = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), "postgres",
                postgres.superuserPassword()));
    }

    @Test
    void rowsPricedBeforeTheFieldGetTheReasonTheirPricingQuotes() {
        Flyway upToV7 = flyway("7");
        upToV7.clean();
        upToV7.migrate();
        insert("NOT_BILLABLE", "PRICED", "[\"no contract in force on 2026-03-02: priced at the default HOURLY price"
                + " list\", \"not billable: warranty: fault of our own installation\"]");
        insert("NOT_BILLABLE", "REVERSED", "[\"not billable: duplicate\"]");
        insert("MONEY", "PRICED", "[\"HOURLY: charged at the TECHNICIAN rate of 90.00 €/h\"]");

        flyway("8").migrate();

        List<Map<String, Object>> rows = admin.queryForList("SELECT settlement, action, non_billable_reason FROM "
                + SCHEMA + ".time_entry_pricing_view ORDER BY sequence_number");
        assertThat(rows).extracting(row -> row.get("non_billable_reason"))
                .containsExactly("warranty: fault of our own installation", null, null);
        flyway("8").clean();
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(admin.getDataSource()).schemas(SCHEMA).locations("classpath:db/migration")
                .target(target).cleanDisabled(false).load();
    }

    private void insert(String settlement, String action, String reasons) {
        admin.update("""
                INSERT INTO %s.time_entry_pricing_view (priced_by, sequence_number, entry_id, ticket_id, customer_id,
                    contract_id, work_date, source_sequence, action, settlement, net_amount, quota_minutes,
                    without_contract, reason, pricing, recorded_by, recorded_at)
                VALUES (gen_random_uuid(), (SELECT COUNT(*) FROM %1$s.time_entry_pricing_view), gen_random_uuid(),
                    gen_random_uuid(), gen_random_uuid(), NULL, DATE '2026-03-02', 1, ?, ?, 0.00, 0, true, NULL,
                    ?, 'tom', now())""".formatted(SCHEMA), action, settlement, "{\"reasons\": " + reasons + "}");
    }
}
