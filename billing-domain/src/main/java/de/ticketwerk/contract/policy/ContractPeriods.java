package de.ticketwerk.contract.policy;

import java.time.LocalDate;
import java.time.Month;

/**
 * Contract periods and notice deadlines as the German civil code counts them (R-C6, BGB §§ 187, 188): a period of
 * months that begins with a day ends with the day before the day of the same number; when that month has no such
 * day, with the month's last day. Notice received on a day starts its period the next day.
 */
public final class ContractPeriods {

    /** R-C7: how long before it takes effect a price change is announced at least. */
    public static final int PRICE_CHANGE_LEAD_MONTHS = 3;

    private ContractPeriods() {
    }

    /** R-C7: announced on {@code announcedOn}, a price change may take effect on {@code effectiveFrom}. */
    public static boolean announcedInTime(LocalDate announcedOn, LocalDate effectiveFrom) {
        return !announcedOn.plusMonths(PRICE_CHANGE_LEAD_MONTHS).isAfter(effectiveFrom);
    }

    /** The last day of a period of {@code months} that begins at the start of {@code firstDay}. */
    public static LocalDate periodEnd(LocalDate firstDay, int months) {
        LocalDate sameDay = firstDay.plusMonths(months);
        boolean monthLacksTheDay = sameDay.getDayOfMonth() < firstDay.getDayOfMonth();
        return monthLacksTheDay ? sameDay : sameDay.minusDays(1);
    }

    public static LocalDate minimumTermEnd(LocalDate start, int minimumTermMonths) {
        return periodEnd(start, minimumTermMonths);
    }

    /** The last day on which notice can be received to end a contract on {@code end}. */
    public static LocalDate noticeDeadline(LocalDate end, int noticeMonths) {
        LocalDate deadline = end.plusDays(1).minusMonths(noticeMonths).minusDays(1);
        while (periodEnd(deadline.plusDays(1), noticeMonths).isAfter(end)) {
            deadline = deadline.minusDays(1);
        }
        while (!periodEnd(deadline.plusDays(2), noticeMonths).isAfter(end)) {
            deadline = deadline.plusDays(1);
        }
        return deadline;
    }

    /**
     * The day a contract ends on when notice is received on {@code received}: the end of the minimum term when the
     * notice is in time for it, otherwise the end of the first calendar year it is in time for.
     */
    public static LocalDate effectiveEnd(LocalDate start, int minimumTermMonths, int noticeMonths,
                                         LocalDate received) {
        LocalDate minimumTermEnd = minimumTermEnd(start, minimumTermMonths);
        if (!received.isAfter(noticeDeadline(minimumTermEnd, noticeMonths))) {
            return minimumTermEnd;
        }
        LocalDate yearEnd = LocalDate.of(minimumTermEnd.getYear(), Month.DECEMBER, 31);
        if (!yearEnd.isAfter(minimumTermEnd)) {
            yearEnd = yearEnd.plusYears(1);
        }
        while (received.isAfter(noticeDeadline(yearEnd, noticeMonths))) {
            yearEnd = yearEnd.plusYears(1);
        }
        return yearEnd;
    }
}
