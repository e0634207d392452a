package de.ticketwerk.rules;

/** The actor's roles do not allow this on this object (R-A2), although they allow the operation as such. */
public class Forbidden extends RuleViolation {

    public Forbidden(String rule, String message) {
        super(rule, message);
    }
}
