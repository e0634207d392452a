package de.ticketwerk.app.support;

import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/** The mails the tests' GreenMail server received. */
public final class Mails {

    private Mails() {
    }

    /** The first part of the type in the mail's tree of parts. */
    public static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof MimeMultipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String found = part(parts.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public static MimeMessage awaitMailTo(String address) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(address).isEmpty());
        return mailsTo(address).get(0);
    }

    /** One per mail: GreenMail keeps a copy for every recipient. */
    public static List<MimeMessage> mailsTo(String address) {
        Set<String> seen = new HashSet<>();
        return Arrays.stream(ApiTest.MAIL.getReceivedMessages()).filter(m -> {
            try {
                return seen.add(m.getMessageID());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The attachment of that name: its type and its bytes. */
    public record Attachment(String contentType, byte[] content) {
    }

    public static Attachment attachment(Part part, String fileName) throws Exception {
        if (fileName.equals(part.getFileName())) {
            return new Attachment(part.getContentType(), part.getInputStream().readAllBytes());
        }
        if (part.getContent() instanceof MimeMultipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                Attachment found = attachment(parts.getBodyPart(i), fileName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
