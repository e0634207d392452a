package de.ticketwerk.app.mail;

import de.ticketwerk.app.mail.MailOutbox.Mail;
import de.ticketwerk.documents.Download;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;

/**
 * R-S4: sends the outbox's due mails, one per transaction: the mail's row stays locked while it is sent and is marked
 * sent in the same transaction, so a crash in between sends that one mail again, with the same Message-ID. Every node
 * delivers; each mail is locked by one. A failure is tried again later (back-off), the error kept on the mail.
 */
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MailOutbox outbox;
    private final JavaMailSenderImpl sender;
    private final TransactionTemplate transactions;
    private final String from;
    private final Clock clock;

    public MailDelivery(MailOutbox outbox, JavaMailSenderImpl sender, TransactionTemplate transactions, String from,
                        Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.transactions = transactions;
        this.from = from;
        this.clock = clock;
    }

    /**
     * Every due mail, until none is left or one fails (the others wait for the next round), over one connection to
     * the server: its handshake is most of what a mail costs.
     */
    @Scheduled(fixedDelayString = "${ticketwerk.mail.delivery-interval}")
    public void deliver() {
        try (Connection connection = new Connection()) {
            boolean sent;
            do {
                sent = Boolean.TRUE.equals(transactions.execute(status -> sendNextDue(connection)));
            } while (sent);
        }
    }

    private boolean sendNextDue(Connection connection) {
        Optional<Mail> due = outbox.nextDue(clock.instant());
        if (due.isEmpty()) {
            return false;
        }
        Mail mail = due.get();
        try {
            MimeMessage message = message(mail);
            message.saveChanges();
            connection.open().sendMessage(message, message.getAllRecipients());
            outbox.sent(mail, clock.instant());
            return true;
        } catch (MessagingException e) {
            log.warn("Mail {} ({}) not sent, tried again later: {}", mail.messageId(), mail.kind(), e.getMessage());
            outbox.failed(mail, e.getMessage(), clock.instant());
            connection.close();
            return false;
        }
    }

    /** The connection to the mail server, opened when the first mail is due and kept for the round. */
    private final class Connection implements AutoCloseable {

        private Transport transport;

        Transport open() throws MessagingException {
            if (transport == null || !transport.isConnected()) {
                transport = sender.getSession().getTransport(sender.getProtocol());
                transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
            }
            return transport;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("Closing the connection to the mail server failed: {}", e.getMessage());
                }
                transport = null;
            }
        }
    }

    private MimeMessage message(Mail mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(sender.getSession(), mail.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipients().toArray(String[]::new));
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        for (Download file : outbox.attachments(mail.mailId())) {
            helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.mediaType());
        }
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    /** Keeps the Message-ID the outbox gave the mail (Jakarta Mail would make a new one on every send). */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
