package de.ticketwerk.app.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

/**
 * When a handler of a read model or of the documents process fails on an event: the first failure rolls the whole batch back, and the batch is
 * retried event by event; once the same event failed {@code attempts} times it is set aside in the dead-letter queue
 * (the rest of its aggregate's events wait behind it) and the read model goes on. A dead letter retried by an
 * operator that fails again stays where it is.
 */
final class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final String ATTEMPTS = "attempts";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPolicy.class);

    private final String processor;
    private final ProcessingFailures failures;
    private final int attempts;

    DeadLetterPolicy(String processor, ProcessingFailures failures, int attempts) {
        this.processor = processor;
        this.failures = failures;
        this.attempts = attempts;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        ThrowableCause why = ThrowableCause.truncated(NestedExceptionUtils.getMostSpecificCause(cause));
        Object retried = letter.diagnostics().get(ATTEMPTS);
        if (retried instanceof Number before) {
            return Decisions.requeue(why, l -> l.diagnostics().and(ATTEMPTS, before.intValue() + 1));
        }
        ProcessingFailures.Failure failure = failures.failed(processor, letter.message(), cause);
        if (!failures.isolated(processor) || failure.attempts() < attempts) {
            throw new EventFailed(processor, failure, cause);
        }
        log.error("Processor {} set event {} ({} of aggregate {}) aside after {} attempts: {}", processor,
                failure.eventIdentifier(), failure.payloadType(), failure.aggregateIdentifier(), failure.attempts(),
                failure.error());
        return Decisions.enqueue(why, l -> l.diagnostics().and(ATTEMPTS, failure.attempts()));
    }

    /** Rolls the batch back, so that it is retried event by event. */
    static final class EventFailed extends RuntimeException {
        EventFailed(String processor, ProcessingFailures.Failure failure, Throwable cause) {
            super("processor " + processor + " failed on event " + failure.eventIdentifier() + " ("
                    + failure.payloadType() + "), attempt " + failure.attempts() + "; retried on its own", cause);
        }
    }
}
