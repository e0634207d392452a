package de.ticketwerk.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an event handler writes while its unit of work handles events (a projection's batch, the registry's events of
 * one command or pricing batch), sent to PostgreSQL when that unit of work prepares its commit, in the order it was
 * written: a run of the same statement goes as one JDBC batch, so a batch of events costs a few round trips instead
 * of one or more per event. It is the same transaction as the processor's token or the command. Outside a unit of
 * work a write is sent at once.
 */
public final class BatchedWrites {

    /** {@code key} null: in order with every other write. */
    private record Write(Object key, String sql, Object[] args) {
    }

    /**
     * A unit of work holding this resource sends every write at once: a batch retried event by event after a
     * failure, so that the event that fails, fails in its own handler.
     */
    public static final String WRITE_AT_ONCE = BatchedWrites.class.getName() + ".writeAtOnce";
    /**
     * A unit of work holding this resource loads a run of a plain insert ({@code INSERT INTO t (…) VALUES (?, …)})
     * with COPY: a replay into copies of the read models' tables, which only the replay writes.
     */
    public static final String COPY_INSERTS = BatchedWrites.class.getName() + ".copyInserts";

    private final JdbcTemplate jdbc;
    private final String pendingKey = BatchedWrites.class.getName() + "@" + System.identityHashCode(this);

    public BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void update(String sql, Object... args) {
        write(null, sql, args);
    }

    /**
     * A write that changes only rows of {@code key} (a ticket and what belongs to it) and reads no others: writes of
     * different keys may go in another order than they were written, so that each statement of a batch goes once for
     * all keys (a ticket opened, assigned and commented on, then the next, becomes three statements for all tickets).
     * The writes of one key keep their order, and a write without a key keeps its place among all.
     */
    public void updateOf(Object key, String sql, Object... args) {
        write(key, sql, args);
    }

    private void write(Object key, String sql, Object[] args) {
        if (!CurrentUnitOfWork.isStarted() || CurrentUnitOfWork.get().resources().containsKey(WRITE_AT_ONCE)) {
            jdbc.update(sql, args);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(pendingKey, resource -> {
            List<Write> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> send(pending, u.resources().containsKey(COPY_INSERTS)));
            return pending;
        }).add(new Write(key, sql, args));
    }

    /** Sends what is pending, so that a query made next sees every write before it. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            List<Write> pending = unitOfWork.getResource(pendingKey);
            if (pending != null) {
                send(pending, unitOfWork.resources().containsKey(COPY_INSERTS));
            }
        }
    }

    private void send(List<Write> pending, boolean copy) {
        int from = 0;
        while (from < pending.size()) {
            int to = from + 1;
            if (pending.get(from).key() == null) {
                while (to < pending.size() && pending.get(to).key() == null
                        && pending.get(to).sql().equals(pending.get(from).sql())) {
                    to++;
                }
                execute(pending.get(from).sql(), pending.subList(from, to).stream().map(Write::args).toList(), copy);
            } else {
                while (to < pending.size() && pending.get(to).key() != null) {
                    to++;
                }
                sendByStatement(pending.subList(from, to), copy);
            }
            from = to;
        }
        pending.clear();
    }

    /**
     * Keyed writes, each key's in its order: round by round, of the statements that are next for some key, the one
     * next for the most keys goes as one batch for all of them.
     */
    private void sendByStatement(List<Write> keyed, boolean copy) {
        Map<Object, ArrayDeque<Write>> byKey = new LinkedHashMap<>();
        for (Write write : keyed) {
            byKey.computeIfAbsent(write.key(), key -> new ArrayDeque<>()).add(write);
        }
        while (!byKey.isEmpty()) {
            Map<String, Integer> next = new LinkedHashMap<>();
            byKey.values().forEach(writes -> next.merge(writes.peek().sql(), 1, Integer::sum));
            String sql = next.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            List<Object[]> run = new ArrayList<>();
            for (Iterator<ArrayDeque<Write>> keys = byKey.values().iterator(); keys.hasNext(); ) {
                ArrayDeque<Write> writes = keys.next();
                if (writes.peek().sql().equals(sql)) {
                    run.add(writes.poll().args());
                    if (writes.isEmpty()) {
                        keys.remove();
                    }
                }
            }
            execute(sql, run, copy);
        }
    }

    /**
     * Values go to the driver as they are: a batch binds thousands of them, and Spring's type inference for each cost
     * more than the statement (the projections pass strings, numbers, UUIDs, dates and timestamps the driver knows).
     */
    private void execute(String sql, List<Object[]> run, boolean copy) {
        if (copy && run.size() > 1 && copied(sql, run)) {
            return;
        }
        if (run.size() == 1) {
            jdbc.update(sql, run.get(0));
        } else {
            jdbc.batchUpdate(sql, run, run.size(), (statement, args) -> {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
            });
        }
    }

    /** The run loaded with COPY when its statement is a plain insert and every value one COPY's text can say. */
    private boolean copied(String sql, List<Object[]> run) {
        Optional<String> copy = CopyRows.copyOf(sql);
        String rows = copy.isPresent() ? CopyRows.text(run) : null;
        if (rows == null) {
            return false;
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy.get(), new StringReader(rows));
            } catch (IOException e) {
                throw new SQLException("cannot send the rows of " + copy.get(), e);
            }
        });
        return true;
    }
}
