package de.ticketwerk.pricing.api;

import java.math.BigDecimal;

/**
 * One surcharge band of an entry (R-H2…R-H4): the actual minutes in the band, the percentage, the minute-equivalents
 * (minutes × percent / 100) and, when the entry is charged in money, the amount (rate × minute-equivalents / 60,
 * half-up to the cent).
 */
public record SurchargeBand(Band band, long minutes, BigDecimal percent, BigDecimal minuteEquivalents,
                            BigDecimal amount) {

    public enum Band {
        WEEKDAY_AFTER_HOURS_FIRST, WEEKDAY_AFTER_HOURS_FURTHER, WEEKEND_OR_HOLIDAY, EMERGENCY
    }
}
