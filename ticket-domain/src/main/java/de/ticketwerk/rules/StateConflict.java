package de.ticketwerk.rules;

/** The request contradicts the current state of an aggregate (a forbidden transition, a duplicate). */
public class StateConflict extends RuleViolation {

    public StateConflict(String rule, String message) {
        super(rule, message);
    }
}
