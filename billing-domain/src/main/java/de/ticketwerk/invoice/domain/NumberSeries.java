package de.ticketwerk.invoice.domain;

import de.ticketwerk.invoice.api.InvoiceEvents.DocumentNumberTaken;
import de.ticketwerk.invoice.policy.DocumentNumbers;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A gapless series of numbers: of documents (R-I5) and of tickets (R-S1). A number is taken in the unit of work of
 * the command that needs it: when that fails, the number was never taken. Two nodes taking one number at once conflict
 * on the append, and one of them tries again.
 */
public class NumberSeries {

    @AggregateIdentifier
    private String seriesId;
    private long last;

    protected NumberSeries() {
    }

    NumberSeries(String seriesId) {
        this.seriesId = seriesId;
    }

    /** The next number of the series {@code seriesId} for {@code documentId}, in the caller's unit of work. */
    public static String next(Repository<NumberSeries> series, String seriesId, UUID documentId, Instant at) {
        try {
            Aggregate<NumberSeries> numbers = series.loadOrCreate(seriesId, () -> new NumberSeries(seriesId));
            return numbers.invoke(s -> s.take(documentId, at));
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    String take(UUID documentId, Instant at) {
        long next = last + 1;
        String number = DocumentNumbers.number(seriesId, next);
        apply(new DocumentNumberTaken(seriesId, next, number, documentId, at));
        return number;
    }

    @EventSourcingHandler
    void on(DocumentNumberTaken event) {
        seriesId = event.seriesId();
        last = event.sequence();
    }
}
