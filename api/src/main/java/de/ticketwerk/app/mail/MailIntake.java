package de.ticketwerk.app.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * R-S3: takes the support mailbox's unread messages (IMAP), a batch per round, each handed to the desk; the round's
 * messages are then flagged as read. A round runs on one node at a time (a db-scheduler recurring task). A message
 * that cannot be read or handled is set aside with its reason and flagged too: none stops the intake, none is lost,
 * and one taken again after a crash before the flags is recognised by its Message-ID and not handled twice.
 */
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    private final MailboxProperties mailbox;
    private final IntakeDesk desk;
    /** Round trips are what a mailbox costs: a round's headers in one, its bodies in one per this many bytes. */
    private static final long PREFETCH_BYTES = 16L * 1024 * 1024;
    private static final FetchProfile HEADERS = profile(FetchProfile.Item.SIZE);
    private static final FetchProfile WHOLE = profile(IMAPFolder.FetchProfileItem.MESSAGE);

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
                Message[] round = Arrays.copyOf(unread, Math.min(unread.length, mailbox.batch()));
                folder.fetch(round, HEADERS);
                List<Message> group = new ArrayList<>();
                long groupBytes = 0;
                for (Message message : round) {
                    group.add(message);
                    groupBytes += Math.max(0, Math.min(message.getSize(), mailbox.maxMessageSize().toBytes()));
                    if (groupBytes >= PREFETCH_BYTES) {
                        taken += handle(folder, group);
                        group.clear();
                        groupBytes = 0;
                    }
                }
                taken += handle(folder, group);
                folder.setFlags(round, new Flags(Flags.Flag.SEEN), true);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("The support mailbox {}@{} could not be read, tried again in the next round: {}",
                    mailbox.username(), mailbox.host(), e.getMessage());
        }
        return taken;
    }

    /** The group's messages fetched whole in one round trip (those not too large), then handled one by one. */
    private int handle(Folder folder, List<Message> group) throws MessagingException {
        Message[] small = group.stream().filter(message -> size(message) <= mailbox.maxMessageSize().toBytes())
                .toArray(Message[]::new);
        folder.fetch(small, WHOLE);
        int taken = 0;
        for (Message message : group) {
            if (handle(message)) {
                taken++;
            }
        }
        return taken;
    }

    private static long size(Message message) {
        try {
            return message.getSize();
        } catch (MessagingException e) {
            return Long.MAX_VALUE;
        }
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

    private static FetchProfile profile(FetchProfile.Item item) {
        FetchProfile profile = new FetchProfile();
        profile.add(item);
        profile.add("Message-ID");
        profile.add("Subject");
        return profile;
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? "" : values[0];
    }

    private static String folderPosition(Message message) {
        return message.getFolder().getFullName() + ":" + message.getMessageNumber() + ":" + System.nanoTime();
    }
}
