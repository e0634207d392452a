package de.ticketwerk.app.mail;

import de.ticketwerk.app.registry.CustomerRegistry;
import de.ticketwerk.app.tuning.RandomIds;
import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.documents.Download;
import de.ticketwerk.documents.mail.MailBodies;
import de.ticketwerk.ticket.api.Channel;
import de.ticketwerk.ticket.api.Priority;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketCommands.AddComment;
import de.ticketwerk.ticket.api.TicketCommands.OpenTicket;
import de.ticketwerk.ticket.api.TicketEvents.TicketOpened;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.Visibility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * R-S3: what a mail from the support mailbox becomes, decided and done in one transaction with its record, so that a
 * mail is handled once: a reply (the ticket number in the subject, else In-Reply-To or References naming a mail of
 * the ticket) becomes a public comment, or a new ticket referring to it when the ticket is closed; a new mail from a
 * customer's registered address or domain opens an EMAIL ticket and the sender gets the confirmation; an unknown
 * sender, or one not of the ticket's customer, waits in the triage; an automatic mail is recorded and answered never.
 */
public class IntakeDesk {

    static final String INTAKE = "mail-intake";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CommandGateway commands;
    private final EventStore events;
    private final CustomerRegistry customers;
    private final MailOutbox outbox;
    private final MailBodies bodies;
    private final String sender;
    private final Clock clock;

    public IntakeDesk(JdbcTemplate jdbc, TransactionTemplate transactions, CommandGateway commands, EventStore events,
                      CustomerRegistry customers, MailOutbox outbox, MailBodies bodies, String sender, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.events = events;
        this.customers = customers;
        this.outbox = outbox;
        this.bodies = bodies;
        this.sender = sender;
        this.clock = clock;
    }

    /** What the mailbox's messages became. */
    public enum Outcome {
        OPENED, COMMENTED, TRIAGE, ASSIGNED, DISMISSED, IGNORED, SET_ASIDE
    }

    private record Known(UUID ticketId, UUID customerId, String number, String status) {
    }

