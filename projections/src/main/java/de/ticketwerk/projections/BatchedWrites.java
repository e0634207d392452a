package de.ticketwerk.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * What an event handler writes while its unit of work handles events (a projection's batch, the registry's events of
 * one command or pricing batch), sent to PostgreSQL when that unit of work prepares its commit, in the order it was
 * written: a run of the same statement goes as one JDBC batch, so a batch of events costs a few round trips instead
 * of one or more per event. It is the same transaction as the processor's token or the command. Outside a unit of
 * work a write is sent at once.
 */
public final class BatchedWrites {

    private record Write(String sql, Object[] args) {
    }

    /**
     * A unit of work holding this resource sends every write at once: a batch retried event by event after a
     * failure, so that the event that fails, fails in its own handler.
     */
    public static final String WRITE_AT_ONCE = BatchedWrites.class.getName() + ".writeAtOnce";

    private final JdbcTemplate jdbc;
    private final String pendingKey = BatchedWrites.class.getName() + "@" + System.identityHashCode(this);

    public BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void update(String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted() || CurrentUnitOfWork.get().resources().containsKey(WRITE_AT_ONCE)) {
            jdbc.update(sql, args);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(pendingKey, key -> {
            List<Write> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> send(pending));
            return pending;
        }).add(new Write(sql, args));
    }

    /** Sends what is pending, so that a query made next sees every write before it. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            List<Write> pending = CurrentUnitOfWork.get().getResource(pendingKey);
            if (pending != null) {
                send(pending);
            }
        }
    }

    private void send(List<Write> pending) {
        int from = 0;
        while (from < pending.size()) {
            String sql = pending.get(from).sql();
            List<Object[]> run = new ArrayList<>();
            for (int i = from; i < pending.size() && pending.get(i).sql().equals(sql); i++) {
                run.add(pending.get(i).args());
            }
            if (run.size() == 1) {
                jdbc.update(sql, run.get(0));
            } else {
                jdbc.batchUpdate(sql, run);
            }
            from += run.size();
        }
        pending.clear();
    }
}
