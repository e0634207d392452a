package de.ticketwerk.terms;

import de.ticketwerk.rules.RuleViolation;

import java.math.BigDecimal;

/**
 * R-H2: on a weekday, the first {@code weekdayFirstMinutes} after-hours minutes of an entry cost
 * {@code weekdayFirstPercent} more, every further after-hours minute {@code weekdayFurtherPercent}; on Saturday,
 * Sunday and public holidays every minute outside service hours costs {@code weekendHolidayPercent} more.
 */
public record SurchargeRules(int weekdayFirstMinutes, BigDecimal weekdayFirstPercent, BigDecimal weekdayFurtherPercent,
                             BigDecimal weekendHolidayPercent) {

    public static final SurchargeRules SEED_000 =
            new SurchargeRules(120, new BigDecimal("25"), new BigDecimal("50"), new BigDecimal("50"));

    public SurchargeRules {
        if (weekdayFirstMinutes < 0) {
            throw new RuleViolation("R-H2", "weekdayFirstMinutes must not be negative");
        }
        Terms.requireNonNegative("R-H2", "weekdayFirstPercent", weekdayFirstPercent);
        Terms.requireNonNegative("R-H2", "weekdayFurtherPercent", weekdayFurtherPercent);
        Terms.requireNonNegative("R-H2", "weekendHolidayPercent", weekendHolidayPercent);
    }
}
