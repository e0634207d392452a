package de.ticketwerk.app.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code eventProcessors} in /actuator/health: DOWN while a process (pricing, quota, registry) fails, since it retries
 * and everything after it waits; DEGRADED while a read model or the documents process fails or holds dead letters (it
 * goes on, but some of its rows or documents are missing). Each processor shows the event it fails on and how many dead letters it holds.
 */
public final class ProcessorsHealth implements HealthIndicator {

    /** Serving, but something is missing or late: answered 200 (application.yml). */
    public static final Status DEGRADED = new Status("DEGRADED");

    private final EventProcessingConfiguration processing;
    private final ProcessingFailures failures;
    private final Set<String> readModels;

    ProcessorsHealth(EventProcessingConfiguration processing, ProcessingFailures failures, Set<String> readModels) {
        this.processing = processing;
        this.failures = failures;
        this.readModels = readModels;
    }

    @Override
    public Health health() {
        Status overall = Status.UP;
        Map<String, Object> details = new TreeMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            String name = processor.getName();
            Map<String, Object> detail = new LinkedHashMap<>();
            boolean failing = failures.failure(name).isPresent()
                    || processor instanceof StreamingEventProcessor streaming && streaming.isError();
            failures.failure(name).ifPresent(failure -> detail.put("failing", failure));
            long deadLetters = readModels.contains(name) ? deadLetters(name) : 0;
            if (readModels.contains(name)) {
                detail.put("deadLetters", deadLetters);
            }
            Status status = !failing && deadLetters == 0 ? Status.UP : readModels.contains(name) ? DEGRADED
                    : Status.DOWN;
            detail.put("status", status.getCode());
            details.put(name, detail);
            overall = worse(overall, status);
        }
        return Health.status(overall).withDetails(details).build();
    }

    long deadLetters(String readModel) {
        return processing.deadLetterQueue(readModel).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    private static Status worse(Status a, Status b) {
        return a.equals(Status.DOWN) || b.equals(Status.DOWN) ? Status.DOWN
                : a.equals(DEGRADED) || b.equals(DEGRADED) ? DEGRADED : Status.UP;
    }
}
