package de.ticketwerk.app.mail;

import de.ticketwerk.app.tuning.RandomIds;
import de.ticketwerk.documents.Download;
import de.ticketwerk.documents.mail.MailBody;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * R-S4: the mails to send (table mail_outbox). A mail is put here in the transaction of the event that causes it, once
 * per cause and kind, with its Message-ID fixed; delivery takes one due mail at a time, locked until it is marked.
 */
public class MailOutbox {

    private static final Duration LONGEST_BACK_OFF = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final String messageIdDomain;

    public MailOutbox(JdbcTemplate jdbc, String messageIdDomain) {
        this.jdbc = jdbc;
        this.messageIdDomain = messageIdDomain;
    }

    /** A mail as it is sent. */
    public record Mail(UUID mailId, String messageId, String kind, List<String> recipients, String subject,
                       String text, String html, int attempts) {
    }

    /**
     * Puts the mail and its attachments in the outbox unless the same cause already put one of this kind there;
     * {@code ticketId} (or null) is the ticket it is about, which a reply to it is threaded to (R-S3).
     *
     * @return the new mail's id, empty when the cause had put it there before
     */
    public Optional<UUID> enqueue(String kind, String cause, UUID ticketId, List<String> recipients, MailBody body,
                                  List<Download> attachments, Instant now) {
        UUID mailId = RandomIds.next();
        int inserted = jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO mail_outbox (mail_id, message_id, kind, cause, recipients, subject, text_body,
                        html_body, created_at, next_attempt_at, ticket_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cause, kind) DO NOTHING""");
            insert.setObject(1, mailId);
            insert.setString(2, "<" + mailId + "@" + messageIdDomain + ">");
            insert.setString(3, kind);
            insert.setString(4, cause);
            insert.setArray(5, connection.createArrayOf("text", recipients.toArray()));
            insert.setString(6, body.subject());
            insert.setString(7, body.text());
            insert.setString(8, body.html());
            insert.setTimestamp(9, Timestamp.from(now));
            insert.setTimestamp(10, Timestamp.from(now));
            insert.setObject(11, ticketId);
            return insert;
        });
        if (inserted == 0) {
            return Optional.empty();
        }
        for (int position = 0; position < attachments.size(); position++) {
            Download file = attachments.get(position);
            jdbc.update("INSERT INTO mail_attachment (mail_id, position, file_name, content_type, content) "
                    + "VALUES (?, ?, ?, ?, ?)", mailId, position, file.fileName(), file.mediaType(), file.content());
        }
        return Optional.of(mailId);
    }

    boolean contains(String cause, String kind) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM mail_outbox WHERE cause = ? "
                + "AND kind = ?)", Boolean.class, cause, kind));
    }

    List<Download> attachments(UUID mailId) {
        return jdbc.query("SELECT file_name, content_type, content FROM mail_attachment WHERE mail_id = ? "
                + "ORDER BY position", (rs, n) -> new Download(rs.getString("file_name"), rs.getString("content_type"),
                rs.getBytes("content")), mailId);
    }

    /** The oldest due mail, locked for this transaction; another node skips it. */
    Optional<Mail> nextDue(Instant now) {
        return jdbc.query("""
                        SELECT mail_id, message_id, kind, recipients, subject, text_body, html_body, attempts
                        FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= ?
                        ORDER BY next_attempt_at, position LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (rs, n) -> new Mail(rs.getObject("mail_id", UUID.class), rs.getString("message_id"),
                        rs.getString("kind"), Arrays.asList((String[]) rs.getArray("recipients").getArray()),
                        rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                        rs.getInt("attempts")),
                Timestamp.from(now)).stream().findFirst();
    }

    void sent(Mail mail, Instant now) {
        jdbc.update("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE mail_id = ?",
                Timestamp.from(now), mail.mailId());
    }

    /** Tried again after 1, 2, 4 … minutes, at most an hour apart. */
    void failed(Mail mail, String error, Instant now) {
        Duration backOff = Duration.ofMinutes(1L << Math.min(mail.attempts(), 6));
        Instant next = now.plus(backOff.compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF : backOff);
        jdbc.update("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                + "WHERE mail_id = ?", Timestamp.from(next), error, mail.mailId());
    }

    /** How many mails wait to be sent. */
    public long waiting() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL", Long.class);
    }

    /** The mails waiting, and the oldest of them: since when it waits, how often it was tried, its last error. */
    public record Backlog(long waiting, Instant oldestSince, int oldestAttempts, String oldestError) {
    }

    public Backlog backlog() {
        return jdbc.query("""
                        SELECT COUNT(*) OVER () AS waiting, created_at, attempts, last_error FROM mail_outbox
                        WHERE sent_at IS NULL ORDER BY created_at, mail_id LIMIT 1""",
                (rs, n) -> new Backlog(rs.getLong("waiting"), rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("attempts"), rs.getString("last_error"))).stream().findFirst()
                .orElse(new Backlog(0, null, 0, null));
    }
}
