package de.ticketwerk.invoice.policy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** R-I1: the months the automatic run still owes. */
public final class BillingMonths {

    private BillingMonths() {
    }

    /**
     * Every month after {@code lastRun} up to the one just ended, each once; on the first start only the month just
     * ended (earlier months are FINANCE's to run).
     */
    public static List<YearMonth> due(YearMonth lastRun, YearMonth justEnded) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = lastRun == null ? justEnded : lastRun.plusMonths(1); !month.isAfter(justEnded);
             month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }
}
