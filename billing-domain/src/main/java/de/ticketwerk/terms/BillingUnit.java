package de.ticketwerk.terms;

import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.WorkMode;

import java.util.Objects;

/** R-B1: the first unit is always billed, then whole steps. First unit 0 and step 1 bill minute-exactly. */
public record BillingUnit(Role role, WorkMode mode, int firstUnit, int step) {

    public BillingUnit {
        Objects.requireNonNull(role, "role is required");
        Objects.requireNonNull(mode, "mode is required");
        if (firstUnit < 0) {
            throw new RuleViolation("R-B1", "the first unit of " + role + " " + mode + " must not be negative");
        }
        if (step < 1) {
            throw new RuleViolation("R-B1", "the step of " + role + " " + mode + " must be at least 1 minute");
        }
    }

    public long billedMinutes(long rawMinutes) {
        if (rawMinutes <= 0) {
            return 0;
        }
        if (rawMinutes <= firstUnit) {
            return firstUnit;
        }
        long beyondFirst = rawMinutes - firstUnit;
        long steps = (beyondFirst + step - 1) / step;
        return firstUnit + steps * step;
    }
}
