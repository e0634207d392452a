package de.ticketwerk.projections.quota;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The statements a QUOTA customer receives: quarterly interim statements and the annual statement (R-Q6). */
public final class Statements {

    private Statements() {
    }

    /** Minutes used per service item, or per ticket: by its number (R-S1), by its id where it has none. */
    public record Minutes(String key, long minutes) {
    }

    /** A calendar quarter. */
    public record CalendarQuarter(int year, int quarter) {

        public static CalendarQuarter of(LocalDate day) {
            return new CalendarQuarter(day.getYear(), (day.getMonthValue() + 2) / 3);
        }

        public LocalDate from() {
            return LocalDate.of(year, 3 * quarter - 2, 1);
        }

        public LocalDate to() {
            return from().plusMonths(3).minusDays(1);
        }

        public CalendarQuarter previous() {
            return of(from().minusDays(1));
        }
    }

    /** A statement with the months its chart draws. */
    public record WithMonths<S>(S statement, List<MonthBalance> months) {
    }

    /** {@code provisional}: the quarter has not ended yet. */
    public record QuarterlyStatement(UUID contractId, int year, int quarter, LocalDate from, LocalDate to,
                                     boolean provisional, long openingBalance, long credited, long used,
                                     List<Minutes> usedByServiceItem, List<Minutes> usedByTicket, long forfeited,
                                     long settledMinutes, BigDecimal settledAmount, long closingBalance,
                                     LocalDate quotaYearFrom, long usedInQuotaYear, Long remainingOfAnnualQuota) {
    }

    /**
     * One time entry of the quota year, to the minute. {@code ticketNumber} (R-S1) is null for a ticket opened before
     * tickets had numbers.
     */
    public record EntryLine(LocalDate workDate, UUID ticketId, String ticketNumber, UUID entryId, String technician, String role,
                            String mode, String serviceItem, long rawMinutes, long billedMinutes,
                            BigDecimal surchargeMinuteEquivalents, String settlement, long quotaMinutes,
                            BigDecimal netAmount, String nonBillableReason) {
    }

    /**
     * A calendar month of the quota's ledger, cut to the period at its edges: what was credited, used, forfeited and
     * settled in it, and the balance after it.
     */
    public record MonthBalance(LocalDate from, LocalDate to, long credited, long used, long forfeited, long settled,
                               long balance) {
    }

    public record MonthLine(LocalDate month, BigDecimal instalment, long used) {
    }

    /** {@code provisional}: the quota year has not ended yet. */
    public record AnnualStatement(UUID contractId, int year, LocalDate from, LocalDate to, boolean provisional,
                                  List<EntryLine> entries, long rawMinutes, long billedMinutes, long quotaMinutes,
                                  BigDecimal chargedAmount, List<MonthLine> months, BigDecimal instalments,
                                  long openingBalance, long credited, long used, long forfeited,
                                  long overageMinutes, BigDecimal overageAmount, long closingBalance,
                                  long carriedOver) {
    }
}
