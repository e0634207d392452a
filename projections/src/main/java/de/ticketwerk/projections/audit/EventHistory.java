package de.ticketwerk.projections.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import de.ticketwerk.projections.Page;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** R-AU1, R-AU4: the event table read as it is, an aggregate's history and the stream in global order. */
public class EventHistory {

    private static final int FETCH_SIZE = 1_000;

    /**
     * One event of an aggregate's history.
     *
     * @param actor        who caused it: the metadata's {@code actor}, else the payload's, else none (a timer)
     * @param businessTime when it happened in business terms: the payload's {@code at}, else its {@code date}
     * @param recordedAt   when the store recorded it
     */
    public record Entry(long sequence, long position, String name, String revision, String eventId, String actor,
                        String businessTime, String recordedAt, @JsonRawValue String metaData,
                        @JsonRawValue String payload) {
    }

    public interface Sink {
        void accept(StoredEvent event) throws IOException;
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public EventHistory(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        readOnly.setReadOnly(true);
    }

    /** In sequence order; empty when the store holds no aggregate of that type and id. */
    public Optional<Page<Entry>> history(String aggregateType, String aggregateId, int page, int size) {
        Long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND type = ?", Long.class, aggregateId, aggregateType);
        if (total == null || total == 0) {
            return Optional.empty();
        }
        List<Entry> items = jdbc.query("""
                SELECT sequence_number, global_index, payload_type, payload_revision, event_identifier,
                       COALESCE(meta_data::jsonb ->> 'actor', payload::jsonb ->> 'actor'),
                       COALESCE(payload::jsonb ->> 'at', payload::jsonb ->> 'date'), time_stamp, meta_data, payload
                FROM domain_event_entry WHERE aggregate_identifier = ? AND type = ?
                ORDER BY sequence_number LIMIT ? OFFSET ?""",
                (row, n) -> new Entry(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getString(10)),
                aggregateId, aggregateType, size, (long) page * size);
        return Optional.of(new Page<>(items, page, size, total));
    }

    /**
     * The events after a position in global order, at most {@code limit}, streamed from a cursor. Only positions the
     * chain has linked: below its head no transaction can still add an event, so a reader who resumes after the last
     * position it read misses nothing. Returns how many it gave.
     */
    public long stream(long after, int limit, Sink sink) {
        return readOnly.execute(status -> jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                    + " FROM domain_event_entry WHERE global_index > ? AND global_index <= "
                    + "(SELECT COALESCE(max(position), 0) FROM event_link) ORDER BY global_index LIMIT ?")) {
                select.setFetchSize(FETCH_SIZE);
                select.setLong(1, after);
                select.setInt(2, limit);
                long given = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(StoredEvent.from(rows));
                        given++;
                    }
                }
                return given;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }
}
