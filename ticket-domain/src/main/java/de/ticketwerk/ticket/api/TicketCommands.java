package de.ticketwerk.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Every command carries the acting user and the instant it was recorded. */
public final class TicketCommands {

    private TicketCommands() {
    }

    public record OpenTicket(@TargetAggregateIdentifier UUID ticketId, UUID customerId, Channel channel, TicketKind kind,
                             ServiceItem serviceItem, Priority priority, String title, String description,
                             String reporter, String actor, Instant at) {
        public OpenTicket {
            Objects.requireNonNull(ticketId, "ticketId is required");
            Objects.requireNonNull(customerId, "customerId is required");
            Objects.requireNonNull(channel, "channel is required");
            Objects.requireNonNull(kind, "kind is required");
            Objects.requireNonNull(serviceItem, "serviceItem is required");
            Objects.requireNonNull(priority, "priority is required");
            Objects.requireNonNull(title, "title is required");
            Objects.requireNonNull(reporter, "reporter is required");
            requireActor(actor, at);
        }
    }

    public record ClassifyTicket(@TargetAggregateIdentifier UUID ticketId, TicketKind kind, ServiceItem serviceItem,
                                 String actor, Instant at) {
        public ClassifyTicket {
            Objects.requireNonNull(kind, "kind is required");
            Objects.requireNonNull(serviceItem, "serviceItem is required");
            requireActor(actor, at);
        }
    }

    public record ChangePriority(@TargetAggregateIdentifier UUID ticketId, Priority priority, String actor, Instant at) {
        public ChangePriority {
            Objects.requireNonNull(priority, "priority is required");
            requireActor(actor, at);
        }
    }

    public record AssignTicket(@TargetAggregateIdentifier UUID ticketId, String assignee, String actor, Instant at) {
        public AssignTicket {
            Objects.requireNonNull(assignee, "assignee is required");
            requireActor(actor, at);
        }
    }

    public record StartWork(@TargetAggregateIdentifier UUID ticketId, String actor, Instant at) {
        public StartWork {
            requireActor(actor, at);
        }
    }

    public record WaitForCustomer(@TargetAggregateIdentifier UUID ticketId, String reason, String actor, Instant at) {
        public WaitForCustomer {
            requireActor(actor, at);
        }
    }

    public record ResumeWork(@TargetAggregateIdentifier UUID ticketId, String actor, Instant at) {
        public ResumeWork {
            requireActor(actor, at);
        }
    }

    public record ResolveTicket(@TargetAggregateIdentifier UUID ticketId, String resolution, String actor, Instant at) {
        public ResolveTicket {
            Objects.requireNonNull(resolution, "resolution is required");
            requireActor(actor, at);
        }
    }

    public record ReopenTicket(@TargetAggregateIdentifier UUID ticketId, String reason, String actor, Instant at) {
        public ReopenTicket {
            Objects.requireNonNull(reason, "reason is required");
            requireActor(actor, at);
        }
    }

    public record CloseTicket(@TargetAggregateIdentifier UUID ticketId, String actor, Instant at) {
        public CloseTicket {
            requireActor(actor, at);
        }
    }

    public record EscalateTicket(@TargetAggregateIdentifier UUID ticketId, String reason, String actor, Instant at) {
        public EscalateTicket {
            Objects.requireNonNull(reason, "reason is required");
            requireActor(actor, at);
        }
    }

    /** @param customerScope for a customer's person, their customer: another customer's ticket is not found (R-A3) */
    public record AddComment(@TargetAggregateIdentifier UUID ticketId, UUID commentId, Visibility visibility, String text,
                             String actor, Instant at, UUID customerScope) {
        public AddComment {
            Objects.requireNonNull(commentId, "commentId is required");
            Objects.requireNonNull(visibility, "visibility is required");
            Objects.requireNonNull(text, "text is required");
            requireActor(actor, at);
        }

        public AddComment(UUID ticketId, UUID commentId, Visibility visibility, String text, String actor, Instant at) {
            this(ticketId, commentId, visibility, text, actor, at, null);
        }
    }

    public record LogTime(@TargetAggregateIdentifier UUID ticketId, UUID entryId, TimeEntryDetails entry,
                          String actor, Instant at) {
        public LogTime {
            Objects.requireNonNull(entryId, "entryId is required");
            Objects.requireNonNull(entry, "entry is required");
            requireActor(actor, at);
        }
    }

    /** @param ownEntryOnly the actor may change only an entry of their own (a TECHNICIAN, R-A2) */
    public record CorrectTimeEntry(@TargetAggregateIdentifier UUID ticketId, UUID entryId, TimeEntryDetails entry,
                                   String reason, String actor, Instant at, boolean ownEntryOnly) {
        public CorrectTimeEntry {
            Objects.requireNonNull(entryId, "entryId is required");
            Objects.requireNonNull(entry, "entry is required");
            Objects.requireNonNull(reason, "reason is required");
            requireActor(actor, at);
        }

        public CorrectTimeEntry(UUID ticketId, UUID entryId, TimeEntryDetails entry, String reason, String actor,
                                Instant at) {
            this(ticketId, entryId, entry, reason, actor, at, false);
        }
    }

    /** @param ownEntryOnly the actor may void only an entry of their own (a TECHNICIAN, R-A2) */
    public record VoidTimeEntry(@TargetAggregateIdentifier UUID ticketId, UUID entryId, String reason,
                                String actor, Instant at, boolean ownEntryOnly) {
        public VoidTimeEntry {
            Objects.requireNonNull(entryId, "entryId is required");
            Objects.requireNonNull(reason, "reason is required");
            requireActor(actor, at);
        }

        public VoidTimeEntry(UUID ticketId, UUID entryId, String reason, String actor, Instant at) {
            this(ticketId, entryId, reason, actor, at, false);
        }
    }

    private static void requireActor(String actor, Instant at) {
        Objects.requireNonNull(actor, "actor is required");
        Objects.requireNonNull(at, "at is required");
    }
}
