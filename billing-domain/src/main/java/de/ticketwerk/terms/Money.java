package de.ticketwerk.terms;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is net euros, half-up to the cent per line. */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private Money() {
    }

    /** R-H3, R-Q4: what {@code minutes} (or minute-equivalents) cost at {@code hourlyRate}: rate × minutes / 60. */
    public static BigDecimal forMinutes(BigDecimal hourlyRate, BigDecimal minutes) {
        return hourlyRate.multiply(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal forMinutes(BigDecimal hourlyRate, long minutes) {
        return forMinutes(hourlyRate, BigDecimal.valueOf(minutes));
    }
}
