package de.ticketwerk.app.mail;

import de.ticketwerk.app.registry.ContractRegistry;
import de.ticketwerk.app.registry.CustomerRegistry;
import de.ticketwerk.app.registry.Registry;
import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.documents.mail.MailBodies;
import de.ticketwerk.quota.api.QuotaEvents.QuotaExhausted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import java.time.Clock;
import java.util.List;

/** R-S4, R-Q6 (seed 002): the mail an exhausted quota causes, put in the outbox in the event's transaction. */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class QuotaNotifications {

    private final ContractRegistry contracts;
    private final CustomerRegistry customers;
    private final MailBodies bodies;
    private final MailOutbox outbox;
    private final String sender;
    private final Clock clock;

    public QuotaNotifications(ContractRegistry contracts, CustomerRegistry customers, MailBodies bodies,
                              MailOutbox outbox, String sender, Clock clock) {
        this.contracts = contracts;
        this.customers = customers;
        this.bodies = bodies;
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
    }

    @EventHandler
    void on(QuotaExhausted e, EventMessage<?> message) {
        contracts.customerOf(e.contractId()).ifPresent(customer -> {
            List<String> recipients = customers.notified(customer, NotificationKind.QUOTA_EXHAUSTED);
            if (!recipients.isEmpty()) {
                outbox.enqueue(NotificationKind.QUOTA_EXHAUSTED.name(), message.getIdentifier(), recipients,
                        bodies.quotaExhausted(new MailBodies.QuotaExhausted(e.workDate(), e.balance(), sender)),
                        clock.instant());
            }
        });
    }
}
