package de.ticketwerk.app.ticket;

import de.ticketwerk.app.ticket.TicketRequests.AssigneeRequest;
import de.ticketwerk.app.ticket.TicketRequests.ClassificationRequest;
import de.ticketwerk.app.ticket.TicketRequests.CommentRequest;
import de.ticketwerk.app.ticket.TicketRequests.OpenTicketRequest;
import de.ticketwerk.app.ticket.TicketRequests.PriorityRequest;
import de.ticketwerk.app.ticket.TicketRequests.ReasonRequest;
import de.ticketwerk.app.ticket.TicketRequests.RequiredReasonRequest;
import de.ticketwerk.app.ticket.TicketRequests.ResolutionRequest;
import de.ticketwerk.app.ticket.TicketRequests.TimeEntryRequest;
import de.ticketwerk.app.tuning.RandomIds;
import de.ticketwerk.app.access.AccessRole;
import de.ticketwerk.app.access.Colleagues;
import de.ticketwerk.app.access.Actor;
import de.ticketwerk.app.web.BadRequest;
import de.ticketwerk.app.web.BusinessDate;
import de.ticketwerk.app.web.IfMatch;
import de.ticketwerk.app.web.MultiLine;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.Revised;
import de.ticketwerk.projections.audit.AsOfReads;
import de.ticketwerk.projections.ticket.TicketQueries;
import de.ticketwerk.projections.ticket.TicketViews.TicketDetail;
import de.ticketwerk.projections.ticket.TicketViews.TicketSummary;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.rules.CustomerNotRegistered;
import de.ticketwerk.rules.Forbidden;
import de.ticketwerk.ticket.api.Channel;
import de.ticketwerk.ticket.api.Priority;
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
import de.ticketwerk.ticket.api.TicketEvents.TicketOpened;
import de.ticketwerk.ticket.api.TicketStatus;
import de.ticketwerk.ticket.api.TimeEntryDetails;
import de.ticketwerk.ticket.api.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import de.ticketwerk.app.access.Allowed;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tickets and their time entries. Commands answer once their events are stored; the read side (list and
 * detail) follows within milliseconds.
 */
