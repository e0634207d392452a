package de.ticketwerk.app.projection;

import de.ticketwerk.app.web.NotFound;
import jakarta.validation.constraints.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import de.ticketwerk.app.access.Allowed;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;
import java.util.List;

/**
 * The read models and their rebuild from the event store. A rebuild empties the projection's tables and replays
 * every event into them; until it has caught up, reads show a partial picture. Processes (pricing) are not read
 * models and are neither listed nor rebuilt.
 */
@RestController
@RequestMapping(path = "/api/v1/projections", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectionController {

    /** How a read model is named (application.yml: {@code axon.eventhandling.processors}). */
    static final String NAME = "[a-z][a-z-]{0,63}";

    record ProjectionStatus(String name, boolean running, boolean replaying, boolean caughtUp, int segments) {
    }

    private final EventProcessingConfiguration processing;

    ProjectionController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @GetMapping
    @Allowed.Operations
    List<ProjectionStatus> list() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset)
                .map(ProjectionController::status)
                .toList();
    }

    @GetMapping("/{name}")
    @Allowed.Operations
    ProjectionStatus get(@PathVariable @Pattern(regexp = NAME) String name) {
        return status(processor(name));
    }

    @PostMapping("/{name}/rebuild")
    @Allowed.Admin
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus rebuild(@PathVariable @Pattern(regexp = NAME) String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(processor);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .filter(StreamingEventProcessor::supportsReset)
                .orElseThrow(() -> new NotFound("no projection " + name));
    }

    private static ProjectionStatus status(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        boolean replaying = processor.isReplaying();
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        return new ProjectionStatus(processor.getName(), processor.isRunning(), replaying, caughtUp && !replaying,
                segments.size());
    }
}
