package de.ticketwerk.ticket.domain;

import de.ticketwerk.rules.CustomerNotRegistered;
import de.ticketwerk.rules.Forbidden;
import de.ticketwerk.rules.Revision;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.rules.StateConflict;
import de.ticketwerk.ticket.api.Priority;
import de.ticketwerk.ticket.api.ResponsePromise;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketCommands.AddComment;
import de.ticketwerk.ticket.api.TicketCommands.AssignTicket;
import de.ticketwerk.ticket.api.TicketCommands.ChangePriority;
import de.ticketwerk.ticket.api.TicketCommands.ClassifyTicket;
import de.ticketwerk.ticket.api.TicketCommands.CloseTicket;
import de.ticketwerk.ticket.api.TicketCommands.CorrectTimeEntry;
import de.ticketwerk.ticket.api.TicketCommands.EscalateTicket;
import de.ticketwerk.ticket.api.TicketCommands.LogTime;
import de.ticketwerk.ticket.api.TicketCommands.OpenTicket;
import de.ticketwerk.ticket.api.TicketCommands.ReopenTicket;
import de.ticketwerk.ticket.api.TicketCommands.ResolveTicket;
import de.ticketwerk.ticket.api.TicketCommands.ResumeWork;
import de.ticketwerk.ticket.api.TicketCommands.StartWork;
import de.ticketwerk.ticket.api.TicketCommands.VoidTimeEntry;
import de.ticketwerk.ticket.api.TicketCommands.WaitForCustomer;
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
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.TicketStatus;
import de.ticketwerk.ticket.api.TimeEntryDetails;
import de.ticketwerk.ticket.api.TimeEntryNotFound;
import de.ticketwerk.ticket.api.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

public class Ticket {

    static final String RESPONSE_DEADLINE = "response-deadline";
    /** Who breaches a deadline that passed without a response: the schedule, not a person. */
    public static final String DEADLINE_ACTOR = "response-deadline";

    @AggregateIdentifier
    private UUID ticketId;
    private UUID customerId;
    private TicketKind kind;
    private ServiceItem serviceItem;
    private Priority priority;
    private TicketStatus status;
    private int escalationLevel;
    private Set<UUID> commentIds = new HashSet<>();
    private Map<UUID, Boolean> timeEntryIsVoided = new HashMap<>();
    /** Whose work each entry records; empty for entries known only from a snapshot taken before it was kept. */
    private Map<UUID, String> technicianOfEntry = new HashMap<>();
    /** R-S2: when the first response is due; null where nothing was promised. */
    private Instant respondBy;
    private boolean responseSettled;

    protected Ticket() {
    }

    /** Every event of a ticket changes what its readers see, so its revision is the number of its events. */
    @CommandHandlerInterceptor
    void sentForCurrentRevision(@MetaDataValue(Revision.EXPECTED) Long expected) {
        Revision.expect(expected, AggregateLifecycle.getVersion() + 1);
    }

    @CommandHandler
    public Ticket(OpenTicket cmd, RegisteredCustomers customers, TicketNumbers numbers, ResponsePromises promises,
                  DeadlineManager deadlines) {
        if (!customers.isRegistered(cmd.customerId())) {
            throw new CustomerNotRegistered(cmd.customerId());
        }
        ResponsePromise promise = promises.promise(cmd.customerId(), cmd.at()).orElse(null);
        apply(new TicketOpened(cmd.ticketId(), numbers.take(cmd.ticketId(), cmd.at()), cmd.customerId(),
                cmd.channel(), cmd.kind(), cmd.serviceItem(), cmd.priority(), cmd.title(), cmd.description(),
                cmd.reporter(), cmd.actor(), cmd.at(), promise));
        if (promise != null) {
            deadlines.schedule(promise.respondBy(), RESPONSE_DEADLINE);
        }
    }

    /**
     * R-S2: the schedule fires at the deadline. It may fire again after a crash, or after the response: then the
     * deadline is settled already and nothing happens.
     */
    @DeadlineHandler(deadlineName = RESPONSE_DEADLINE)
    void responseDue() {
        if (respondBy != null && !responseSettled) {
            apply(new ResponseDeadlineBreached(ticketId, respondBy, DEADLINE_ACTOR, respondBy));
        }
    }

