package de.ticketwerk.projections.rebuild;

import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.rebuild.ReadModels.ReadModel;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * R-AU4: every read model rebuilt from the events into temporary copies of its tables, while the live ones keep
 * serving, then compared with the live tables row by row. The copies live on the connections of the replay's lanes,
 * held for the run (not written to the write-ahead log, gone with the run); the result, with up to
 * {@value #DIFFERING_KEYS_SHOWN} differing keys per table, is kept in {@code shadow_rebuild}, as is the progress while
 * it runs. One run at a time. The run replays the events up to a head chosen when it starts, and compares once the
 * live read models have handled that head too: a difference in a row that an event after the head changed is
 * expected, and the result says how many events came after it.
 */
public class ShadowRebuild {

    public enum State { RUNNING, DONE, FAILED, INTERRUPTED }

    public record TableComparison(String table, boolean equal, long liveRows, long shadowRows, long onlyLive,
                                  long onlyShadow, List<String> differingKeys) {
    }

    public record Result(boolean equal, List<TableComparison> tables, List<Replay.SetAside> setAside,
                         long eventsAfterHead, long replayMillis, long eventsPerSecond) {
    }

    public record Status(UUID id, State state, String requestedBy, Instant startedAt, Instant finishedAt, long head,
                         long eventsTotal, long eventsDone, Result result, String failure) {
    }

    private static final int DIFFERING_KEYS_SHOWN = 20;
    private static final Duration LIVE_PATIENCE = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Replay replay;
    private final List<ReadModel> readModels;
    private final ViewJson json;
    private final Clock clock;

    public ShadowRebuild(JdbcTemplate jdbc, Replay replay, List<ReadModel> readModels, ViewJson json, Clock clock) {
        this.jdbc = jdbc;
        this.replay = replay;
        this.readModels = readModels;
        this.json = json;
        this.clock = clock;
    }

    /** A new run up to {@code head}, RUNNING; empty while another one runs. */
    public Optional<Status> begin(String requestedBy, long head) {
        UUID id = UUID.randomUUID();
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index <= ?",
                Long.class, head);
        try {
            jdbc.update("""
                    INSERT INTO shadow_rebuild (rebuild_id, requested_by, started_at, state, head, events_total)
                    VALUES (?, ?, ?, 'RUNNING', ?, ?)""", id, requestedBy, Timestamp.from(clock.instant()), head,
                    total);
        } catch (DuplicateKeyException running) {
            return Optional.empty();
        }
        return status(id);
    }

    /** The run's work, on the caller's thread: copies, replay, comparison; its end is recorded either way. */
    public void run(UUID id, LongPredicate liveHandled) {
        Status run = status(id).orElseThrow();
        List<Connection> held = new ArrayList<>();
        try {
            List<Lane> lanes = new ArrayList<>();
            for (List<ReadModel> group : lanesOf(readModels)) {
                Connection connection = jdbc.getDataSource().getConnection();
                held.add(connection);
                lanes.add(new Lane(group, new SingleConnectionDataSource(connection, true)));
            }
            finish(id, State.DONE, json.toJson(rebuildAndCompare(run, lanes, liveHandled)), null);
        } catch (RuntimeException | SQLException e) {
            finish(id, State.FAILED, null, String.valueOf(e.getMessage()));
            throw new IllegalStateException("shadow rebuild " + id + " failed", e);
        } finally {
            held.forEach(ShadowRebuild::giveBack);
        }
    }

    private static Collection<List<ReadModel>> lanesOf(List<ReadModel> readModels) {
        return readModels.stream().collect(Collectors.groupingBy(ReadModel::lane, TreeMap::new, Collectors.toList()))
                .values();
    }

    /** The read models of a lane, on one connection held for the run: its temporary tables are its own. */
    private record Lane(List<ReadModel> readModels, SingleConnectionDataSource connection) {

        JdbcTemplate jdbc() {
            return new JdbcTemplate(connection);
        }
    }

    private Result rebuildAndCompare(Status run, List<Lane> lanes, LongPredicate liveHandled) {
        List<Replay.Lane> replayed = new ArrayList<>();
        for (Lane lane : lanes) {
            JdbcTemplate laneJdbc = lane.jdbc();
            for (ReadModel readModel : lane.readModels()) {
                readModel.tables().forEach(table -> TableCopies.temporary(laneJdbc, table,
                        readModel.indexesRead()));
            }
            replayed.add(new Replay.Lane(laneJdbc, new DataSourceTransactionManager(lane.connection()),
                    lane.readModels().stream().map(readModel -> readModel.projection().apply(laneJdbc)).toList()));
        }
        long start = System.nanoTime();
        List<Replay.SetAside> setAside = replay.replay(0, run.head(), replayed, (laneJdbc, events) -> laneJdbc.update(
                "UPDATE public.shadow_rebuild SET events_done = GREATEST(events_done, ?) WHERE rebuild_id = ?",
                events, run.id()));
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        awaitLive(run.head(), liveHandled);
        List<TableComparison> tables = new ArrayList<>();
        for (Lane lane : lanes) {
            TransactionTemplate comparing = new TransactionTemplate(new DataSourceTransactionManager(
                    lane.connection()));
            comparing.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            comparing.setReadOnly(true);
            JdbcTemplate laneJdbc = lane.jdbc();
            tables.addAll(comparing.execute(status -> ReadModels.tables(lane.readModels()).stream()
                    .map(table -> compare(laneJdbc, table)).toList()));
        }
        tables.sort(Comparator.comparing(table -> ReadModels.tables(readModels).indexOf(table.table())));
        long after = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index > ?",
                Long.class, run.head());
        return new Result(tables.stream().allMatch(TableComparison::equal) && setAside.isEmpty(), tables, setAside,
                after, millis, run.eventsTotal() * 1000 / millis);
    }

    /** Back to the pool without the temporary tables. */
    private static void giveBack(Connection connection) {
        try (connection) {
            try (var statement = connection.createStatement()) {
                statement.execute("DISCARD TEMP");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hand back a connection of the shadow rebuild", e);
        }
    }

    /** The names of the read models it rebuilds (their processing groups). */
    public List<String> readModels() {
        return readModels.stream().map(ReadModel::name).toList();
    }

    public Optional<Status> status(UUID id) {
        return jdbc.query("""
                SELECT rebuild_id, state, requested_by, started_at, finished_at, head, events_total, events_done,
                       result, failure
                FROM shadow_rebuild WHERE rebuild_id = ?""", (row, n) -> new Status(row.getObject(1, UUID.class),
                State.valueOf(row.getString(2)), row.getString(3), row.getTimestamp(4).toInstant(),
                Optional.ofNullable(row.getTimestamp(5)).map(Timestamp::toInstant).orElse(null), row.getLong(6),
                row.getLong(7), row.getLong(8),
                Optional.ofNullable(row.getString(9)).map(text -> json.fromJson(text, Result.class)).orElse(null),
                row.getString(10)), id).stream().findFirst();
    }

    /** After a restart: a run that was going on when the process stopped ended with it. */
    public int interruptRunning() {
        return jdbc.update("UPDATE shadow_rebuild SET state = 'INTERRUPTED', finished_at = ? WHERE state = 'RUNNING'",
                Timestamp.from(clock.instant()));
    }

    private void finish(UUID id, State state, String result, String failure) {
        jdbc.update("UPDATE shadow_rebuild SET state = ?, finished_at = ?, result = ?, failure = ? "
                + "WHERE rebuild_id = ?", state.name(), Timestamp.from(clock.instant()), result, failure, id);
    }

    private void awaitLive(long head, LongPredicate liveHandled) {
        Instant until = clock.instant().plus(LIVE_PATIENCE);
        while (!liveHandled.test(head) && clock.instant().isBefore(until)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the live read models", e);
            }
        }
    }

    private static TableComparison compare(JdbcTemplate jdbc, String table) {
        String live = "public." + table;
        String shadow = "pg_temp." + table;
        long[] counts = jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM %1$s), (SELECT COUNT(*) FROM %2$s),
                       (SELECT COUNT(*) FROM (SELECT * FROM %1$s EXCEPT ALL SELECT * FROM %2$s) only_live),
                       (SELECT COUNT(*) FROM (SELECT * FROM %2$s EXCEPT ALL SELECT * FROM %1$s) only_shadow)"""
                .formatted(live, shadow), (row, n) -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3),
                row.getLong(4)});
        List<String> keys = new ArrayList<>();
        if (counts[2] + counts[3] > 0) {
            String key = "concat_ws('/', " + String.join(", ", primaryKey(jdbc, table)) + ")";
            keys = jdbc.queryForList("""
                    SELECT DISTINCT %3$s FROM ((SELECT * FROM %1$s EXCEPT ALL SELECT * FROM %2$s)
                                     UNION ALL (SELECT * FROM %2$s EXCEPT ALL SELECT * FROM %1$s)) differing
                    ORDER BY 1 LIMIT %4$d""".formatted(live, shadow, key, DIFFERING_KEYS_SHOWN), String.class);
        }
        return new TableComparison(table, counts[2] + counts[3] == 0, counts[0], counts[1], counts[2], counts[3],
                keys);
    }

    private static List<String> primaryKey(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("""
                SELECT quote_ident(a.attname) FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary
                ORDER BY array_position(CAST(i.indkey AS int2[]), a.attnum)""", String.class, "public." + table);
    }
}
