package de.ticketwerk.terms;

import de.ticketwerk.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.Objects;

/** The terms of a QUOTA contract's ledger (R-Q1…R-Q4). */
public record QuotaTerms(long allotmentMinutes, AllotmentPeriod period, ExpiryPolicy expiry,
                         SettlementPeriod settlement, BigDecimal overageRate) {

    public enum AllotmentPeriod { MONTH, CONTRACT_YEAR }

    public enum ExpiryPolicy { CARRY_OVER_UNTIL_MARCH, PERIOD_END, NEVER }

    public enum SettlementPeriod { MONTHLY, QUARTERLY, CONTRACT_YEAR }

    /** Seed 000: about 24 support hours a year for the monthly instalment, settled once a contract year. */
    public static final QuotaTerms SEED_000 = new QuotaTerms(1440, AllotmentPeriod.CONTRACT_YEAR,
            ExpiryPolicy.PERIOD_END, SettlementPeriod.CONTRACT_YEAR, new BigDecimal("90.00"));

    public QuotaTerms {
        Objects.requireNonNull(period, "quota period is required");
        Objects.requireNonNull(expiry, "quota expiry is required");
        Objects.requireNonNull(settlement, "quota settlement is required");
        if (allotmentMinutes < 0) {
            throw new RuleViolation("R-Q1", "the allotment must not be negative");
        }
        Terms.requireNonNegative("R-Q4", "overageRate", overageRate);
    }
}
