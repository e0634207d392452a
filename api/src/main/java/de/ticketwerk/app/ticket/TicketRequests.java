package de.ticketwerk.app.ticket;

import de.ticketwerk.app.web.BusinessDate;
import de.ticketwerk.app.web.MultiLine;
import de.ticketwerk.app.web.SingleLine;
import de.ticketwerk.ticket.api.Channel;
import de.ticketwerk.ticket.api.Priority;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.Visibility;
import de.ticketwerk.ticket.api.WorkMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** The JSON bodies the ticket endpoints accept. Unknown fields are rejected. */
final class TicketRequests {

    private TicketRequests() {
    }

    /** A customer's person names neither customer, channel nor reporter: the token says them (PORTAL). */
    record OpenTicketRequest(UUID customerId,
                             Channel channel,
                             @NotNull TicketKind kind,
                             @NotNull ServiceItem serviceItem,
                             Priority priority,
                             @NotBlank @Size(max = 200) @SingleLine String title,
                             @Size(max = 20_000) @MultiLine String description,
                             @Size(max = 200) @SingleLine String reporter) {
    }

    record ClassificationRequest(@NotNull TicketKind kind, @NotNull ServiceItem serviceItem) {
    }

    record PriorityRequest(@NotNull Priority priority) {
    }

    record AssigneeRequest(@NotBlank @Size(max = 100) @SingleLine String assignee) {
    }

    record ReasonRequest(@Size(max = 2_000) @MultiLine String reason) {
    }

    record RequiredReasonRequest(@NotBlank @Size(max = 2_000) @MultiLine String reason) {
    }

    record ResolutionRequest(@NotBlank @Size(max = 20_000) @MultiLine String resolution) {
    }

    record CommentRequest(@NotNull Visibility visibility, @NotBlank @Size(max = 20_000) @MultiLine String text) {
    }

    /** Logging and correcting take the same fields; a correction also needs its reason. */
    record TimeEntryRequest(@NotNull @BusinessDate Instant start,
                            @NotNull @BusinessDate Instant end,
                            @NotNull Role role,
                            @NotNull WorkMode mode,
                            @Size(max = 5_000) @MultiLine String description,
                            Boolean billable,
                            @Size(max = 2_000) @MultiLine String nonBillableReason,
                            Boolean emergency,
                            @Size(max = 100) @SingleLine String technician,
                            @Size(max = 2_000) @MultiLine String reason) {
    }
}
