package de.ticketwerk.projections.rebuild;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One pass over the event table that feeds several projections at once: each event is read once, on the calling
 * thread, and handed to lanes, each a thread with its own connection and some of the projections, so that they write
 * at the same time. A lane deserializes (upcasters included) only the events its projections handle, each once for
 * all of them, and handles the events in units of work of many
 * events (the projections' writes go as JDBC batches at the end of each) and a transaction per unit that does not
 * wait for the disk; the projections write through the lane's connection, whose temporary tables shadow the live
 * ones. An event that a projection cannot handle is set aside, named in the answer, and the replay goes on.
 */
public class Replay {

    public record SetAside(long position, String type, String reason) {
    }

    /** Where some projections write: one connection (its temporary tables) and its transactions. */
    public record Lane(JdbcTemplate jdbc, PlatformTransactionManager transactions, List<Object> projections) {
    }

    /** Told in a lane's transaction (on its template) whenever every lane has handled more events. */
    public interface Progress {
        void done(JdbcTemplate lane, long events);
    }

    private record Batch(List<TrackedDomainEventData<String>> rows, long events) {
        static final Batch END = new Batch(List.of(), -1);
    }

    private static final int BATCHES_AHEAD = 2;

    private final JdbcTemplate reader;
    private final TransactionTemplate reading;
    private final Serializer serializer;
    private final EventUpcaster upcaster;
    private final int batchSize;

    public Replay(JdbcTemplate jdbc, PlatformTransactionManager transactions, Serializer serializer,
                  EventUpcaster upcaster, int batchSize) {
        this.reader = new JdbcTemplate(jdbc.getDataSource());
        this.reader.setFetchSize(batchSize);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.serializer = serializer;
        this.upcaster = upcaster;
        this.batchSize = batchSize;
    }

    /** Every event after {@code after} up to {@code head}, in global order, through every lane; those set aside. */
    public List<SetAside> replay(long after, long head, List<Lane> lanes, Progress progress) {
        AtomicLongArray handled = new AtomicLongArray(lanes.size());
        List<LaneWorker> workers = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            workers.add(new LaneWorker(lanes.get(i), i, handled, progress, serializer, upcaster));
        }
        ExecutorService threads = Executors.newFixedThreadPool(lanes.size(), runnable -> {
            Thread thread = new Thread(runnable, "replay-lane");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<SetAside>>> running = workers.stream().map(threads::submit).toList();
            List<TrackedDomainEventData<String>> rows = new ArrayList<>(batchSize);
            long[] events = {0};
            reading.executeWithoutResult(status -> {
                reader.query("SELECT " + EventRows.COLUMNS + " FROM domain_event_entry WHERE global_index > ? "
                        + "AND global_index <= ? ORDER BY global_index", row -> {
                            rows.add(EventRows.of(row));
                            if (rows.size() == batchSize) {
                                events[0] += rows.size();
                                handOver(new Batch(List.copyOf(rows), events[0]), workers, running);
                                rows.clear();
                            }
                        }, after, head);
                if (!rows.isEmpty()) {
                    events[0] += rows.size();
                    handOver(new Batch(List.copyOf(rows), events[0]), workers, running);
                }
            });
            handOver(Batch.END, workers, running);
            List<SetAside> setAside = new ArrayList<>();
            for (Future<List<SetAside>> lane : running) {
                setAside.addAll(lane.get());
            }
            setAside.sort(Comparator.comparingLong(SetAside::position));
            return setAside;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a lane of the replay failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the replay was interrupted", e);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void handOver(Batch batch, List<LaneWorker> workers, List<Future<List<SetAside>>> running) {
        for (int i = 0; i < workers.size(); i++) {
            try {
                while (!workers.get(i).batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (running.get(i).isDone()) {
                        running.get(i).get();
                        throw new IllegalStateException("a lane of the replay ended early");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the replay was interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a lane of the replay failed", e.getCause());
            }
        }
    }

    private static final class LaneWorker implements Callable<List<SetAside>> {

        final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        private final Lane lane;
        private final int index;
        private final AtomicLongArray handled;
        private final Progress progress;
        private final Serializer serializer;
        private final EventUpcaster upcaster;
        private final List<AnnotationEventHandlerAdapter> handlers;
        private final List<SetAside> setAside = new ArrayList<>();

        LaneWorker(Lane lane, int index, AtomicLongArray handled, Progress progress, Serializer serializer,
                   EventUpcaster upcaster) {
            this.lane = lane;
            this.index = index;
            this.handled = handled;
            this.progress = progress;
            this.serializer = serializer;
            this.upcaster = upcaster;
            this.handlers = lane.projections().stream().map(AnnotationEventHandlerAdapter::new).toList();
        }

        @Override
        public List<SetAside> call() throws InterruptedException {
            for (Batch batch = batches.take(); batch != Batch.END; batch = batches.take()) {
                handle(batch);
            }
            return setAside;
        }

        /** Payloads are deserialized as a handler takes them: events no projection here handles never are. */
        private void handle(Batch batch) {
            List<TrackedEventMessage<?>> messages = EventRows.messages(batch.rows(), serializer, upcaster);
            Runnable done = () -> {
                handled.set(index, batch.events());
                progress.done(lane.jdbc(), everyLane());
            };
            if (inTransaction(messages, done) == null) {
                return;
            }
            for (TrackedEventMessage<?> message : messages) {
                Throwable failure = inTransaction(List.of(message), () -> { });
                if (failure != null) {
                    setAside.add(new SetAside(((GlobalSequenceTrackingToken) message.trackingToken())
                            .getGlobalIndex(), message.getPayloadType().getName(),
                            String.valueOf(failure.getMessage())));
                }
            }
            inTransaction(List.of(), done);
        }

        private long everyLane() {
            long least = Long.MAX_VALUE;
            for (int i = 0; i < handled.length(); i++) {
                least = Math.min(least, handled.get(i));
            }
            return least;
        }

        /** The events handled in a transaction of their own, committed unless a handler failed; that failure. */
        private Throwable inTransaction(List<TrackedEventMessage<?>> messages, Runnable done) {
            return new TransactionTemplate(lane.transactions()).execute(status -> {
                lane.jdbc().execute("SET LOCAL search_path = pg_temp, public");
                lane.jdbc().execute("SET LOCAL synchronous_commit = off");
                Throwable failure = ReplayUnit.handle(messages, handlers);
                if (failure != null) {
                    status.setRollbackOnly();
                    return failure;
                }
                done.run();
                return null;
            });
        }
    }
}