    /** @return false when the mail was handled before (the same key) */
    boolean take(InboundMail mail, long size) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            UUID intakeId = RandomIds.next();
            int inserted = jdbc.update("""
                            INSERT INTO mail_intake (intake_id, message_key, message_id, received_at, sender, subject,
                                body, size_bytes, outcome)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'TRIAGE') ON CONFLICT (message_key) DO NOTHING""",
                    intakeId, mail.key(), mail.messageId(), Timestamp.from(clock.instant()), mail.sender(),
                    mail.subject(), mail.textWithFiles(), size);
            if (inserted == 0) {
                return false;
            }
            keepFiles(intakeId, mail.attachments());
            decide(intakeId, mail);
            return true;
        }));
    }

    /** A mail that could not be read or handled: recorded with why, so that it is seen and not taken again. */
    void setAside(String key, String messageId, String sender, String subject, long size, String reason) {
        transactions.executeWithoutResult(status -> jdbc.update("""
                        INSERT INTO mail_intake (intake_id, message_key, message_id, received_at, sender, subject,
                            size_bytes, outcome, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'SET_ASIDE', ?) ON CONFLICT (message_key) DO NOTHING""",
                RandomIds.next(), key, messageId, Timestamp.from(clock.instant()), sender, subject, size,
                InboundMail.singleLine(reason)));
    }

    /** A dispatcher assigns a mail of the triage to a customer: it opens that customer's ticket. */
    Optional<UUID> assign(UUID intakeId, UUID customerId, String actor) {
        return transactions.execute(status -> {
            List<InboundMailRow> rows = jdbc.query("""
                            SELECT message_key, sender, subject, body FROM mail_intake
                            WHERE intake_id = ? AND outcome = 'TRIAGE' FOR UPDATE""",
                    (rs, n) -> new InboundMailRow(rs.getString("message_key"), rs.getString("sender"),
                            rs.getString("subject"), rs.getString("body")), intakeId);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            InboundMailRow row = rows.get(0);
            UUID ticketId = open(customerId, row.subject().isBlank() ? "(ohne Betreff)" : row.subject(), row.body(),
                    row.sender() == null ? "E-Mail" : row.sender(), actor);
            record(intakeId, Outcome.ASSIGNED, "assigned by " + actor, ticketId, customerId);
            if (row.sender() != null) {
                confirm(row.key(), row.sender(), ticketId, customerId);
            }
            return Optional.of(ticketId);
        });
    }

    boolean dismiss(UUID intakeId, String actor) {
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.update("""
                UPDATE mail_intake SET outcome = 'DISMISSED', reason = ? WHERE intake_id = ? AND outcome = 'TRIAGE'""",
                "dismissed by " + actor, intakeId) == 1));
    }

    private record InboundMailRow(String key, String sender, String subject, String body) {
    }

    private void decide(UUID intakeId, InboundMail mail) {
        if (mail.autoReply() != null) {
            record(intakeId, Outcome.IGNORED, mail.autoReply(), null, null);
            return;
        }
        if (mail.sender() == null) {
            record(intakeId, Outcome.TRIAGE, "no single sender address", null, null);
            return;
        }
        Optional<UUID> customer = customers.customerOfSender(mail.sender());
        Optional<Known> thread = thread(mail);
        if (thread.isPresent()) {
            Known ticket = thread.get();
            if (customer.isEmpty() || !customer.get().equals(ticket.customerId())) {
                record(intakeId, Outcome.TRIAGE, "a reply to " + ticket.number() + " from a sender not of its customer",
                        null, null);
            } else if ("CLOSED".equals(ticket.status())) {
                UUID opened = open(ticket.customerId(), mail.title(), "Antwort auf das geschlossene Ticket "
                        + ticket.number() + ":\n\n" + mail.textWithFiles(), mail.sender(), INTAKE);
                record(intakeId, Outcome.OPENED, "a reply to the closed ticket " + ticket.number(), opened,
                        ticket.customerId());
                confirm(mail.key(), mail.sender(), opened, ticket.customerId());
            } else {
                commands.sendAndWait(new AddComment(ticket.ticketId(), RandomIds.next(), Visibility.PUBLIC,
                        mail.textWithFiles(), mail.sender(), clock.instant(), ticket.customerId()));
                record(intakeId, Outcome.COMMENTED, null, ticket.ticketId(), ticket.customerId());
            }
            return;
        }
        if (customer.isEmpty()) {
            record(intakeId, Outcome.TRIAGE, "the sender is no customer's registered address or domain", null, null);
            return;
        }
        UUID opened = open(customer.get(), mail.title(), mail.textWithFiles(), mail.sender(), INTAKE);
        record(intakeId, Outcome.OPENED, null, opened, customer.get());
        confirm(mail.key(), mail.sender(), opened, customer.get());
    }

    private UUID open(UUID customerId, String title, String text, String reporter, String actor) {
        UUID ticketId = RandomIds.next();
        commands.sendAndWait(new OpenTicket(ticketId, customerId, Channel.EMAIL, TicketKind.SERVICE_REQUEST,
                ServiceItem.HOTLINE, Priority.NORMAL, title, text, reporter, actor, clock.instant()));
        return ticketId;
    }

    /**
     * Seed 003: the sender learns the ticket's number and the time of receipt, unless the customer has the opening
     * confirmed to this address anyway (R-S4).
     */
    private void confirm(String key, String address, UUID ticketId, UUID customerId) {
        if (customers.notified(customerId, NotificationKind.TICKET_OPENED).stream()
                .anyMatch(chosen -> chosen.equalsIgnoreCase(address))) {
            return;
        }
        DomainEventStream stored = events.readEvents(ticketId.toString());
        if (stored.hasNext() && stored.next().getPayload() instanceof TicketOpened opened && opened.number() != null) {
            outbox.enqueue("MAIL_RECEIVED", "intake:" + key, ticketId, List.of(address),
                    bodies.ticketOpened(new MailBodies.TicketOpened(opened.number(), opened.title(), opened.at(),
                            opened.promise() == null ? null : opened.promise().respondBy(), sender)),
                    List.of(), clock.instant());
        }
    }

    /** The ticket a reply belongs to: by the number in its subject, else by a mail of the ticket it names. */
    private Optional<Known> thread(InboundMail mail) {
        String number = mail.ticketNumber();
        if (number != null) {
            Optional<Known> byNumber = jdbc.query("""
                            SELECT ticket_id, customer_id, number, status FROM ticket_view WHERE number = ?""",
                    (rs, n) -> known(rs), number).stream().findFirst();
            if (byNumber.isPresent()) {
                return byNumber;
            }
        }
        if (mail.references().isEmpty()) {
            return Optional.empty();
        }
        String[] references = mail.references().toArray(String[]::new);
        return jdbc.query("""
                        SELECT t.ticket_id, t.customer_id, t.number, t.status FROM ticket_view t
                        WHERE t.ticket_id IN (SELECT ticket_id FROM mail_outbox WHERE message_id = ANY (?)
                                              UNION SELECT ticket_id FROM mail_intake WHERE message_id = ANY (?))
                        LIMIT 1""",
                (rs, n) -> known(rs), references, references).stream().findFirst();
    }

    private static Known known(ResultSet rs) throws SQLException {
        return new Known(rs.getObject("ticket_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("number"), rs.getString("status"));
    }

    private void record(UUID intakeId, Outcome outcome, String reason, UUID ticketId, UUID customerId) {
        jdbc.update("UPDATE mail_intake SET outcome = ?, reason = ?, ticket_id = ?, customer_id = ? "
                + "WHERE intake_id = ?", outcome.name(), reason, ticketId, customerId, intakeId);
    }

    private void keepFiles(UUID intakeId, List<Download> files) {
        for (int position = 0; position < files.size(); position++) {
            Download file = files.get(position);
            jdbc.update("INSERT INTO mail_intake_attachment (intake_id, position, file_name, content_type, content) "
                    + "VALUES (?, ?, ?, ?, ?)", intakeId, position, file.fileName(), file.mediaType(),
                    file.content());
        }
    }
}
