package de.ticketwerk.app.mail;

import de.ticketwerk.app.registry.CustomerRegistry;
import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.documents.mail.MailBody;
import org.axonframework.eventhandling.EventMessage;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** R-S4: a mail of a kind to the addresses the customer chose for it, once per causing event; none chosen, none. */
public class Notifications {

    private final CustomerRegistry customers;
    private final MailOutbox outbox;
    private final Clock clock;

    public Notifications(CustomerRegistry customers, MailOutbox outbox, Clock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    void send(UUID customerId, NotificationKind kind, EventMessage<?> cause, MailBody body) {
        List<String> recipients = customers.notified(customerId, kind);
        if (!recipients.isEmpty()) {
            outbox.enqueue(kind.name(), cause.getIdentifier(), recipients, body, clock.instant());
        }
    }
}
