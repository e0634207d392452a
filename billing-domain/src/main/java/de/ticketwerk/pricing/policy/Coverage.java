package de.ticketwerk.pricing.policy;

import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.WorkMode;

import java.util.Optional;
import java.util.Set;

/** R-C4: what a service level covers. */
public final class Coverage {

    private Coverage() {
    }

    /** Project work and the items of seed 001 are never covered; they are charged as money under every contract. */
    public static Optional<String> neverCovered(TicketKind kind, ServiceItem item) {
        if (ServiceLevel.NEVER_COVERED.contains(item)) {
            return Optional.of(item + " is never covered by any contract");
        }
        if (kind == TicketKind.PROJECT) {
            return Optional.of("project work is never covered by any contract");
        }
        return Optional.empty();
    }

    /**
     * Empty when covered; otherwise why not. Support work (INCIDENT and SERVICE_REQUEST tickets) also needs the
     * support item of its mode: REMOTE_SUPPORT or ONSITE_SUPPORT.
     */
    public static Optional<String> whyNotCovered(Set<ServiceItem> covered, String level, TicketKind kind,
                                                 ServiceItem item, WorkMode mode) {
        Optional<String> never = neverCovered(kind, item);
        if (never.isPresent()) {
            return never;
        }
        if (!covered.contains(item)) {
            return Optional.of("not covered by " + level + ": " + item + " is not included");
        }
        ServiceItem modeItem = mode == WorkMode.ONSITE ? ServiceItem.ONSITE_SUPPORT : ServiceItem.REMOTE_SUPPORT;
        if (isSupportWork(kind) && !covered.contains(modeItem)) {
            return Optional.of("not covered by " + level + ": " + mode.name().toLowerCase()
                    + " support work needs " + modeItem);
        }
        return Optional.empty();
    }

    public static boolean isSupportWork(TicketKind kind) {
        return kind == TicketKind.INCIDENT || kind == TicketKind.SERVICE_REQUEST;
    }
}
