package de.ticketwerk.app.processing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.NestedExceptionUtils;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each event processor last failed on, until one of its batches commits again, and which read models retry
 * their batch event by event, so that the one event that fails can be told from the others and set aside.
 */
public final class ProcessingFailures {

    /**
     * The failing event and how often it failed so far. A handler that failed names its own event
     * ({@code eventsInBatch} 1); a batch that failed as a whole, at its commit, names its first event and its size.
     */
    public record Failure(String eventIdentifier, String payloadType, String aggregateIdentifier, Long sequenceNumber,
                          int eventsInBatch, String error, Instant since, int attempts) {
    }

    private static final String NAMED = ProcessingFailures.class.getName() + ".named";

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Set<String> isolated = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    ProcessingFailures(Clock clock) {
        this.clock = clock;
    }

    /** A handler failed on the event; the same event failing again counts one more attempt. */
    Failure failed(String processor, EventMessage<?> event, Throwable cause) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().resources().put(NAMED, Boolean.TRUE);
        }
        return record(processor, event, 1, cause);
    }

    /** A batch rolled back: a read model's next batches run event by event until one commits. */
    void batchFailed(String processor, boolean readModel, UnitOfWork<?> batch, Throwable cause) {
        if (readModel) {
            isolated.add(processor);
        }
        if (!batch.resources().containsKey(NAMED) && batch.getMessage() instanceof EventMessage<?> event) {
            int events = batch instanceof BatchingUnitOfWork<?> batching ? batching.getMessages().size() : 1;
            EventMessage<?> first = batch instanceof BatchingUnitOfWork<?> batching
                    && batching.getMessages().get(0) instanceof EventMessage<?> head ? head : event;
            record(processor, first, events, cause);
        }
    }

    void batchCommitted(String processor) {
        if (!failures.isEmpty() || !isolated.isEmpty()) {
            failures.remove(processor);
            isolated.remove(processor);
        }
    }

    boolean isolated(String processor) {
        return isolated.contains(processor);
    }

    public Optional<Failure> failure(String processor) {
        return Optional.ofNullable(failures.get(processor));
    }

    private Failure record(String processor, EventMessage<?> event, int events, Throwable cause) {
        Failure now = new Failure(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null,
                events, describe(cause), clock.instant(), 1);
        return failures.merge(processor, now, (before, again) -> Objects.equals(before.eventIdentifier(),
                again.eventIdentifier()) && before.eventsInBatch() == again.eventsInBatch()
                ? new Failure(again.eventIdentifier(), again.payloadType(), again.aggregateIdentifier(),
                again.sequenceNumber(), again.eventsInBatch(), again.error(), before.since(), before.attempts() + 1)
                : again);
    }

    private static String describe(Throwable cause) {
        Throwable specific = cause == null ? null : NestedExceptionUtils.getMostSpecificCause(cause);
        String text = specific == null ? "unknown" : specific.getClass().getSimpleName() + ": " + specific.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
    }
}
