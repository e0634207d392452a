package de.ticketwerk.app.mail;

import de.ticketwerk.app.registry.CustomerRegistry;
import de.ticketwerk.app.registry.Registry;
import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.documents.mail.MailBodies;
import de.ticketwerk.ticket.api.TicketEvents.TicketOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import java.time.Clock;
import java.util.List;

/**
 * R-S4: the mails a ticket's events cause, put in the outbox in the transaction that stores the events (the
 * registry's subscribing processor), never during a replay.
 */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class TicketNotifications {

    private final CustomerRegistry customers;
    private final MailBodies bodies;
    private final MailOutbox outbox;
    private final String sender;
    private final Clock clock;

    public TicketNotifications(CustomerRegistry customers, MailBodies bodies, MailOutbox outbox, String sender,
                               Clock clock) {
        this.customers = customers;
        this.bodies = bodies;
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
    }

    /** Seed 003: the confirmation with the ticket's number and the time it was received. */
    @EventHandler
    void on(TicketOpened e, EventMessage<?> message) {
        List<String> recipients = customers.notified(e.customerId(), NotificationKind.TICKET_OPENED);
        if (recipients.isEmpty() || e.number() == null) {
            return;
        }
        outbox.enqueue(NotificationKind.TICKET_OPENED.name(), message.getIdentifier(), recipients,
                bodies.ticketOpened(new MailBodies.TicketOpened(e.number(), e.title(), e.at(),
                        e.promise() == null ? null : e.promise().respondBy(), sender)), clock.instant());
    }
}
