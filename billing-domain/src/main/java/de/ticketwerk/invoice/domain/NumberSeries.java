package de.ticketwerk.invoice.domain;

import de.ticketwerk.invoice.api.InvoiceEvents.DocumentNumberTaken;
import de.ticketwerk.invoice.policy.DocumentNumbers;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A gapless series of document numbers (R-I5). A number is taken in the unit of work of the issue that needs it:
 * when that fails, the number was never taken. Two nodes taking one number at once conflict on the append, and one
 * of them tries again.
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
