package de.ticketwerk.projections.audit;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * R-AU3: walks every link and every event in position order, both streamed from one snapshot (constant memory),
 * recomputes each link and answers intact, or the first position where the chain breaks and why.
 */
public class ChainVerification {

    private static final int FETCH_SIZE = 1_000;
    private static final String WITHOUT_LINK = "an event without a link: stored after the chain had passed its "
            + "position, or its link was removed";
    private static final String IN_A_GAP = "an event at a position linked as a gap: stored after no transaction "
            + "could take that position any more";
    private static final String MISSING = "the event linked here is missing: deleted after it was linked";
    private static final String CHANGED = "the stored bytes differ from what was linked: the event (or its link) "
            + "was changed after linking";

    /**
     * @param headPosition the last linked position (0: nothing linked yet)
     * @param unlinked events beyond the head, not yet linked (the chainer follows within seconds)
     * @param brokenAt the first position whose link does not hold, else null
     */
    public record Result(boolean intact, long events, long gaps, long headPosition, String headLink, long unlinked,
                         Long brokenAt, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    public ChainVerification(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public Result verify() {
        return snapshot.execute(status -> jdbc.execute((ConnectionCallback<Result>) this::walk));
    }

    private Result walk(Connection connection) throws SQLException {
        ChainLinks links = new ChainLinks();
        try (PreparedStatement linkRows = connection.prepareStatement(
                "SELECT position, gap, link FROM event_link ORDER BY position");
             PreparedStatement eventRows = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                     + " FROM domain_event_entry WHERE global_index <= (SELECT COALESCE(max(position), 0) "
                     + "FROM event_link) ORDER BY global_index")) {
            linkRows.setFetchSize(FETCH_SIZE);
            eventRows.setFetchSize(FETCH_SIZE);
            try (ResultSet linked = linkRows.executeQuery(); ResultSet stored = eventRows.executeQuery()) {
                Walk walk = new Walk(stored);
                byte[] previous = ChainLinks.FIRST_PREVIOUS;
                long position = 0;
                long verified = 0;
                long events = 0;
                long gaps = 0;
                while (linked.next()) {
                    position = linked.getLong(1);
                    boolean gap = linked.getBoolean(2);
                    byte[] link = linked.getBytes(3);
                    StoredEvent event = walk.peek();
                    if (event != null && event.position() < position) {
                        return broken(events, gaps, verified, previous, event.position(), WITHOUT_LINK);
                    }
                    boolean eventHere = event != null && event.position() == position;
                    byte[] expected;
                    if (gap) {
                        if (eventHere) {
                            return broken(events, gaps, verified, previous, position, IN_A_GAP);
                        }
                        expected = links.gap(previous, position);
                        gaps++;
                    } else {
                        if (!eventHere) {
                            return broken(events, gaps, verified, previous, position, MISSING);
                        }
                        expected = links.event(previous, walk.take());
                        events++;
                    }
                    if (!Arrays.equals(expected, link)) {
                        return broken(events, gaps, verified, previous, position, CHANGED);
                    }
                    previous = link;
                    verified = position;
                }
                StoredEvent rest = walk.peek();
                if (rest != null) {
                    return broken(events, gaps, verified, previous, rest.position(), WITHOUT_LINK);
                }
                return new Result(true, events, gaps, position, HexFormat.of().formatHex(previous),
                        unlinked(connection, position), null, null);
            }
        }
    }

    /** What holds up to the position before the break: an auditor's noted head there is still proven. */
    private static Result broken(long events, long gaps, long verified, byte[] previous, long position,
                                 String reason) {
        return new Result(false, events, gaps, verified, HexFormat.of().formatHex(previous), 0, position, reason);
    }

    private static long unlinked(Connection connection, long head) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE global_index > ?")) {
            count.setLong(1, head);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The event rows, one ahead. */
    private static final class Walk {

        private final ResultSet rows;
        private StoredEvent next;
        private boolean done;

        Walk(ResultSet rows) {
            this.rows = rows;
        }

        StoredEvent peek() throws SQLException {
            if (next == null && !done) {
                if (rows.next()) {
                    next = StoredEvent.from(rows);
                } else {
                    done = true;
                }
            }
            return next;
        }

        StoredEvent take() throws SQLException {
            StoredEvent event = peek();
            next = null;
            return event;
        }
    }
}
