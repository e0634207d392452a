package de.ticketwerk.app.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * R-S3: takes the support mailbox's unread messages (IMAP), a batch per round, each handed to the desk and then
 * flagged as read. A round runs on one node at a time (a db-scheduler recurring task). A message that cannot be read
 * or handled is set aside with its reason and flagged too: none stops the intake, none is lost, and one flagged late
 * after a crash is recognised by its Message-ID and not handled twice.
 */
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    private final MailboxProperties mailbox;
    private final IntakeDesk desk;
    private final Session session = Session.getInstance(new Properties());

    public MailIntake(MailboxProperties mailbox, IntakeDesk desk) {
        this.mailbox = mailbox;
        this.desk = desk;
    }

    /**
     * The mailbox: {@code protocol} imap or imaps; {@code batch} messages at most per round; a message larger than
     * {@code maxMessageSize} is set aside unread, a file larger than {@code maxAttachmentSize} not kept.
     */
    public record MailboxProperties(String host, int port, String protocol, String username, String password,
                                    String folder, int batch, DataSize maxMessageSize, DataSize maxAttachmentSize) {
    }

    /** One round: the unread messages, up to a batch; the rest in the next round. */
    public int poll() {
        int taken = 0;
        try (Store store = session.getStore(mailbox.protocol())) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < Math.min(unread.length, mailbox.batch()); i++) {
                    if (handle(unread[i])) {
                        taken++;
                    }
                    unread[i].setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("The support mailbox {}@{} could not be read, tried again in the next round: {}",
                    mailbox.username(), mailbox.host(), e.getMessage());
        }
        return taken;
    }

    private boolean handle(Message message) throws MessagingException {
        String messageId = InboundMail.firstMessageId(first(message.getHeader("Message-ID")));
        String subject = InboundMail.singleLine(first(message.getHeader("Subject")));
        long size = message.getSize();
        if (size > mailbox.maxMessageSize().toBytes()) {
            desk.setAside(messageId != null ? messageId : "oversized:" + folderPosition(message), messageId, null,
                    subject, size, "larger than " + mailbox.maxMessageSize() + ": not read");
            return false;
        }
        byte[] raw = null;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            raw = bytes.toByteArray();
            InboundMail mail = InboundMail.of(new MimeMessage(session, new ByteArrayInputStream(raw)), raw,
                    mailbox.maxAttachmentSize().toBytes());
            return desk.take(mail, raw.length);
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Mail {} set aside: {}", messageId, e.toString());
            desk.setAside(raw == null ? "unreadable:" + folderPosition(message) : InboundMail.key(messageId, raw),
                    messageId, null, subject, size, "could not be handled: " + e);
            return false;
        }
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? "" : values[0];
    }

    private static String folderPosition(Message message) {
        return message.getFolder().getFullName() + ":" + message.getMessageNumber() + ":" + System.nanoTime();
    }
}
