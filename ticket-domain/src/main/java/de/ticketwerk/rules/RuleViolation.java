package de.ticketwerk.rules;

/** A business rule of DOMAIN.md said no. {@code rule} is the rule id, e.g. "R-E4". */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
