package de.ticketwerk.invoice.policy;

import de.ticketwerk.calendar.Days;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.PriceChange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** R-C8, R-I3: monthly fees are due in advance, each month's fee exactly once. */
public final class MonthlyFees {

    private MonthlyFees() {
    }

    /**
     * The months whose fee the run of {@code billed} is due to carry: the run is dated the 1st of the next month, so
     * every month of the contract up to and including that one. The run leaves out what issued invoices already
     * charged, so each fee is on the first invoice dated on or after its month's 1st.
     */
    public static List<YearMonth> monthsDue(LocalDate start, LocalDate end, YearMonth billed) {
        YearMonth last = billed.plusMonths(1);
        if (end != null && YearMonth.from(end).isBefore(last)) {
            last = YearMonth.from(end);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(start); !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** R-C8: the fee of {@code month}, as in force on the day it falls due; zero when the contract is not. */
    public static BigDecimal fee(LocalDate start, LocalDate end, ContractTerms terms, List<PriceChange> changes,
                                 YearMonth month) {
        LocalDate due = dueOn(month, start);
        return Days.within(due, start, end) ? PriceChange.termsOn(terms, changes, due).monthlyFee()
                : new BigDecimal("0.00");
    }

    /** The day a month's fee falls due: its 1st, or the start day of a contract that starts later in the month. */
    public static LocalDate dueOn(YearMonth month, LocalDate start) {
        return start.isAfter(month.atDay(1)) ? start : month.atDay(1);
    }

    /** What the invoices know a month's fee by, as they know work by its entry. */
    public static UUID feeId(UUID contractId, YearMonth month) {
        return UUID.nameUUIDFromBytes(("fee/" + contractId + "/" + month).getBytes(StandardCharsets.UTF_8));
    }
}
