package de.ticketwerk.app.quota;

import de.ticketwerk.quota.api.QuotaIds;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** How far a QUOTA contract's ledger has come, read from its events (not from read models that may lag). */
public class QuotaProgress {

    private static final String PERIODS_CLOSED = "quota.QuotaPeriodsClosed";

    private final JdbcTemplate jdbc;
    private final EventStore events;

    public QuotaProgress(JdbcTemplate jdbc, EventStore events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The day the ledger was last closed through: credits and period ends before it are booked. */
    Optional<LocalDate> closedThrough(UUID contractId) {
        return jdbc.query("""
                        SELECT payload::jsonb ->> 'through' FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY sequence_number DESC LIMIT 1""",
                (rs, n) -> LocalDate.parse(rs.getString(1)), quotaId(contractId), PERIODS_CLOSED)
                .stream().findFirst();
    }

    /** The sequence number of the ledger's last event; -1 before its first. */
    long lastSequence(UUID contractId) {
        return events.lastSequenceNumberFor(quotaId(contractId)).orElse(-1L);
    }

    static String quotaId(UUID contractId) {
        return QuotaIds.of(contractId).toString();
    }
}