@RestController
@RequestMapping(path = "/api/v1/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
class TicketController {

    private final CommandGateway commands;
    private final EventStore events;
    private final TicketQueries queries;
    private final AsOfReads asOfReads;
    private final Colleagues colleagues;
    private final AtRiskTickets atRiskTickets;
    private final Clock clock;

    TicketController(CommandGateway commands, EventStore events, TicketQueries queries, AsOfReads asOfReads,
                     Colleagues colleagues, AtRiskTickets atRiskTickets, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.queries = queries;
        this.asOfReads = asOfReads;
        this.colleagues = colleagues;
        this.atRiskTickets = atRiskTickets;
        this.clock = clock;
    }

    /**
     * What opening a ticket answers: its id, its number (R-S1) and when the first response is due (R-S2, null where
     * nothing was promised), to be told on the phone right away.
     */
    record Opened(UUID ticketId, String number, Instant respondBy) {
    }

    @PostMapping
    @Allowed.TicketOpeners
    ResponseEntity<Opened> open(@Valid @RequestBody OpenTicketRequest body, Actor actor) {
        UUID ticketId = RandomIds.next();
        Priority priority = body.priority() == null ? Priority.NORMAL : body.priority();
        if (actor.customerPerson()) {
            if (body.customerId() != null && !body.customerId().equals(actor.customerId())) {
                throw new CustomerNotRegistered(body.customerId());
            }
            if (priority == Priority.EMERGENCY) {
                throw new Forbidden("R-A2", "customer people open tickets up to priority HIGH; a DISPATCHER "
                        + "decides an EMERGENCY (call the hotline)");
            }
            commands.sendAndWait(new OpenTicket(ticketId, actor.customerId(), Channel.PORTAL, body.kind(),
                    body.serviceItem(), priority, body.title(), body.description(), actor.name(), actor.name(),
                    now()));
        } else {
            commands.sendAndWait(new OpenTicket(ticketId, required(body.customerId(), "customerId"),
                    required(body.channel(), "channel"), body.kind(), body.serviceItem(), priority, body.title(),
                    body.description(), required(body.reporter(), "reporter"), actor.name(), now()));
        }
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticketId)).body(openedAnswer(ticketId));
    }

    /** From the ticket's first event, stored when the command was answered (the read model shows it moments later). */
    private Opened openedAnswer(UUID ticketId) {
        DomainEventStream stored = events.readEvents(ticketId.toString());
        if (stored.hasNext() && stored.next().getPayload() instanceof TicketOpened opened) {
            return new Opened(ticketId, opened.number(),
                    opened.promise() == null ? null : opened.promise().respondBy());
        }
        return new Opened(ticketId, null, null);
    }

    @GetMapping
    @Allowed.TicketReaders
    Page<TicketSummary> list(@RequestParam(required = false) UUID customerId,
                             @RequestParam(required = false) TicketStatus status,
                             @RequestParam(required = false) @Pattern(regexp = "T\\d{4}-\\d{6,9}") String number,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, Actor actor) {
        return queries.list(actor.scope(), customerId, status == null ? null : status.name(), number, page, size);
    }

    /** R-S2: for dispatchers, the tickets whose first response is due within {@code withinHours} service hours. */
    record AtRisk(int withinHours, List<TicketSummary> items) {
    }

    @GetMapping("/at-risk")
    @Allowed.Dispatch
    AtRisk atRisk(@RequestParam(defaultValue = "2") @Min(1) @Max(2000) int withinHours) {
        return new AtRisk(withinHours, atRiskTickets.dueWithin(withinHours));
    }

    @GetMapping("/{ticketId}")
    @Allowed.TicketReaders
    ResponseEntity<TicketDetail> detail(@PathVariable UUID ticketId,
                                        @RequestParam(required = false) @BusinessDate Instant knownAt, Actor actor) {
        if (knownAt != null) {
            return ResponseEntity.ok(asOfReads.ticket(ticketId, actor.scope(), knownAt)
                    .orElseThrow(() -> new NotFound("no ticket " + ticketId + " known at " + knownAt)));
        }
        Revised<TicketDetail> ticket = queries.detail(ticketId, actor.scope())
                .orElseThrow(() -> new NotFound("no ticket " + ticketId));
        // A customer's people get no ETag: the revision counts internal changes they must not learn of (R-A3).
        return actor.customerPerson() ? ResponseEntity.ok(ticket.view())
                : IfMatch.tagged(ticket.view(), ticket.revision());
    }

    @PutMapping("/{ticketId}/classification")
    @Allowed.Dispatch
    Map<String, UUID> classify(@PathVariable UUID ticketId, @Valid @RequestBody ClassificationRequest body,
                               Actor actor) {
        return send(ticketId, new ClassifyTicket(ticketId, body.kind(), body.serviceItem(), actor.name(), now()));
    }

    @PutMapping("/{ticketId}/priority")
    @Allowed.Dispatch
    Map<String, UUID> reprioritize(@PathVariable UUID ticketId, @Valid @RequestBody PriorityRequest body,
                                   Actor actor) {
        return send(ticketId, new ChangePriority(ticketId, body.priority(), actor.name(), now()));
    }

    @PutMapping("/{ticketId}/assignee")
    @Allowed.Dispatch
    Map<String, UUID> assign(@PathVariable UUID ticketId, @Valid @RequestBody AssigneeRequest body,
                             Actor actor) {
        return send(ticketId, new AssignTicket(ticketId, body.assignee().trim(), actor.name(), now()));
    }

    @PostMapping("/{ticketId}/start-work")
    @Allowed.TicketWork
    Map<String, UUID> startWork(@PathVariable UUID ticketId,
                                Actor actor) {
        return send(ticketId, new StartWork(ticketId, actor.name(), now()));
    }

    @PostMapping("/{ticketId}/wait-for-customer")
    @Allowed.TicketWork
    Map<String, UUID> waitForCustomer(@PathVariable UUID ticketId,
                                      @Valid @RequestBody(required = false) ReasonRequest body,
                                      Actor actor) {
        String reason = body == null ? null : body.reason();
        return send(ticketId, new WaitForCustomer(ticketId, reason, actor.name(), now()));
    }

    @PostMapping("/{ticketId}/resume-work")
    @Allowed.TicketWork
    Map<String, UUID> resumeWork(@PathVariable UUID ticketId,
                                 Actor actor) {
        return send(ticketId, new ResumeWork(ticketId, actor.name(), now()));
    }

    @PostMapping("/{ticketId}/resolve")
    @Allowed.TicketWork
    Map<String, UUID> resolve(@PathVariable UUID ticketId, @Valid @RequestBody ResolutionRequest body,
                              Actor actor) {
        return send(ticketId, new ResolveTicket(ticketId, body.resolution(), actor.name(), now()));
    }

    @PostMapping("/{ticketId}/reopen")
    @Allowed.TicketWork
    Map<String, UUID> reopen(@PathVariable UUID ticketId, @Valid @RequestBody RequiredReasonRequest body,
                             Actor actor) {
        return send(ticketId, new ReopenTicket(ticketId, body.reason(), actor.name(), now()));
    }

    @PostMapping("/{ticketId}/close")
    @Allowed.TicketWork
    Map<String, UUID> close(@PathVariable UUID ticketId,
                            Actor actor) {
        return send(ticketId, new CloseTicket(ticketId, actor.name(), now()));
    }

    @PostMapping("/{ticketId}/escalate")
    @Allowed.Dispatch
    Map<String, UUID> escalate(@PathVariable UUID ticketId, @Valid @RequestBody RequiredReasonRequest body,
                               Actor actor) {
        return send(ticketId, new EscalateTicket(ticketId, body.reason(), actor.name(), now()));
    }

    @PostMapping("/{ticketId}/comments")
    @Allowed.Commenters
    ResponseEntity<Map<String, UUID>> comment(@PathVariable UUID ticketId, @Valid @RequestBody CommentRequest body,
                                              Actor actor) {
        UUID commentId = RandomIds.next();
        if (actor.customerPerson() && body.visibility() != Visibility.PUBLIC) {
            throw new Forbidden("R-A3", "a customer's people comment publicly");
        }
        send(ticketId, new AddComment(ticketId, commentId, body.visibility(), body.text(), actor.name(), now(),
                actor.customerPerson() ? actor.customerId() : null));
        return ResponseEntity.status(201).body(Map.of("ticketId", ticketId, "commentId", commentId));
    }

    @PostMapping("/{ticketId}/time-entries")
    @Allowed.TicketWork
    ResponseEntity<Map<String, UUID>> logTime(@PathVariable UUID ticketId, @Valid @RequestBody TimeEntryRequest body,
                                              Actor actor) {
        UUID entryId = RandomIds.next();
        String who = actor.name();
        send(ticketId, new LogTime(ticketId, entryId, details(body, actor), who, now()));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticketId + "/time-entries/" + entryId))
                .body(Map.of("ticketId", ticketId, "entryId", entryId));
    }

    @PutMapping("/{ticketId}/time-entries/{entryId}")
    @Allowed.TicketWork
    Map<String, UUID> correctTime(@PathVariable UUID ticketId, @PathVariable UUID entryId,
                                  @Valid @RequestBody TimeEntryRequest body,
                                  Actor actor) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw new BadRequest("reason", "a correction needs a reason");
        }
        String who = actor.name();
        send(ticketId, new CorrectTimeEntry(ticketId, entryId, details(body, actor), body.reason(), who, now(),
                ownEntryOnly(actor)));
        return Map.of("ticketId", ticketId, "entryId", entryId);
    }

    @DeleteMapping("/{ticketId}/time-entries/{entryId}")
    @Allowed.TicketWork
    Map<String, UUID> voidTime(@PathVariable UUID ticketId, @PathVariable UUID entryId,
                               @RequestParam(required = false) @Size(max = 2_000) @MultiLine String reason,
                               @Valid @RequestBody(required = false) ReasonRequest body,
                               Actor actor) {
        String why = body != null && body.reason() != null ? body.reason() : reason;
        if (why == null || why.isBlank()) {
            throw new BadRequest("reason", "a void needs a reason (JSON body {\"reason\": …} or ?reason=)");
        }
        send(ticketId, new VoidTimeEntry(ticketId, entryId, why, actor.name(), now(), ownEntryOnly(actor)));
        return Map.of("ticketId", ticketId, "entryId", entryId);
    }

    /** R-A2: a TECHNICIAN changes only their own entries; a DISPATCHER any. */
    private static boolean ownEntryOnly(Actor actor) {
        return !actor.has(AccessRole.DISPATCHER);
    }

    private static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new BadRequest(field, field + " must not be " + (value == null ? "null" : "blank"));
        }
        return value;
    }

    private TimeEntryDetails details(TimeEntryRequest body, Actor actor) {
        boolean billable = body.billable() == null || body.billable();
        String technician = technician(body.technician(), actor);
        return new TimeEntryDetails(body.start(), body.end(), body.role(), body.mode(), body.description(), billable,
                body.nonBillableReason(), Boolean.TRUE.equals(body.emergency()), technician);
    }

    /**
     * R-A2: a TECHNICIAN logs time as themselves; only a DISPATCHER names a colleague, who must be a known person.
     */
    private String technician(String named, Actor actor) {
        if (named == null || named.isBlank() || named.trim().equals(actor.name())) {
            return actor.name();
        }
        if (!actor.has(AccessRole.DISPATCHER)) {
            throw new Forbidden("R-A2", "a technician logs time as themselves; only a DISPATCHER names a colleague");
        }
        if (!colleagues.isKnown(named.trim())) {
            throw new RuleViolation("R-A2", "no colleague is named " + named.trim());
        }
        return named.trim();
    }

    private Map<String, UUID> send(UUID ticketId, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new NotFound("no ticket " + ticketId);
        }
        return Map.of("ticketId", ticketId);
    }

    private Instant now() {
        return clock.instant();
    }
}
