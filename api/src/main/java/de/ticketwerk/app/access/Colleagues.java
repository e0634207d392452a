package de.ticketwerk.app.access;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The people a DISPATCHER may name as the technician of a time entry (R-A2): a staff account of the embedded issuer,
 * or a staff person who has acted on the API before (recorded at their first request, so that an external issuer's
 * people count too).
 */
public final class Colleagues {

    private static final Set<AccessRole> STAFF = EnumSet.of(AccessRole.ADMIN, AccessRole.DISPATCHER,
            AccessRole.TECHNICIAN, AccessRole.ACCOUNT_MANAGER, AccessRole.FINANCE, AccessRole.AUDITOR);
    private static final int REMEMBERED = 10_000;

    private final JdbcTemplate jdbc;
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    Colleagues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a staff person at their first request (per node; again after a restart, which changes nothing). */
    void seen(Actor actor) {
        if (actor.customerPerson() || actor.roles().stream().noneMatch(STAFF::contains)
                || recorded.contains(actor.name())) {
            return;
        }
        jdbc.update("INSERT INTO staff_person (name) VALUES (?) ON CONFLICT (name) DO NOTHING", actor.name());
        if (recorded.size() >= REMEMBERED) {
            recorded.clear();
        }
        recorded.add(actor.name());
    }

    public boolean isKnown(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM staff_person WHERE name = ?)
                    OR EXISTS (SELECT 1 FROM account WHERE username = ? AND customer_id IS NULL AND enabled)""",
                Boolean.class, name, name));
    }
}
