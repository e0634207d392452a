package de.ticketwerk.app.mail;

import de.ticketwerk.app.mail.MailOutbox.Backlog;
import de.ticketwerk.app.processing.ProcessorsHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code mailOutbox} in /actuator/health (R-S4): whether mail is delivered, how many mails wait and since when the
 * oldest does. DEGRADED while delivery is on and a mail has waited longer than {@code late} (the server refuses it or
 * cannot be reached); mail never makes the application DOWN, the outbox keeps what waits.
 */
public class MailOutboxHealth implements HealthIndicator {

    private final MailOutbox outbox;
    private final boolean delivering;
    private final Duration late;
    private final Clock clock;

    public MailOutboxHealth(MailOutbox outbox, boolean delivering, Duration late, Clock clock) {
        this.outbox = outbox;
        this.delivering = delivering;
        this.late = late;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Backlog backlog = outbox.backlog();
        boolean behind = delivering && backlog.oldestSince() != null
                && backlog.oldestSince().plus(late).isBefore(clock.instant());
        Health.Builder health = (behind ? Health.status(ProcessorsHealth.DEGRADED) : Health.up())
                .withDetail("delivery", delivering ? "on" : "off (spring.mail.host is not set)")
                .withDetail("waiting", backlog.waiting());
        if (backlog.oldestSince() != null) {
            health.withDetail("oldestWaitingSince", backlog.oldestSince().toString())
                    .withDetail("oldestAttempts", backlog.oldestAttempts());
        }
        if (backlog.oldestError() != null) {
            health.withDetail("oldestError", backlog.oldestError());
        }
        return health.build();
    }
}
