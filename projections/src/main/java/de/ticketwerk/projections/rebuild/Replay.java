package de.ticketwerk.projections.rebuild;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over the event table that feeds several projections at once: each event is read and deserialized once
 * (upcasters included), and every projection handles it, in units of work of many events (the projections' writes
 * go as JDBC batches at the end of each) and a transaction per unit that does not wait for the disk. The projections
 * write through the target's connection, whose temporary tables shadow the live ones. An event that a projection
 * cannot handle is set aside, named in the answer, and the replay goes on.
 */
public class Replay {

    public record SetAside(long position, String type, String reason) {
    }

    /** Told in the transaction of each batch, after its events were handled. */
    public interface Progress {
        void done(long position, long events);
    }

    private static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data";

    /** Where the projections write: one connection (its temporary tables) and its transactions. */
    public record Target(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    }

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

    /** Every event after {@code after} up to {@code head}, in global order; the events set aside. */
    public List<SetAside> replay(long after, long head, Target target, List<Object> projections, Progress progress) {
        List<AnnotationEventHandlerAdapter> handlers = projections.stream().map(AnnotationEventHandlerAdapter::new)
                .toList();
        List<SetAside> setAside = new ArrayList<>();
        List<TrackedDomainEventData<String>> batch = new ArrayList<>(batchSize);
        long[] events = {0};
        reading.executeWithoutResult(status -> {
            reader.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE global_index > ? "
                    + "AND global_index <= ? ORDER BY global_index", rows -> {
                        batch.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rows.getLong(1)),
                                new GenericDomainEventEntry<>(rows.getString(2), rows.getString(3), rows.getLong(4),
                                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                                        rows.getString(9), rows.getString(10))));
                        if (batch.size() == batchSize) {
                            events[0] += batch.size();
                            handle(batch, target, handlers, setAside, progress, events[0]);
                            batch.clear();
                        }
                    }, after, head);
            if (!batch.isEmpty()) {
                events[0] += batch.size();
                handle(batch, target, handlers, setAside, progress, events[0]);
            }
        });
        return setAside;
    }

    private void handle(List<TrackedDomainEventData<String>> batch, Target target,
                        List<AnnotationEventHandlerAdapter> handlers, List<SetAside> setAside, Progress progress,
                        long events) {
        List<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(batch.stream(),
                serializer, upcaster).toList();
        long last = position(batch.get(batch.size() - 1).trackingToken());
        if (inTransaction(target, messages, handlers, () -> progress.done(last, events)) == null) {
            return;
        }
        for (TrackedEventMessage<?> message : messages) {
            Throwable failure = inTransaction(target, List.of(message), handlers, () -> { });
            if (failure != null) {
                setAside.add(new SetAside(position(message.trackingToken()), message.getPayloadType().getName(),
                        String.valueOf(failure.getMessage())));
            }
        }
        inTransaction(target, List.of(), handlers, () -> progress.done(last, events));
    }

    /** The events handled in a transaction of their own, committed unless a handler failed; that failure. */
    private Throwable inTransaction(Target target, List<TrackedEventMessage<?>> messages,
                                    List<AnnotationEventHandlerAdapter> handlers, Runnable done) {
        return new TransactionTemplate(target.transactions()).execute(status -> {
            target.jdbc().execute("SET LOCAL search_path = pg_temp, public");
            target.jdbc().execute("SET LOCAL synchronous_commit = off");
            Throwable failure = handleAll(messages, handlers);
            if (failure != null) {
                status.setRollbackOnly();
                return failure;
            }
            done.run();
            return null;
        });
    }

    private static Throwable handleAll(List<TrackedEventMessage<?>> messages,
                                       List<AnnotationEventHandlerAdapter> handlers) {
        if (messages.isEmpty()) {
            return null;
        }
        try {
            BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(messages);
            ResultMessage<?> result = unit.executeWithResult(() -> {
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    handler.handle(unit.getMessage());
                }
                return null;
            });
            return result.isExceptional() ? result.exceptionResult() : null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static long position(TrackingToken token) {
        return ((GlobalSequenceTrackingToken) token).getGlobalIndex();
    }
}
