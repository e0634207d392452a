package de.ticketwerk.app.mail;

import de.ticketwerk.documents.Download;
import de.ticketwerk.rules.Text;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R-S3: a mail from the support mailbox as the service desk reads it. Everything in it is the sender's input: the
 * subject is one printable line, the text printable (HTML only as text), both cut to what a ticket takes; files over
 * the size limit are named, not kept.
 *
 * @param key        the Message-ID, or for a mail without one the SHA-256 of its bytes: each is handled once
 * @param autoReply  why the mail is an automatic one (never answered, opens nothing), or null
 * @param references the Message-IDs of In-Reply-To and References
 * @param dropped    the files not kept, with why
 */
record InboundMail(String key, String messageId, String sender, String subject, String text,
                   List<String> references, String autoReply, List<Download> attachments, List<String> dropped) {

    static final int MAX_SUBJECT = 200;
    static final int MAX_TEXT = 20_000;
    private static final Pattern TICKET_NUMBER = Pattern.compile("\\[(T\\d{4}-\\d{6})]");
    /** Printable ASCII only: a Message-ID is stored and compared, and PostgreSQL takes no NUL. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x3B=\\x3F-\\x7E]{1,250}>");
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "noreply", "no-reply");
    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");

    /** Reads the mail; a mail that cannot be read as MIME throws, and is set aside by the caller. */
    static InboundMail of(MimeMessage mail, byte[] raw, long maxAttachment)
            throws MessagingException, IOException {
        String messageId = firstMessageId(mail.getMessageID());
        String sender = sender(mail);
        List<Download> attachments = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Body body = new Body();
        walk(mail, body, attachments, dropped, maxAttachment);
        String text = body.plain != null ? body.plain : body.html != null ? htmlAsText(body.html) : "";
        return new InboundMail(key(messageId, raw), messageId, sender,
                subject(mail), cut(multiLine(text), MAX_TEXT), references(mail), autoReply(mail, sender),
                attachments, dropped);
    }

    /** The ticket number in the subject ({@code [T2026-000123]}), if any. */
    String ticketNumber() {
        Matcher matcher = TICKET_NUMBER.matcher(subject);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The title of a ticket the mail opens. */
    String title() {
        return subject.isBlank() ? "(ohne Betreff)" : subject;
    }

    /** The text of the ticket or comment, the files named. */
    String textWithFiles() {
        StringBuilder all = new StringBuilder(text.isBlank() ? "(ohne Text)" : text);
        for (Download file : attachments) {
            all.append("\n[Anhang: ").append(file.fileName()).append(", ").append(file.content().length)
                    .append(" Bytes]");
        }
        for (String file : dropped) {
            all.append("\n[Anhang nicht übernommen: ").append(file).append(']');
        }
        return cut(all.toString(), MAX_TEXT);
    }

    private static final class Body {
        String plain;
        String html;
    }

    private static void walk(Part part, Body body, List<Download> attachments, List<String> dropped,
                             long maxAttachment) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        String fileName = part.getFileName() == null ? null : singleLine(decoded(part.getFileName()));
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                walk(parts.getBodyPart(i), body, attachments, dropped, maxAttachment);
            }
        } else if (fileName == null && !Part.ATTACHMENT.equalsIgnoreCase(disposition)
                && part.isMimeType("text/plain") && body.plain == null) {
            body.plain = String.valueOf(part.getContent());
        } else if (fileName == null && !Part.ATTACHMENT.equalsIgnoreCase(disposition)
                && part.isMimeType("text/html") && body.html == null) {
            body.html = String.valueOf(part.getContent());
        } else if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            String name = cut(fileName == null || fileName.isBlank() ? "anhang" : fileName, MAX_SUBJECT);
            byte[] content = part.getInputStream().readNBytes((int) Math.min(maxAttachment + 1, Integer.MAX_VALUE));
            if (content.length > maxAttachment) {
                dropped.add(name + " (größer als " + maxAttachment + " Bytes)");
            } else {
                String type = singleLine(part.getContentType());
                attachments.add(new Download(name, cut(type.isBlank() ? "application/octet-stream" : type, 200),
                        content));
            }
        }
    }

    /** R-S3: Auto-Submitted other than "no", Precedence bulk/junk/list/auto_reply, a mailer daemon, a report. */
    private static String autoReply(MimeMessage mail, String sender) throws MessagingException {
        String submitted = header(mail, "Auto-Submitted");
        if (submitted != null && !submitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + singleLine(submitted);
        }
        String precedence = header(mail, "Precedence");
        if (precedence != null && BULK.contains(precedence.trim().toLowerCase(Locale.ROOT))) {
            return "Precedence: " + singleLine(precedence);
        }
        if (header(mail, "X-Autoreply") != null || header(mail, "X-Autorespond") != null) {
            return "an automatic reply (X-Autoreply)";
        }
        if (mail.isMimeType("multipart/report")) {
            return "a delivery or read report (multipart/report)";
        }
        if (sender != null && DAEMONS.contains(sender.substring(0, sender.indexOf('@')))) {
            return "sent by " + sender;
        }
        String returnPath = header(mail, "Return-Path");
        if (returnPath != null && returnPath.trim().equals("<>")) {
            return "a bounce (empty Return-Path)";
        }
        return null;
    }

    private static String sender(MimeMessage mail) throws MessagingException {
        Address[] from = mail.getFrom();
        if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null) {
            return null;
        }
        String plain = address.getAddress().trim().toLowerCase(Locale.ROOT);
        int at = plain.indexOf('@');
        boolean wellFormed = at > 0 && at == plain.lastIndexOf('@') && at < plain.length() - 1
                && plain.length() <= 254 && plain.chars().allMatch(c -> c > 32 && c < 127);
        return wellFormed ? plain : null;
    }

    private static String subject(MimeMessage mail) throws MessagingException {
        String raw = header(mail, "Subject");
        return raw == null ? "" : cut(singleLine(decoded(raw)), MAX_SUBJECT);
    }

    private static List<String> references(MimeMessage mail) throws MessagingException {
        List<String> found = new ArrayList<>();
        for (String name : List.of("In-Reply-To", "References")) {
            String value = header(mail, name);
            if (value != null) {
                Matcher matcher = MESSAGE_ID.matcher(value);
                while (matcher.find() && found.size() < 100) {
                    found.add(matcher.group());
                }
            }
        }
        return found;
    }

    static String firstMessageId(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = MESSAGE_ID.matcher(value);
        return matcher.find() ? matcher.group() : null;
    }

    private static String header(MimeMessage mail, String name) throws MessagingException {
        return mail.getHeader(name, ", ");
    }

    /** Encoded words decoded once; what cannot be decoded stays as it came. */
    private static String decoded(String text) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(text));
        } catch (IOException | RuntimeException e) {
            return text;
        }
    }

    /** One line of printable text: control characters, line and paragraph separators become spaces. */
    static String singleLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                ? ' ' : c));
        return Text.printable(line.toString()).strip();
    }

    /** Text with line breaks and tabs kept, every other control character dropped. */
    private static String multiLine(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\r', '\n').codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(kept::appendCodePoint);
        return Text.printable(kept.toString()).strip();
    }

    /** What a person reads of an HTML mail: no scripts or styles, no tags, the common entities decoded. */
    private static String htmlAsText(String html) {
        String text = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1\\s*>", " ")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>", "\n")
                .replaceAll("<[^>]*>", "");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("[ \\t]+", " ")
                .replaceAll("(?m)^ | $", "").replaceAll("\\n{3,}", "\n\n");
    }

    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** The Message-ID, or for a mail without one the SHA-256 of its bytes. */
    static String key(String messageId, byte[] raw) {
        return messageId != null ? messageId : "sha256:" + sha256(raw);
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "InboundMail[" + key + " from " + sender + ": " + subject + "]";
    }
}
