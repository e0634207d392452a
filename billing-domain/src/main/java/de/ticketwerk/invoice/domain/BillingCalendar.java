package de.ticketwerk.invoice.domain;

import de.ticketwerk.invoice.api.InvoiceCommands;
import de.ticketwerk.invoice.api.InvoiceCommands.RecordBillingRun;
import de.ticketwerk.invoice.api.InvoiceEvents.BillingRunRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.YearMonth;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** R-I1: which months the automatic billing run has drafted, so that each is run by itself once. */
public class BillingCalendar {

    public static final String ID = InvoiceCommands.BILLING_CALENDAR;

    @AggregateIdentifier
    private String calendarId;
    private YearMonth lastRun;

    protected BillingCalendar() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordBillingRun cmd) {
        if (lastRun == null || cmd.month().isAfter(lastRun)) {
            apply(new BillingRunRecorded(cmd.calendarId(), cmd.month(), cmd.drafts(), cmd.at()));
        }
    }

    @EventSourcingHandler
    void on(BillingRunRecorded event) {
        calendarId = event.calendarId();
        lastRun = event.month();
    }
}
