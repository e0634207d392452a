package de.ticketwerk.ticket.domain;

import de.ticketwerk.rules.CustomerNotRegistered;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.rules.StateConflict;
import de.ticketwerk.ticket.api.Channel;
import de.ticketwerk.ticket.api.Priority;
import de.ticketwerk.ticket.api.ResponsePromise;
import de.ticketwerk.ticket.api.Role;
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
import de.ticketwerk.ticket.api.WorkMode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TicketTest {

    private static final UUID TICKET = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID ENTRY = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final Instant NOW = Instant.parse("2026-03-03T18:00:00Z");
    private static final String ACTOR = "anna";

    private static final String NUMBER = "T2026-000007";

    private AggregateTestFixture<Ticket> fixture;
    /** The tickets that took a number, in order. */
    private final List<UUID> numbered = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource((RegisteredCustomers) CUSTOMER::equals);
        fixture.registerInjectableResource((TicketNumbers) (ticketId, at) -> {
            numbered.add(ticketId);
            return NUMBER;
        });
        fixture.registerInjectableResource((ResponsePromises) (customerId, at) ->
                Optional.ofNullable(promised.get(customerId)));
    }

    /** What the customers' contracts promise (R-S2); nothing unless a test says so. */
    private final Map<UUID, ResponsePromise> promised = new HashMap<>();

    private static TicketOpened opened() {
        return new TicketOpened(TICKET, NUMBER, CUSTOMER, Channel.PHONE, TicketKind.INCIDENT,
                ServiceItem.REMOTE_SUPPORT, Priority.HIGH, "Printer down", "The office printer prints nothing",
                "Frau Berger", ACTOR, NOW, null);
    }

    private static final UUID CONTRACT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    /** R-S2: COMFORT, 6 service hours from Tuesday 19:00 in Berlin: Wednesday 15:00 (14:00 UTC). */
    private static final ResponsePromise PROMISE = new ResponsePromise(CONTRACT, 6,
            Instant.parse("2026-03-04T14:00:00Z"));

    private static TicketOpened openedWithPromise() {
        return new TicketOpened(TICKET, NUMBER, CUSTOMER, Channel.PHONE, TicketKind.INCIDENT,
                ServiceItem.REMOTE_SUPPORT, Priority.HIGH, "Printer down", "The office printer prints nothing",
                "Frau Berger", ACTOR, NOW, PROMISE);
    }

    private static TicketAssigned assigned() {
        return new TicketAssigned(TICKET, "jonas", TicketStatus.ASSIGNED, ACTOR, NOW);
    }

    private static WorkStarted started() {
        return new WorkStarted(TICKET, "jonas", NOW);
    }

    private static TicketResolved resolved() {
        return new TicketResolved(TICKET, "Driver reinstalled", "jonas", NOW);
    }

    private static TicketClosed closed() {
        return new TicketClosed(TICKET, ACTOR, NOW);
    }

    private static TimeEntryDetails work(String start, String end) {
        return new TimeEntryDetails(Instant.parse(start), Instant.parse(end), Role.TECHNICIAN, WorkMode.REMOTE,
                "Reinstalled the driver", true, null, false, "jonas");
    }

    private static TimeLogged logged(TimeEntryDetails entry) {
        return new TimeLogged(TICKET, ENTRY, CUSTOMER, TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT, Priority.HIGH,
                entry, entry.minutes(), "jonas", NOW);
    }

    @Test
    void openingATicketRecordsEveryDetailWithWhoAndWhen() {
        fixture.givenNoPriorActivity()
                .when(new OpenTicket(TICKET, CUSTOMER, Channel.PHONE, TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT,
                        Priority.HIGH, "Printer down", "The office printer prints nothing", "Frau Berger", ACTOR, NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened());
        assertThat(numbered).containsExactly(TICKET);
    }

    @Test
    void aTicketForAnUnregisteredCustomerIsRejected() {
        UUID stranger = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
        fixture.givenNoPriorActivity()
                .when(new OpenTicket(TICKET, stranger, Channel.PHONE, TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT,
                        Priority.HIGH, "Printer down", null, "Frau Berger", ACTOR, NOW))
                .expectException(CustomerNotRegistered.class)
                .expectExceptionMessage("customer " + stranger + " is not registered")
                .expectNoEvents();
        assertThat(numbered).as("a refused ticket takes no number").isEmpty();
    }

    @Test
    void theWholeLifecycleRunsFromNewToClosed() {
        fixture.given(opened())
                .when(new AssignTicket(TICKET, "jonas", ACTOR, NOW))
                .expectEvents(assigned());
        fixture.given(opened(), assigned())
                .when(new StartWork(TICKET, "jonas", NOW))
                .expectEvents(started());
        fixture.given(opened(), assigned(), started())
                .when(new WaitForCustomer(TICKET, "Needs the admin password", "jonas", NOW))
                .expectEvents(new CustomerInputRequested(TICKET, "Needs the admin password", "jonas", NOW));
        fixture.given(opened(), assigned(), started(), new CustomerInputRequested(TICKET, "pw", "jonas", NOW))
                .when(new ResumeWork(TICKET, "jonas", NOW))
                .expectEvents(new WorkResumed(TICKET, "jonas", NOW));
        fixture.given(opened(), assigned(), started())
                .when(new ResolveTicket(TICKET, "Driver reinstalled", "jonas", NOW))
                .expectEvents(resolved());
        fixture.given(opened(), assigned(), started(), resolved())
                .when(new CloseTicket(TICKET, ACTOR, NOW))
                .expectEvents(closed());
    }

    @Test
    void aResolvedTicketCanBeReopenedAndIsInProgressAgain() {
        fixture.given(opened(), assigned(), started(), resolved())
                .when(new ReopenTicket(TICKET, "Printer fails again", "Frau Berger", NOW))
                .expectEvents(new TicketReopened(TICKET, "Printer fails again", "Frau Berger", NOW));
        fixture.given(opened(), assigned(), started(), resolved(),
                        new TicketReopened(TICKET, "again", "Frau Berger", NOW))
                .when(new WaitForCustomer(TICKET, null, "jonas", NOW))
                .expectEvents(new CustomerInputRequested(TICKET, null, "jonas", NOW));
    }

    @Test
    void reassigningKeepsTheStatus() {
        fixture.given(opened(), assigned(), started())
                .when(new AssignTicket(TICKET, "mia", ACTOR, NOW))
                .expectEvents(new TicketAssigned(TICKET, "mia", TicketStatus.IN_PROGRESS, ACTOR, NOW));
    }

    @Test
    void startingWorkOnAnUnassignedTicketIsAConflict() {
        fixture.given(opened())
                .when(new StartWork(TICKET, "jonas", NOW))
                .expectException(StateConflict.class)
                .expectExceptionMessage("a ticket that is NEW cannot start work (allowed from [ASSIGNED])");
    }

    @Test
    void aClosedTicketIsFinal() {
        fixture.given(opened(), assigned(), started(), resolved(), closed())
                .when(new ReopenTicket(TICKET, "again", ACTOR, NOW))
                .expectException(StateConflict.class)
                .expectNoEvents();
        fixture.given(opened(), assigned(), started(), resolved(), closed())
                .when(new AddComment(TICKET, UUID.randomUUID(), Visibility.PUBLIC, "hello?", ACTOR, NOW))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void closingNeedsAResolvedTicket() {
        fixture.given(opened(), assigned(), started())
                .when(new CloseTicket(TICKET, ACTOR, NOW))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void escalationCountsItsLevelAndIsRefusedOnceResolved() {
        fixture.given(opened(), new TicketEscalated(TICKET, 1, "VIP customer", ACTOR, NOW))
                .when(new EscalateTicket(TICKET, "Still down after 2 h", ACTOR, NOW))
                .expectEvents(new TicketEscalated(TICKET, 2, "Still down after 2 h", ACTOR, NOW));
        fixture.given(opened(), assigned(), started(), resolved())
                .when(new EscalateTicket(TICKET, "late", ACTOR, NOW))
                .expectException(StateConflict.class);
    }

    @Test
    void classificationAndPriorityChangesAreRecordedOnlyWhenSomethingChanges() {
        fixture.given(opened())
                .when(new ClassifyTicket(TICKET, TicketKind.SERVICE_REQUEST, ServiceItem.USER_ADMIN, ACTOR, NOW))
                .expectEvents(new TicketClassified(TICKET, TicketKind.SERVICE_REQUEST, ServiceItem.USER_ADMIN, ACTOR, NOW));
        fixture.given(opened())
                .when(new ChangePriority(TICKET, Priority.EMERGENCY, ACTOR, NOW))
                .expectEvents(new TicketReprioritized(TICKET, Priority.HIGH, Priority.EMERGENCY, ACTOR, NOW));
        fixture.given(opened())
                .when(new ChangePriority(TICKET, Priority.HIGH, ACTOR, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void commentsAreCustomerVisibleOrInternal() {
        UUID comment = UUID.randomUUID();
        fixture.given(opened())
                .when(new AddComment(TICKET, comment, Visibility.INTERNAL, "Customer is on the old driver", "jonas", NOW))
                .expectEvents(new CommentAdded(TICKET, comment, Visibility.INTERNAL, "Customer is on the old driver",
                        "jonas", NOW));
    }

    @Test
    void loggedTimeCarriesTheTicketContextAndTheElapsedMinutes() {
        TimeEntryDetails entry = work("2026-03-03T15:00:00Z", "2026-03-03T17:10:00Z");
        fixture.given(opened(), assigned(), started())
                .when(new LogTime(TICKET, ENTRY, entry, "jonas", NOW))
                .expectEvents(new TimeLogged(TICKET, ENTRY, CUSTOMER, TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT,
                        Priority.HIGH, entry, 130, "jonas", NOW));
    }

    @Test
    void timeCanBeLoggedBeforeTheTicketIsAssigned() {
        TimeEntryDetails entry = work("2026-03-03T15:00:00Z", "2026-03-03T15:07:00Z");
        fixture.given(opened())
                .when(new LogTime(TICKET, ENTRY, entry, "jonas", NOW))
                .expectEvents(logged(entry));
    }

    @Test
    void timeOnAClosedTicketIsRejected() {
        fixture.given(opened(), assigned(), started(), resolved(), closed())
                .when(new LogTime(TICKET, ENTRY, work("2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z"), "jonas", NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the ticket is CLOSED: no time can be logged, corrected or voided on it")
                .expectNoEvents();
    }

    @Test
    void timeStartingInTheFutureIsRejected() {
        fixture.given(opened())
                .when(new LogTime(TICKET, ENTRY, work("2026-03-03T18:01:00Z", "2026-03-03T19:00:00Z"), "jonas", NOW))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anEntryIdIsLoggedOnlyOnce() {
        TimeEntryDetails entry = work("2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z");
        fixture.given(opened(), logged(entry))
                .when(new LogTime(TICKET, ENTRY, entry, "jonas", NOW))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionRecordsTheCompleteNewEntryAndItsReason() {
        TimeEntryDetails original = work("2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z");
        TimeEntryDetails corrected = work("2026-03-03T15:00:00Z", "2026-03-03T15:45:00Z");
        fixture.given(opened(), logged(original))
                .when(new CorrectTimeEntry(TICKET, ENTRY, corrected, "Typo in the end time", ACTOR, NOW))
                .expectEvents(new TimeEntryCorrected(TICKET, ENTRY, CUSTOMER, TicketKind.INCIDENT,
                        ServiceItem.REMOTE_SUPPORT, Priority.HIGH, corrected, 45, "Typo in the end time", ACTOR, NOW));
    }

    @Test
    void aVoidNamesTheEntryAndTheReasonAndIsFinal() {
        TimeEntryDetails entry = work("2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z");
        TimeEntryVoided voided = new TimeEntryVoided(TICKET, ENTRY, CUSTOMER, "Logged on the wrong ticket", ACTOR, NOW);
        fixture.given(opened(), logged(entry))
                .when(new VoidTimeEntry(TICKET, ENTRY, "Logged on the wrong ticket", ACTOR, NOW))
                .expectEvents(voided);
        fixture.given(opened(), logged(entry), voided)
                .when(new CorrectTimeEntry(TICKET, ENTRY, entry, "undo", ACTOR, NOW))
                .expectException(StateConflict.class)
                .expectNoEvents();
        fixture.given(opened(), logged(entry), voided)
                .when(new VoidTimeEntry(TICKET, ENTRY, "again", ACTOR, NOW))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void correctingAnUnknownEntryIsNotFound() {
        fixture.given(opened())
                .when(new VoidTimeEntry(TICKET, ENTRY, "?", ACTOR, NOW))
                .expectException(TimeEntryNotFound.class)
                .expectNoEvents();
    }

    @Test
    void aTicketOpensWithItsCustomersPromiseAndItsDeadlineIsScheduled() {
        promised.put(CUSTOMER, PROMISE);
        fixture.givenNoPriorActivity()
                .when(new OpenTicket(TICKET, CUSTOMER, Channel.PHONE, TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT,
                        Priority.HIGH, "Printer down", "The office printer prints nothing", "Frau Berger", ACTOR, NOW))
                .expectEvents(openedWithPromise())
                .expectScheduledDeadlineWithName(PROMISE.respondBy(), Ticket.RESPONSE_DEADLINE);
    }

    @Test
    void withoutAPromiseNoDeadlineIsScheduled() {
        fixture.givenNoPriorActivity()
                .when(new OpenTicket(TICKET, CUSTOMER, Channel.PHONE, TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT,
                        Priority.HIGH, "Printer down", "The office printer prints nothing", "Frau Berger", ACTOR, NOW))
                .expectEvents(opened())
                .expectNoScheduledDeadlines();
        fixture.given(opened(), assigned())
                .when(new StartWork(TICKET, "jonas", NOW))
                .expectEvents(started());
    }

    @Test
    void theStartOfWorkByTheDeadlineMeetsIt() {
        Instant justInTime = PROMISE.respondBy();
        fixture.given(openedWithPromise(), assigned())
                .when(new StartWork(TICKET, "jonas", justInTime))
                .expectEvents(new WorkStarted(TICKET, "jonas", justInTime),
                        new ResponseDeadlineMet(TICKET, PROMISE.respondBy(), "jonas", justInTime));
    }

    @Test
    void aPublicCommentByStaffIsAResponseButNotACustomersOrAnInternalOne() {
        UUID comment = UUID.randomUUID();
        fixture.given(openedWithPromise())
                .when(new AddComment(TICKET, comment, Visibility.PUBLIC, "We are on it", "jonas", NOW, null))
                .expectEvents(new CommentAdded(TICKET, comment, Visibility.PUBLIC, "We are on it", "jonas", NOW),
                        new ResponseDeadlineMet(TICKET, PROMISE.respondBy(), "jonas", NOW));
        fixture.given(openedWithPromise())
                .when(new AddComment(TICKET, comment, Visibility.PUBLIC, "Any news?", "frau.berger", NOW, CUSTOMER))
                .expectEvents(new CommentAdded(TICKET, comment, Visibility.PUBLIC, "Any news?", "frau.berger", NOW));
        fixture.given(openedWithPromise())
                .when(new AddComment(TICKET, comment, Visibility.INTERNAL, "Call back", "jonas", NOW, null))
                .expectEvents(new CommentAdded(TICKET, comment, Visibility.INTERNAL, "Call back", "jonas", NOW));
    }

    @Test
    void onlyTheFirstResponseCounts() {
        ResponseDeadlineMet met = new ResponseDeadlineMet(TICKET, PROMISE.respondBy(), "jonas", NOW);
        UUID comment = UUID.randomUUID();
        fixture.given(openedWithPromise(), assigned(), started(), met)
                .when(new AddComment(TICKET, comment, Visibility.PUBLIC, "Done soon", "jonas", NOW, null))
                .expectEvents(new CommentAdded(TICKET, comment, Visibility.PUBLIC, "Done soon", "jonas", NOW));
    }

    @Test
    void aResponseAfterTheDeadlineRecordsTheBreachAtTheDeadline() {
        Instant late = PROMISE.respondBy().plusSeconds(60);
        fixture.given(openedWithPromise(), assigned())
                .when(new StartWork(TICKET, "jonas", late))
                .expectEvents(new WorkStarted(TICKET, "jonas", late),
                        new ResponseDeadlineBreached(TICKET, PROMISE.respondBy(), Ticket.DEADLINE_ACTOR,
                                PROMISE.respondBy()));
    }

    @Test
    void theDeadlinePassingWithoutAResponseIsABreachOnce() {
        ResponseDeadlineBreached breached = new ResponseDeadlineBreached(TICKET, PROMISE.respondBy(),
                Ticket.DEADLINE_ACTOR, PROMISE.respondBy());
        promised.put(CUSTOMER, PROMISE);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new OpenTicket(TICKET, CUSTOMER, Channel.PHONE, TicketKind.INCIDENT,
                        ServiceItem.REMOTE_SUPPORT, Priority.HIGH, "Printer down", "The office printer prints nothing",
                        "Frau Berger", ACTOR, NOW))
                .whenTimeAdvancesTo(PROMISE.respondBy())
                .expectTriggeredDeadlinesWithName(Ticket.RESPONSE_DEADLINE)
                .expectEvents(breached);
    }

    @Test
    void theDeadlineFiringAfterTheResponseChangesNothing() {
        promised.put(CUSTOMER, PROMISE);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new OpenTicket(TICKET, CUSTOMER, Channel.PHONE, TicketKind.INCIDENT,
                                ServiceItem.REMOTE_SUPPORT, Priority.HIGH, "Printer down", null, "Frau Berger", ACTOR,
                                NOW),
                        new AssignTicket(TICKET, "jonas", ACTOR, NOW), new StartWork(TICKET, "jonas", NOW))
                .whenTimeAdvancesTo(PROMISE.respondBy().plusSeconds(3600))
                .expectTriggeredDeadlinesWithName(Ticket.RESPONSE_DEADLINE)
                .expectNoEvents();
    }
}
