package de.ticketwerk.ticket.domain;

import de.ticketwerk.rules.StateConflict;
import de.ticketwerk.ticket.api.TicketStatus;

import java.util.Set;

import static de.ticketwerk.ticket.api.TicketStatus.ASSIGNED;
import static de.ticketwerk.ticket.api.TicketStatus.CLOSED;
import static de.ticketwerk.ticket.api.TicketStatus.IN_PROGRESS;
import static de.ticketwerk.ticket.api.TicketStatus.NEW;
import static de.ticketwerk.ticket.api.TicketStatus.RESOLVED;
import static de.ticketwerk.ticket.api.TicketStatus.WAITING_FOR_CUSTOMER;

/** R-T4: NEW → ASSIGNED → IN_PROGRESS ⇄ WAITING_FOR_CUSTOMER → RESOLVED → CLOSED; RESOLVED can be reopened. */
enum Lifecycle {
    ASSIGN(Set.of(NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_CUSTOMER), null),
    START_WORK(Set.of(ASSIGNED), IN_PROGRESS),
    WAIT_FOR_CUSTOMER(Set.of(IN_PROGRESS), WAITING_FOR_CUSTOMER),
    RESUME_WORK(Set.of(WAITING_FOR_CUSTOMER), IN_PROGRESS),
    RESOLVE(Set.of(IN_PROGRESS, WAITING_FOR_CUSTOMER), RESOLVED),
    REOPEN(Set.of(RESOLVED), IN_PROGRESS),
    CLOSE(Set.of(RESOLVED), CLOSED),
    ESCALATE(Set.of(NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_CUSTOMER), null),
    CHANGE_DETAILS(Set.of(NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_CUSTOMER, RESOLVED), null);

    private final Set<TicketStatus> allowedFrom;
    private final TicketStatus target;

    Lifecycle(Set<TicketStatus> allowedFrom, TicketStatus target) {
        this.allowedFrom = allowedFrom;
        this.target = target;
    }

    /** The status after this step; the current one for steps that do not move the ticket. */
    TicketStatus from(TicketStatus current) {
        if (!allowedFrom.contains(current)) {
            throw new StateConflict("R-T4", "a ticket that is " + current + " cannot " + describe()
                    + " (allowed from " + allowedFrom.stream().sorted().toList() + ")");
        }
        if (this == ASSIGN && current == NEW) {
            return ASSIGNED;
        }
        return target == null ? current : target;
    }

    private String describe() {
        return name().toLowerCase().replace('_', ' ');
    }
}
