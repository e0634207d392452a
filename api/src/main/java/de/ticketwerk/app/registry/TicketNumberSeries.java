package de.ticketwerk.app.registry;

import de.ticketwerk.invoice.domain.NumberSeries;
import de.ticketwerk.invoice.policy.DocumentNumbers;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.ticket.domain.TicketNumbers;
import org.axonframework.modelling.command.Repository;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * R-S1: tickets take their numbers from the gapless series of the year in which they open, in the MSP's zone (a ticket
 * opened at 00:30 on New Year's Day in Berlin is the first of the new year).
 */
public class TicketNumberSeries implements TicketNumbers {

    private static final ZoneId MSP_ZONE = ZoneId.of(ContractTerms.DEFAULT_ZONE);

    private final Supplier<Repository<NumberSeries>> series;

    /** The repository is looked up when the first ticket opens: Axon configures it after the aggregates' ports. */
    public TicketNumberSeries(Supplier<Repository<NumberSeries>> series) {
        this.series = series;
    }

    @Override
    public String take(UUID ticketId, Instant at) {
        return NumberSeries.next(series.get(), DocumentNumbers.ticketSeries(at.atZone(MSP_ZONE).getYear()), ticketId,
                at);
    }
}
