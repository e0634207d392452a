package de.ticketwerk.ticket.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Everything that happens to a ticket. Each event names who ({@code actor}) and when it was recorded ({@code at}).
 * Time events also carry the ticket's customer, kind, service item and priority at that moment, so that pricing
 * never has to look anything up in the ticket's history.
 */
public final class TicketEvents {

    private TicketEvents() {
    }

    /**
     * {@code number} (R-S1) is null for the tickets opened before tickets had numbers, {@code promise} (R-S2) for those
     * opened before response deadlines.
     */
    public record TicketOpened(UUID ticketId, String number, UUID customerId, Channel channel, TicketKind kind,
                               ServiceItem serviceItem, Priority priority, String title, String description,
                               String reporter, String actor, Instant at, ResponsePromise promise) {
    }

    /** R-S2: the first response (a public comment by staff, or the start of work) came by the deadline. */
    public record ResponseDeadlineMet(UUID ticketId, Instant respondBy, String actor, Instant at) {
    }

    /** R-S2: the deadline passed without a response; {@code at} is the deadline itself. */
    public record ResponseDeadlineBreached(UUID ticketId, Instant respondBy, String actor, Instant at) {
    }

    public record TicketClassified(UUID ticketId, TicketKind kind, ServiceItem serviceItem, String actor, Instant at) {
    }

    public record TicketReprioritized(UUID ticketId, Priority previousPriority, Priority priority, String actor,
                                      Instant at) {
    }

    /** {@code status} is the status after the assignment: ASSIGNED for a NEW ticket, unchanged otherwise. */
    public record TicketAssigned(UUID ticketId, String assignee, TicketStatus status, String actor, Instant at) {
    }

    public record WorkStarted(UUID ticketId, String actor, Instant at) {
    }

    public record CustomerInputRequested(UUID ticketId, String reason, String actor, Instant at) {
    }

    public record WorkResumed(UUID ticketId, String actor, Instant at) {
    }

    public record TicketResolved(UUID ticketId, String resolution, String actor, Instant at) {
    }

    public record TicketReopened(UUID ticketId, String reason, String actor, Instant at) {
    }

    public record TicketClosed(UUID ticketId, String actor, Instant at) {
    }

    public record TicketEscalated(UUID ticketId, int level, String reason, String actor, Instant at) {
    }

    public record CommentAdded(UUID ticketId, UUID commentId, Visibility visibility, String text, String actor,
                               Instant at) {
    }

    public record TimeLogged(UUID ticketId, UUID entryId, UUID customerId, TicketKind kind, ServiceItem serviceItem,
                             Priority priority, TimeEntryDetails entry, long minutes, String actor, Instant at)
            implements TimeEntryEvent {
    }

    /** The entry's complete new state: its pricing reverses the earlier effect and prices this anew (R-E3). */
    public record TimeEntryCorrected(UUID ticketId, UUID entryId, UUID customerId, TicketKind kind,
                                     ServiceItem serviceItem, Priority priority, TimeEntryDetails entry, long minutes,
                                     String reason, String actor, Instant at) implements TimeEntryEvent {
    }

    public record TimeEntryVoided(UUID ticketId, UUID entryId, UUID customerId, String reason, String actor,
                                  Instant at) implements TimeEntryEvent {
    }
}
