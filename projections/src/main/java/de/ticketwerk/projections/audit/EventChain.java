package de.ticketwerk.projections.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * R-AU3: links the event table's positions in global order, after their commit, a batch per transaction (README
 * "Tamper evidence"). A position that holds no event yet may still be taken by a transaction in flight: it is linked
 * as a gap only once every transaction that could commit there has ended, which PostgreSQL's snapshots tell exactly
 * (no timeout): seen once, then the snapshot's horizon is noted, then the gap closes when every transaction below
 * that horizon is over. One chainer at a time in the whole cluster (an advisory lock); a link is only ever inserted,
 * under its position's primary key, so a crash or a second chainer can neither skip nor re-link a position.
 */
public class EventChain {

    private static final long ADVISORY_LOCK = 0x7469636b65745f63L;

    public record Head(long position, String link, String linkedAt) {
    }

    private record Link(long position, boolean gap, byte[] link) {
    }

    /** The first gap in sight, and the horizon of transactions that could still fill it (-1: not yet noted). */
    private record GapWatch(long position, long horizon) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final ChainLinks links = new ChainLinks();
    private GapWatch watch;

    public EventChain(JdbcTemplate jdbc, TransactionTemplate transactions, int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /** Links every position the store holds beyond the head, as far as no gap is still open; how many it linked. */
    public synchronized long catchUp() {
        long linked = 0;
        int round;
        do {
            round = transactions.execute(status -> linkNextBatch());
            linked += round;
        } while (round >= batchSize);
        return linked;
    }

    public Optional<Head> head() {
        return jdbc.query("SELECT position, link, linked_at FROM event_link ORDER BY position DESC LIMIT 1",
                (row, n) -> new Head(row.getLong(1), HexFormat.of().formatHex(row.getBytes(2)),
                        row.getTimestamp(3).toInstant().toString())).stream().findFirst();
    }

    private int linkNextBatch() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                ADVISORY_LOCK))) {
            return 0;
        }
        long[] horizons = jdbc.queryForObject("SELECT pg_snapshot_xmin(s)::text::bigint, "
                + "pg_snapshot_xmax(s)::text::bigint FROM pg_current_snapshot() s",
                (row, n) -> new long[]{row.getLong(1), row.getLong(2)});
        Link head = jdbc.query("SELECT position, gap, link FROM event_link ORDER BY position DESC LIMIT 1",
                (row, n) -> new Link(row.getLong(1), row.getBoolean(2), row.getBytes(3))).stream().findFirst()
                .orElse(new Link(0, false, ChainLinks.FIRST_PREVIOUS));
        List<StoredEvent> events = jdbc.query("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry "
                + "WHERE global_index > ? ORDER BY global_index LIMIT ?", (row, n) -> StoredEvent.from(row),
                head.position(), batchSize);
        List<Link> next = new ArrayList<>();
        byte[] previous = head.link();
        long expected = head.position() + 1;
        for (StoredEvent event : events) {
            while (event.position() > expected) {
                if (!gapClosed(expected, horizons[0], horizons[1])) {
                    return insert(next);
                }
                previous = links.gap(previous, expected);
                next.add(new Link(expected++, true, previous));
            }
            previous = links.event(previous, event);
            next.add(new Link(expected++, false, previous));
        }
        return insert(next);
    }

    /**
     * A transaction that takes a position takes it before any later one is taken, so whoever could still fill the
     * gap was running when the gap was first seen. The horizon is noted one round later (by then such a transaction
     * has its id) and the gap closes when the oldest running transaction is past it.
     */
    private boolean gapClosed(long position, long oldestRunning, long nextTransaction) {
        if (watch == null || watch.position() != position) {
            watch = new GapWatch(position, -1);
            return false;
        }
        if (watch.horizon() < 0) {
            watch = new GapWatch(position, nextTransaction);
            return false;
        }
        return oldestRunning >= watch.horizon();
    }

    private int insert(List<Link> next) {
        jdbc.batchUpdate("INSERT INTO event_link (position, gap, link) VALUES (?, ?, ?)", next, next.size(),
                (statement, link) -> {
                    statement.setLong(1, link.position());
                    statement.setBoolean(2, link.gap());
                    statement.setBytes(3, link.link());
                });
        return next.size();
    }
}
