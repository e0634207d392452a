package de.ticketwerk.app.projection;

import de.ticketwerk.app.processing.ProcessingConfiguration;
import de.ticketwerk.app.web.NotFound;
import jakarta.validation.constraints.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import de.ticketwerk.app.access.Allowed;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a read model or the documents process set aside because its handler failed on them (dead letters), per
 * sequence (the aggregate whose later events wait behind the first that failed): list them, retry them once the cause
 * is removed, or evict a sequence for good (its events stay missing from the read model until a rebuild; an evicted
 * invoice gets no documents).
 */
@RestController
@RequestMapping(path = "/api/v1/projections/{name}/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterController {

    private static final int SHOWN_SEQUENCES = 100;

    record Letter(String sequence, String eventIdentifier, String payloadType, String aggregateIdentifier,
                  Long sequenceNumber, Instant enqueuedAt, Instant lastTouched, String causeType,
                  String causeMessage, Object attempts) {
    }

    record Letters(String projection, long sequences, long letters, List<Letter> items) {
    }

    record Retried(String projection, long retriedSequences, long remainingLetters) {
    }

    record Evicted(String projection, String sequence, long evictedLetters) {
    }

    private final EventProcessingConfiguration processing;

    DeadLetterController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @GetMapping
    @Allowed.Operations
    Letters list(@PathVariable @Pattern(regexp = ProjectionController.NAME) String name) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        List<Letter> items = new ArrayList<>();
        int sequences = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (sequences++ == SHOWN_SEQUENCES) {
                break;
            }
            sequence.forEach(letter -> items.add(letter(letter)));
        }
        return new Letters(name, queue.amountOfSequences(), queue.size(), items);
    }

    @PostMapping("/retry")
    @Allowed.Admin
    Retried retry(@PathVariable @Pattern(regexp = ProjectionController.NAME) String name) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new NotFound("no projection " + name));
        List<String> sequences = new ArrayList<>();
        queue.deadLetters().forEach(sequence -> sequence.forEach(letter -> {
            String id = sequenceOf(letter);
            if (!sequences.contains(id)) {
                sequences.add(id);
            }
        }));
        long retried = sequences.stream()
                .filter(id -> processor.process(letter -> sequenceOf(letter).equals(id)))
                .count();
        return new Retried(name, retried, queue.size());
    }

    @DeleteMapping("/{sequence}")
    @Allowed.Admin
    Evicted evict(@PathVariable @Pattern(regexp = ProjectionController.NAME) String name, @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,255}") String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letters::add);
        if (letters.isEmpty()) {
            throw new NotFound("projection " + name + " holds no dead letters of sequence " + sequence);
        }
        letters.forEach(queue::evict);
        return new Evicted(name, sequence, letters.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String name) {
        if (!ProcessingConfiguration.SETTING_ASIDE.contains(name)) {
            throw new NotFound("no projection " + name);
        }
        return processing.deadLetterQueue(name).orElseThrow(() -> new NotFound("no projection " + name));
    }

    /** The queue keeps letters by sequence; per aggregate, as the read models handle their events in order. */
    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        return new Letter(sequenceOf(letter), event.getIdentifier(),
                event.getPayloadType().getName(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null),
                letter.diagnostics().get("attempts"));
    }
}
