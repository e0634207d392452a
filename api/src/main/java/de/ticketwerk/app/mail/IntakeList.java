package de.ticketwerk.app.mail;

import de.ticketwerk.app.mail.IntakeDesk.Outcome;
import de.ticketwerk.projections.Page;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** R-S3: the mails taken from the support mailbox and what became of each, newest first (table mail_intake). */
public class IntakeList {

    private final JdbcTemplate jdbc;

    public IntakeList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A mail as the dispatcher sees it: {@code text} is what a ticket made of it says, with its files named. */
    public record IntakeItem(UUID intakeId, Instant receivedAt, String messageId, String sender, String subject,
                             String text, long sizeBytes, Outcome outcome, String reason, UUID ticketId,
                             UUID customerId, List<String> files) {
    }

    public Page<IntakeItem> list(Outcome outcome, int page, int size) {
        String filter = outcome == null ? "" : " WHERE outcome = '" + outcome.name() + "'";
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM mail_intake" + filter, Long.class);
        List<IntakeItem> items = jdbc.query("""
                        SELECT i.*, ARRAY(SELECT file_name FROM mail_intake_attachment a
                                          WHERE a.intake_id = i.intake_id ORDER BY position) AS files
                        FROM mail_intake i""" + filter + " ORDER BY received_at DESC, intake_id LIMIT ? OFFSET ?",
                (rs, n) -> new IntakeItem(rs.getObject("intake_id", UUID.class),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("message_id"), rs.getString("sender"),
                        rs.getString("subject"), rs.getString("body"), rs.getLong("size_bytes"),
                        Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
                        rs.getObject("ticket_id", UUID.class), rs.getObject("customer_id", UUID.class),
                        Arrays.asList((String[]) rs.getArray("files").getArray())),
                size, (long) page * size);
        return new Page<>(items, page, size, total);
    }

    public Optional<Outcome> outcome(UUID intakeId) {
        return jdbc.queryForList("SELECT outcome FROM mail_intake WHERE intake_id = ?", String.class, intakeId)
                .stream().findFirst().map(Outcome::valueOf);
    }
}
