package de.ticketwerk.app.mail;

import de.ticketwerk.app.registry.Registry;
import de.ticketwerk.app.registry.TicketRegistry;
import de.ticketwerk.app.registry.TicketRegistry.RegisteredTicket;
import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.documents.mail.MailBodies;
import de.ticketwerk.ticket.api.TicketEvents.CustomerInputRequested;
import de.ticketwerk.ticket.api.TicketEvents.TicketClosed;
import de.ticketwerk.ticket.api.TicketEvents.TicketOpened;
import de.ticketwerk.ticket.api.TicketEvents.TicketReopened;
import de.ticketwerk.ticket.api.TicketEvents.TicketResolved;
import de.ticketwerk.ticket.api.TicketEvents.WorkResumed;
import de.ticketwerk.ticket.api.TicketEvents.WorkStarted;
import de.ticketwerk.ticket.api.TicketStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import java.util.Optional;
import java.util.UUID;

/**
 * R-S4: the mails a ticket's events cause, put in the outbox in the transaction that stores the events (the
 * registry's subscribing processor), never during a replay: its opening (TICKET_OPENED), the status changes a customer
 * sees (TICKET_STATUS_CHANGED: work started, waiting for the customer with the reason, resumed, reopened, closed) and
 * its resolution (TICKET_RESOLVED).
 */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class TicketNotifications {

    private final TicketRegistry tickets;
    private final Notifications notifications;
    private final MailBodies bodies;
    private final String sender;

    public TicketNotifications(TicketRegistry tickets, Notifications notifications, MailBodies bodies,
                               String sender) {
        this.tickets = tickets;
        this.notifications = notifications;
        this.bodies = bodies;
        this.sender = sender;
    }

    /** Seed 003: the confirmation with the ticket's number and the time it was received. */
    @EventHandler
    void on(TicketOpened e, EventMessage<?> message) {
        if (e.number() != null) {
            notifications.send(e.customerId(), e.ticketId(), NotificationKind.TICKET_OPENED, message,
                    bodies.ticketOpened(new MailBodies.TicketOpened(e.number(), e.title(), e.at(),
                            e.promise() == null ? null : e.promise().respondBy(), sender)));
        }
    }

    @EventHandler
    void on(WorkStarted e, EventMessage<?> message) {
        statusChanged(e.ticketId(), TicketStatus.IN_PROGRESS, null, message);
    }

    @EventHandler
    void on(CustomerInputRequested e, EventMessage<?> message) {
        statusChanged(e.ticketId(), TicketStatus.WAITING_FOR_CUSTOMER, e.reason(), message);
    }

    @EventHandler
    void on(WorkResumed e, EventMessage<?> message) {
        statusChanged(e.ticketId(), TicketStatus.IN_PROGRESS, null, message);
    }

    @EventHandler
    void on(TicketReopened e, EventMessage<?> message) {
        statusChanged(e.ticketId(), TicketStatus.IN_PROGRESS, null, message);
    }

    @EventHandler
    void on(TicketClosed e, EventMessage<?> message) {
        statusChanged(e.ticketId(), TicketStatus.CLOSED, null, message);
    }

    @EventHandler
    void on(TicketResolved e, EventMessage<?> message) {
        ticket(e.ticketId()).ifPresent(ticket -> notifications.send(ticket.customerId(), e.ticketId(),
                NotificationKind.TICKET_RESOLVED, message, bodies.ticketResolved(
                        new MailBodies.TicketResolved(ticket.number(), ticket.title(), e.resolution(), sender))));
    }

    private void statusChanged(UUID ticketId, TicketStatus status, String reason, EventMessage<?> message) {
        ticket(ticketId).ifPresent(ticket -> notifications.send(ticket.customerId(), ticketId,
                NotificationKind.TICKET_STATUS_CHANGED, message, bodies.ticketStatusChanged(
                        new MailBodies.TicketStatusChanged(ticket.number(), ticket.title(), status.name(), reason,
                                sender))));
    }

    /** Tickets opened before they had numbers, or before their registry, are told nothing. */
    private Optional<RegisteredTicket> ticket(UUID ticketId) {
        return tickets.ticket(ticketId).filter(ticket -> ticket.number() != null);
    }
}
