package de.ticketwerk.app.mail;

import de.ticketwerk.app.registry.ContractRegistry;
import de.ticketwerk.app.registry.Registry;
import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.documents.mail.MailBodies;
import de.ticketwerk.quota.api.QuotaEvents.QuotaExhausted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;


/** R-S4, R-Q6 (seed 002): the mail an exhausted quota causes, put in the outbox in the event's transaction. */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class QuotaNotifications {

    private final ContractRegistry contracts;
    private final Notifications notifications;
    private final MailBodies bodies;
    private final String sender;

    public QuotaNotifications(ContractRegistry contracts, Notifications notifications, MailBodies bodies,
                              String sender) {
        this.contracts = contracts;
        this.notifications = notifications;
        this.bodies = bodies;
        this.sender = sender;
    }

    @EventHandler
    void on(QuotaExhausted e, EventMessage<?> message) {
        contracts.customerOf(e.contractId()).ifPresent(customer -> notifications.send(customer, null,
                NotificationKind.QUOTA_EXHAUSTED, message,
                bodies.quotaExhausted(new MailBodies.QuotaExhausted(e.workDate(), e.balance(), sender))));
    }
}