    /** R-S2: the first response settles the deadline: met when by it, else breached (the schedule may be late). */
    private void responded(String actor, Instant at) {
        if (respondBy == null || responseSettled) {
            return;
        }
        if (at.isAfter(respondBy)) {
            apply(new ResponseDeadlineBreached(ticketId, respondBy, DEADLINE_ACTOR, respondBy));
        } else {
            apply(new ResponseDeadlineMet(ticketId, respondBy, actor, at));
        }
    }

    @CommandHandler
    public void handle(ClassifyTicket cmd) {
        Lifecycle.CHANGE_DETAILS.from(status);
        if (cmd.kind() != kind || cmd.serviceItem() != serviceItem) {
            apply(new TicketClassified(ticketId, cmd.kind(), cmd.serviceItem(), cmd.actor(), cmd.at()));
        }
    }

    @CommandHandler
    public void handle(ChangePriority cmd) {
        Lifecycle.CHANGE_DETAILS.from(status);
        if (cmd.priority() != priority) {
            apply(new TicketReprioritized(ticketId, priority, cmd.priority(), cmd.actor(), cmd.at()));
        }
    }

    @CommandHandler
    public void handle(AssignTicket cmd) {
        TicketStatus next = Lifecycle.ASSIGN.from(status);
        apply(new TicketAssigned(ticketId, cmd.assignee(), next, cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(StartWork cmd) {
        Lifecycle.START_WORK.from(status);
        apply(new WorkStarted(ticketId, cmd.actor(), cmd.at()));
        responded(cmd.actor(), cmd.at());
    }

    @CommandHandler
    public void handle(WaitForCustomer cmd) {
        Lifecycle.WAIT_FOR_CUSTOMER.from(status);
        apply(new CustomerInputRequested(ticketId, cmd.reason(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(ResumeWork cmd) {
        Lifecycle.RESUME_WORK.from(status);
        apply(new WorkResumed(ticketId, cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(ResolveTicket cmd) {
        Lifecycle.RESOLVE.from(status);
        apply(new TicketResolved(ticketId, cmd.resolution(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(ReopenTicket cmd) {
        Lifecycle.REOPEN.from(status);
        apply(new TicketReopened(ticketId, cmd.reason(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(CloseTicket cmd) {
        Lifecycle.CLOSE.from(status);
        apply(new TicketClosed(ticketId, cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(EscalateTicket cmd) {
        Lifecycle.ESCALATE.from(status);
        apply(new TicketEscalated(ticketId, escalationLevel + 1, cmd.reason(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(AddComment cmd) {
        if (cmd.customerScope() != null && !cmd.customerScope().equals(customerId)) {
            throw new AggregateNotFoundException(ticketId.toString(), "no ticket " + ticketId + " of this customer");
        }
        if (status == TicketStatus.CLOSED) {
            throw new StateConflict("R-T4", "a CLOSED ticket is final and takes no more comments");
        }
        if (commentIds.contains(cmd.commentId())) {
            throw new StateConflict("R-T5", "comment " + cmd.commentId() + " already exists");
        }
        apply(new CommentAdded(ticketId, cmd.commentId(), cmd.visibility(), cmd.text(), cmd.actor(), cmd.at()));
        if (cmd.visibility() == Visibility.PUBLIC && cmd.customerScope() == null) {
            responded(cmd.actor(), cmd.at());
        }
    }

    @CommandHandler
    public void handle(LogTime cmd) {
        requireOpenForTime();
        requireStartNotInFuture(cmd.entry(), cmd.at());
        if (timeEntryIsVoided.containsKey(cmd.entryId())) {
            throw new StateConflict("R-E3", "time entry " + cmd.entryId() + " already exists");
        }
        TimeEntryDetails entry = cmd.entry();
        apply(new TimeLogged(ticketId, cmd.entryId(), customerId, kind, serviceItem, priority, entry, entry.minutes(),
                cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(CorrectTimeEntry cmd) {
        requireOpenForTime();
        requireActiveEntry(cmd.entryId());
        requireOwnEntry(cmd.entryId(), cmd.ownEntryOnly(), cmd.actor());
        requireStartNotInFuture(cmd.entry(), cmd.at());
        TimeEntryDetails entry = cmd.entry();
        apply(new TimeEntryCorrected(ticketId, cmd.entryId(), customerId, kind, serviceItem, priority, entry,
                entry.minutes(), cmd.reason(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(VoidTimeEntry cmd) {
        requireOpenForTime();
        requireActiveEntry(cmd.entryId());
        requireOwnEntry(cmd.entryId(), cmd.ownEntryOnly(), cmd.actor());
        apply(new TimeEntryVoided(ticketId, cmd.entryId(), customerId, cmd.reason(), cmd.actor(), cmd.at()));
    }

    /** R-A2: a TECHNICIAN corrects or voids only their own entries, a DISPATCHER any. */
    private void requireOwnEntry(UUID entryId, boolean ownEntryOnly, String actor) {
        if (ownEntryOnly && !actor.equals(technicianOfEntry.get(entryId))) {
            throw new Forbidden("R-A2", "entry " + entryId + " records the work of another technician; only a "
                    + "DISPATCHER corrects or voids it");
        }
    }

    private void requireOpenForTime() {
        if (status == TicketStatus.CLOSED) {
            throw new RuleViolation("R-E4", "the ticket is CLOSED: no time can be logged, corrected or voided on it");
        }
    }

    private static void requireStartNotInFuture(TimeEntryDetails entry, Instant now) {
        if (entry.start().isAfter(now)) {
            throw new RuleViolation("R-E4", "the start " + entry.start() + " is in the future");
        }
    }

    private void requireActiveEntry(UUID entryId) {
        Boolean voided = timeEntryIsVoided.get(entryId);
        if (voided == null) {
            throw new TimeEntryNotFound(ticketId, entryId);
        }
        if (voided) {
            throw new StateConflict("R-E3", "time entry " + entryId + " is voided; a voided entry stays voided");
        }
    }

    @EventSourcingHandler
    void on(TicketOpened event) {
        ticketId = event.ticketId();
        customerId = event.customerId();
        kind = event.kind();
        serviceItem = event.serviceItem();
        priority = event.priority();
        status = TicketStatus.NEW;
        respondBy = event.promise() == null ? null : event.promise().respondBy();
    }

    @EventSourcingHandler
    void on(ResponseDeadlineMet event) {
        responseSettled = true;
    }

    @EventSourcingHandler
    void on(ResponseDeadlineBreached event) {
        responseSettled = true;
    }

    @EventSourcingHandler
    void on(TicketClassified event) {
        kind = event.kind();
        serviceItem = event.serviceItem();
    }

    @EventSourcingHandler
    void on(TicketReprioritized event) {
        priority = event.priority();
    }

    @EventSourcingHandler
    void on(TicketAssigned event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(WorkStarted event) {
        status = TicketStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(CustomerInputRequested event) {
        status = TicketStatus.WAITING_FOR_CUSTOMER;
    }

    @EventSourcingHandler
    void on(WorkResumed event) {
        status = TicketStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(TicketResolved event) {
        status = TicketStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(TicketReopened event) {
        status = TicketStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(TicketClosed event) {
        status = TicketStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(TicketEscalated event) {
        escalationLevel = event.level();
    }

    @EventSourcingHandler
    void on(CommentAdded event) {
        commentIds.add(event.commentId());
    }

    @EventSourcingHandler
    void on(TimeLogged event) {
        timeEntryIsVoided.put(event.entryId(), false);
        technicianOfEntry.put(event.entryId(), event.entry().technician());
    }

    @EventSourcingHandler
    void on(TimeEntryCorrected event) {
        technicianOfEntry.put(event.entryId(), event.entry().technician());
    }

    @EventSourcingHandler
    void on(TimeEntryVoided event) {
        timeEntryIsVoided.put(event.entryId(), true);
    }
}
