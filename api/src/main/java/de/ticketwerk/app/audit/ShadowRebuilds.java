package de.ticketwerk.app.audit;

import de.ticketwerk.projections.audit.EventChain;
import de.ticketwerk.projections.rebuild.ShadowRebuild;
import de.ticketwerk.projections.rebuild.ShadowRebuild.Status;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Shadow rebuilds (R-AU4) on a thread of their own, one at a time: a run replays every event the hash chain has
 * linked when it starts, and compares once every live read model has handled that position.
 */
@Component
class ShadowRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ShadowRebuilds.class);

    private final ShadowRebuild rebuild;
    private final EventChain chain;
    private final EventProcessingConfiguration processing;
    private final List<String> readModels;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shadow-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ShadowRebuilds(ShadowRebuild rebuild, EventChain chain, EventProcessingConfiguration processing) {
        this.rebuild = rebuild;
        this.chain = chain;
        this.processing = processing;
        this.readModels = rebuild.readModels();
    }

    @EventListener(ApplicationReadyEvent.class)
    void endRunsOfAnEarlierStart() {
        int interrupted = rebuild.interruptRunning();
        if (interrupted > 0) {
            log.warn("{} shadow rebuild(s) were running when the application stopped; marked INTERRUPTED",
                    interrupted);
        }
    }

    /** Empty while another run is going on. */
    Optional<Status> start(String requestedBy) {
        chain.catchUp();
        long head = chain.head().map(EventChain.Head::position).orElse(0L);
        Optional<Status> started = rebuild.begin(requestedBy, head);
        started.ifPresent(run -> worker.execute(() -> {
            try {
                rebuild.run(run.id(), this::liveHandled);
            } catch (RuntimeException e) {
                log.error("shadow rebuild {} failed", run.id(), e);
            }
        }));
        return started;
    }

    Optional<Status> status(UUID id) {
        return rebuild.status(id);
    }

    /** Nothing to wait for up to position 0 (an empty store): a processor that has seen no event has no position. */
    private boolean liveHandled(long position) {
        return position <= 0 || readModels.stream().allMatch(name -> processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .map(processor -> handled(processor.processingStatus().values(), position)).orElse(false));
    }

    private static boolean handled(Collection<EventTrackerStatus> segments, long position) {
        return !segments.isEmpty() && segments.stream().allMatch(segment -> segment.getCurrentPosition().isPresent()
                && segment.getCurrentPosition().getAsLong() >= position);
    }
}
