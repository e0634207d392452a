package de.ticketwerk.terms;

import de.ticketwerk.rules.RuleViolation;

import java.math.BigDecimal;

final class Terms {

    private Terms() {
    }

    static void requireNonNegative(String rule, String name, BigDecimal value) {
        if (value == null) {
            throw new RuleViolation(rule, name + " is required");
        }
        if (value.signum() < 0) {
            throw new RuleViolation(rule, name + " must not be negative");
        }
    }
}
