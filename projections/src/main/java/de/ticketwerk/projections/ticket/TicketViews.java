package de.ticketwerk.projections.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the ticket read model answers. */
public final class TicketViews {

    private TicketViews() {
    }

    /**
     * {@code number} (R-S1) is null for the tickets opened before tickets had numbers. {@code respondBy} (R-S2) is null
     * where no contract promised a response; then {@code responseMetAt} or {@code responseBreachedAt} says how it went.
     */
    public record TicketSummary(UUID ticketId, String number, UUID customerId, String channel, String kind,
                                String serviceItem, String priority, String status, String title, String reporter,
                                String assignee, int escalationLevel, String openedBy, Instant openedAt,
                                String updatedBy, Instant updatedAt, Instant respondBy, Instant responseMetAt,
                                Instant responseBreachedAt) {
    }

    /** R-S2: a ticket still waiting for its first response, and the contract in whose service hours it is due. */
    public record OpenDeadline(TicketSummary ticket, UUID contractId) {
    }

    public record TicketDetail(TicketSummary ticket, String description, String resolution,
                               List<HistoryLine> history, List<Comment> comments, List<TimeEntry> timeEntries) {
    }

    public record HistoryLine(int position, String change, String status, String detail, String actor, Instant at) {
    }

    public record Comment(UUID commentId, String visibility, String text, String author, Instant addedAt) {
    }

    public record TimeEntry(UUID entryId, String state, Instant start, Instant end, long minutes, String role,
                            String mode, String description, boolean billable, String nonBillableReason,
                            boolean emergency, String technician, String loggedBy, Instant loggedAt,
                            List<TimeEntryChange> changes) {
    }

    public record TimeEntryChange(int position, String change, Instant start, Instant end, Long minutes, String role,
                                  String mode, String description, Boolean billable, String nonBillableReason,
                                  Boolean emergency, String technician, String reason, String actor, Instant at) {
    }

}
