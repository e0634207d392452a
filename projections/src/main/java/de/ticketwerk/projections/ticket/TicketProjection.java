package de.ticketwerk.projections.ticket;

import de.ticketwerk.projections.BatchedWrites;
import de.ticketwerk.ticket.api.TicketEvents.CommentAdded;
import de.ticketwerk.ticket.api.TicketEvents.CustomerInputRequested;
import de.ticketwerk.ticket.api.TicketEvents.ResponseDeadlineBreached;
import de.ticketwerk.ticket.api.TicketEvents.ResponseDeadlineMet;
import de.ticketwerk.ticket.api.TicketEvents.TicketAssigned;
import de.ticketwerk.ticket.api.TicketEvents.TicketClassified;
import de.ticketwerk.ticket.api.TicketEvents.TicketClosed;
import de.ticketwerk.ticket.api.TicketEvents.TicketEscalated;
import de.ticketwerk.ticket.api.TicketEvents.TicketOpened;
import de.ticketwerk.ticket.api.TicketEvents.TicketReopened;
import de.ticketwerk.ticket.api.TicketEvents.TicketReprioritized;
import de.ticketwerk.ticket.api.TicketEvents.TicketResolved;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryCorrected;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryVoided;
import de.ticketwerk.ticket.api.TicketEvents.TimeLogged;
import de.ticketwerk.ticket.api.TicketEvents.WorkResumed;
import de.ticketwerk.ticket.api.TicketEvents.WorkStarted;
import de.ticketwerk.ticket.api.TicketStatus;
import de.ticketwerk.ticket.api.Visibility;
import de.ticketwerk.ticket.api.TimeEntryDetails;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The ticket read model: tickets, their history, comments, time entries and every change of an entry.
 * Runs in a pooled streaming processor; rows are written in the same transaction as the processor's token, batched
 * per transaction. Every write changes only rows of its ticket, so a batch's writes go statement by statement for all
 * of its tickets ({@link BatchedWrites#updateOf}).
 */
@ProcessingGroup(TicketProjection.PROCESSING_GROUP)
public class TicketProjection {

    public static final String PROCESSING_GROUP = "tickets";
    /**
     * Who changed the ticket last and when, for the MSP's people and for the customer's: an internal comment changes
     * only the former (R-A3: customer people do not learn that or when staff did something internal).
     */
    private static final String TOUCHED = "updated_by = ?, updated_at = ?, public_updated_by = ?, "
            + "public_updated_at = ?, revision = revision + 1";
    /** One statement, so that consecutive entries go to PostgreSQL as one batch. */
    private static final String LOGGED = """
            WITH entry AS (
                INSERT INTO time_entry_view (entry_id, ticket_id, state, work_start, work_end, minutes, role,
                    mode, description, billable, non_billable_reason, emergency, technician, logged_by,
                    logged_at)
                VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)),
            change AS (
                INSERT INTO time_entry_change_view (entry_id, position, change, work_start, work_end,
                    minutes, role, mode, description, billable, non_billable_reason, emergency, technician,
                    reason, actor, at)
                VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM time_entry_change_view
                            WHERE entry_id = ?),
                        'LOGGED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?))
            UPDATE ticket_view SET %s WHERE ticket_id = ?""".formatted(TOUCHED);
    private static final String HISTORY_OF_CHANGED = """
            INSERT INTO ticket_history_view (ticket_id, position, change, status, detail, actor, at)
            SELECT ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM ticket_history_view WHERE ticket_id = ?),
                   ?, status, ?, ?, ?
            FROM changed""";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    public TicketProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc);
    }

    @EventHandler
    void on(TicketOpened e) {
        writes.updateOf(e.ticketId(), """
                        WITH changed AS (
                            INSERT INTO ticket_view (ticket_id, number, customer_id, channel, kind, service_item,
                                priority, status, title, description, reporter, escalation_level, opened_by,
                                opened_at, updated_by, updated_at, public_updated_by, public_updated_at, revision,
                                respond_by, response_contract_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                            RETURNING status)
                        """ + HISTORY_OF_CHANGED,
                e.ticketId(), e.number(), e.customerId(), e.channel().name(), e.kind().name(), e.serviceItem().name(),
                e.priority().name(), TicketStatus.NEW.name(), e.title(), e.description(), e.reporter(),
                e.actor(), ts(e.at()), e.actor(), ts(e.at()), e.actor(), ts(e.at()),
                e.promise() == null ? null : ts(e.promise().respondBy()),
                e.promise() == null ? null : e.promise().contractId(),
                e.ticketId(), e.ticketId(), "OPENED", e.title(), e.actor(), ts(e.at()));
    }

    @EventHandler
    void on(TicketClassified e) {
        change(e.ticketId(), "kind = ?, service_item = ?", new Object[]{e.kind().name(), e.serviceItem().name()},
                "CLASSIFIED", e.kind() + " / " + e.serviceItem(), e.actor(), e.at());
    }

    @EventHandler
    void on(TicketReprioritized e) {
        change(e.ticketId(), "priority = ?", new Object[]{e.priority().name()},
                "REPRIORITIZED", e.previousPriority() + " → " + e.priority(), e.actor(), e.at());
    }

    @EventHandler
    void on(TicketAssigned e) {
        change(e.ticketId(), "assignee = ?, status = ?", new Object[]{e.assignee(), e.status().name()},
                "ASSIGNED", e.assignee(), e.actor(), e.at());
    }

    @EventHandler
    void on(WorkStarted e) {
        change(e.ticketId(), "status = ?", new Object[]{TicketStatus.IN_PROGRESS.name()},
                "WORK_STARTED", null, e.actor(), e.at());
    }

    @EventHandler
    void on(ResponseDeadlineMet e) {
        change(e.ticketId(), "response_met_at = ?", new Object[]{ts(e.at())},
                "RESPONSE_DEADLINE_MET", "due " + e.respondBy(), e.actor(), e.at());
    }

    @EventHandler
    void on(ResponseDeadlineBreached e) {
        change(e.ticketId(), "response_breached_at = ?", new Object[]{ts(e.at())},
                "RESPONSE_DEADLINE_BREACHED", "due " + e.respondBy(), e.actor(), e.at());
    }

    @EventHandler
    void on(CustomerInputRequested e) {
        change(e.ticketId(), "status = ?", new Object[]{TicketStatus.WAITING_FOR_CUSTOMER.name()},
                "WAITING_FOR_CUSTOMER", e.reason(), e.actor(), e.at());
    }

    @EventHandler
    void on(WorkResumed e) {
        change(e.ticketId(), "status = ?", new Object[]{TicketStatus.IN_PROGRESS.name()},
                "WORK_RESUMED", null, e.actor(), e.at());
    }

    @EventHandler
    void on(TicketResolved e) {
        change(e.ticketId(), "status = ?, resolution = ?", new Object[]{TicketStatus.RESOLVED.name(), e.resolution()},
                "RESOLVED", e.resolution(), e.actor(), e.at());
    }

    @EventHandler
    void on(TicketReopened e) {
        change(e.ticketId(), "status = ?, resolution = NULL", new Object[]{TicketStatus.IN_PROGRESS.name()},
                "REOPENED", e.reason(), e.actor(), e.at());
    }

    @EventHandler
    void on(TicketClosed e) {
        change(e.ticketId(), "status = ?", new Object[]{TicketStatus.CLOSED.name()},
                "CLOSED", null, e.actor(), e.at());
    }

    @EventHandler
    void on(TicketEscalated e) {
        change(e.ticketId(), "escalation_level = ?", new Object[]{e.level()},
                "ESCALATED", "level " + e.level() + ": " + e.reason(), e.actor(), e.at());
    }

    @EventHandler
    void on(CommentAdded e) {
        writes.updateOf(e.ticketId(), """
                        INSERT INTO ticket_comment_view (comment_id, ticket_id, visibility, text, author, added_at)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                e.commentId(), e.ticketId(), e.visibility().name(), e.text(), e.actor(), ts(e.at()));
        if (e.visibility() == Visibility.INTERNAL) {
            writes.updateOf(e.ticketId(), """
                    UPDATE ticket_view SET updated_by = ?, updated_at = ?, revision = revision + 1
                    WHERE ticket_id = ?""", e.actor(), ts(e.at()), e.ticketId());
        } else {
            touch(e.ticketId(), e.actor(), e.at());
        }
    }

    @EventHandler
    void on(TimeLogged e) {
        TimeEntryDetails d = e.entry();
        writes.updateOf(e.ticketId(), LOGGED,
                e.entryId(), e.ticketId(), ts(d.start()), ts(d.end()), e.minutes(), d.role().name(), d.mode().name(),
                d.description(), d.billable(), d.nonBillableReason(), d.emergency(), d.technician(),
                e.actor(), ts(e.at()),
                e.entryId(), e.entryId(), ts(d.start()), ts(d.end()), e.minutes(), d.role().name(), d.mode().name(),
                d.description(), d.billable(), d.nonBillableReason(), d.emergency(), d.technician(), e.actor(),
                ts(e.at()),
                e.actor(), ts(e.at()), e.actor(), ts(e.at()), e.ticketId());
    }

    @EventHandler
    void on(TimeEntryCorrected e) {
        TimeEntryDetails d = e.entry();
        writes.updateOf(e.ticketId(), """
                        UPDATE time_entry_view SET work_start = ?, work_end = ?, minutes = ?, role = ?, mode = ?,
                            description = ?, billable = ?, non_billable_reason = ?, emergency = ?, technician = ?
                        WHERE entry_id = ?""",
                ts(d.start()), ts(d.end()), e.minutes(), d.role().name(), d.mode().name(), d.description(),
                d.billable(), d.nonBillableReason(), d.emergency(), d.technician(), e.entryId());
        entryChange(e.ticketId(), e.entryId(), "CORRECTED", d, e.minutes(), e.reason(), e.actor(), e.at());
        touch(e.ticketId(), e.actor(), e.at());
    }

    @EventHandler
    void on(TimeEntryVoided e) {
        writes.updateOf(e.ticketId(), "UPDATE time_entry_view SET state = 'VOIDED' WHERE entry_id = ?",
                e.entryId());
        entryChange(e.ticketId(), e.entryId(), "VOIDED", null, null, e.reason(), e.actor(), e.at());
        touch(e.ticketId(), e.actor(), e.at());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM time_entry_change_view");
        jdbc.update("DELETE FROM time_entry_view");
        jdbc.update("DELETE FROM ticket_comment_view");
        jdbc.update("DELETE FROM ticket_history_view");
        jdbc.update("DELETE FROM ticket_view");
    }

    /**
     * A change of the ticket and its history line in one statement (one round trip per event): the line records the
     * status the change left.
     */
    private void change(UUID ticketId, String assignments, Object[] values, String change, String detail,
                        String actor, Instant at) {
        List<Object> args = new ArrayList<>(Arrays.asList(values));
        args.addAll(Arrays.asList(actor, ts(at), actor, ts(at), ticketId, ticketId, ticketId, change, detail, actor,
                ts(at)));
        writes.updateOf(ticketId, "WITH changed AS (UPDATE ticket_view SET " + assignments + ", " + TOUCHED
                        + " WHERE ticket_id = ?"
                        + " RETURNING status)\n" + HISTORY_OF_CHANGED,
                args.toArray());
    }

    private void touch(UUID ticketId, String actor, Instant at) {
        writes.updateOf(ticketId, "UPDATE ticket_view SET " + TOUCHED + " WHERE ticket_id = ?", actor, ts(at), actor,
                ts(at), ticketId);
    }

    private void entryChange(UUID ticketId, UUID entryId, String change, TimeEntryDetails d, Long minutes,
                             String reason, String actor, Instant at) {
        writes.updateOf(ticketId, """
                        INSERT INTO time_entry_change_view (entry_id, position, change, work_start, work_end, minutes,
                            role, mode, description, billable, non_billable_reason, emergency, technician, reason,
                            actor, at)
                        VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM time_entry_change_view WHERE entry_id = ?),
                                ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                entryId, entryId, change,
                d == null ? null : ts(d.start()), d == null ? null : ts(d.end()), minutes,
                d == null ? null : d.role().name(), d == null ? null : d.mode().name(),
                d == null ? null : d.description(), d == null ? null : d.billable(),
                d == null ? null : d.nonBillableReason(), d == null ? null : d.emergency(),
                d == null ? null : d.technician(), reason, actor, ts(at));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
