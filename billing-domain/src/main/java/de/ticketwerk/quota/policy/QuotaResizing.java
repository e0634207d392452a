package de.ticketwerk.quota.policy;

import de.ticketwerk.quota.policy.QuotaLedger.Credit;
import de.ticketwerk.terms.QuotaTerms;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R-Q6: a quota should be re-sized when three settlement periods in a row ended with overage, or when a reset
 * forfeited more than 30 % of the credits it drew on.
 */
public final class QuotaResizing {

    static final int PERIODS_IN_A_ROW = 3;
    static final int FORFEIT_PERCENT = 30;

    private QuotaResizing() {
    }

    /**
     * The period ends, up to {@code closedThrough}, that show a quota to re-size, each with why: first those of
     * overage, then those of forfeits, each in date order. {@code overage}: the overage minutes settled per period
     * end; {@code forfeited}: the minutes forfeited per reset.
     */
    public static Map<LocalDate, String> recommendations(QuotaTerms terms, LocalDate start, LocalDate closedThrough,
                                                         Map<LocalDate, Long> overage, Map<LocalDate, Long> forfeited,
                                                         List<Credit> credits) {
        Map<LocalDate, String> recommended = new LinkedHashMap<>();
        int overageInARow = 0;
        for (LocalDate end : QuotaLedger.settlementDays(terms, start, closedThrough)) {
            overageInARow = overage.getOrDefault(end, 0L) > 0 ? overageInARow + 1 : 0;
            if (overageInARow >= PERIODS_IN_A_ROW) {
                recommended.putIfAbsent(end, "overage in " + overageInARow + " settlement periods in a row");
            }
        }
        forfeited.forEach((date, minutes) -> {
            long drawnOn = QuotaLedger.creditsExpiringOn(terms, start, credits, date);
            if (drawnOn > 0 && minutes * 100 > drawnOn * FORFEIT_PERCENT) {
                recommended.putIfAbsent(date, minutes + " of " + drawnOn
                        + " credited minutes forfeited (more than 30 %)");
            }
        });
        return recommended;
    }
}
