package de.ticketwerk.app.mail;

import de.ticketwerk.app.registry.CustomerRegistry;
import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.documents.Download;
import de.ticketwerk.documents.mail.MailBody;
import org.axonframework.eventhandling.EventMessage;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

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

    /** The addresses the customer chose for the kind. */
    public List<String> chosen(UUID customerId, NotificationKind kind) {
        return customers.notified(customerId, kind);
    }

    /** Whether the cause has put a mail of the kind in the outbox already. */
    public boolean sentBefore(String cause, NotificationKind kind) {
        return outbox.contains(cause, kind.name());
    }

    void send(UUID customerId, UUID ticketId, NotificationKind kind, EventMessage<?> cause, MailBody body) {
        send(customerId, ticketId, kind, cause.getIdentifier(), () -> body, List::of);
    }

    /**
     * The body and the attachments are made only when someone is to get them.
     *
     * @return the mail put in the outbox; empty when no address was chosen or the cause had sent it before
     */
    public Optional<UUID> send(UUID customerId, UUID ticketId, NotificationKind kind, String cause,
                               Supplier<MailBody> body, Supplier<List<Download>> attachments) {
        List<String> recipients = customers.notified(customerId, kind);
        if (recipients.isEmpty()) {
            return Optional.empty();
        }
        return outbox.enqueue(kind.name(), cause, ticketId, recipients, body.get(), attachments.get(),
                clock.instant());
    }
}
