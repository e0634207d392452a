package de.ticketwerk.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the application's database role could undo the event table's protection: a superuser,
 * or the owner of the table (who may disable its trigger). README: external PostgreSQL, two roles.
 */
@Component
class DatabaseRoleCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoleCheck.class);

    private final JdbcTemplate jdbc;

    DatabaseRoleCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String role = jdbc.queryForObject("SELECT current_user", String.class);
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user",
                Boolean.class))) {
            log.warn("The application connects to PostgreSQL as the superuser '{}': it could disable the event "
                    + "table's append-only trigger. Run it as a role that owns nothing (README).", role);
        } else if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_get_userbyid(relowner) = current_user "
                + "FROM pg_class WHERE relname = 'domain_event_entry' AND relkind = 'r'", Boolean.class))) {
            log.warn("The application connects to PostgreSQL as '{}', the owner of the event table: it could disable "
                    + "the table's append-only trigger. Migrate as the owner and run as another role (README).", role);
        }
    }
}
