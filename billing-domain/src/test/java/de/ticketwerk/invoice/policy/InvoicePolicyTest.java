package de.ticketwerk.invoice.policy;

import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceLine.LineKind;
import de.ticketwerk.invoice.api.InvoiceTotals;
import de.ticketwerk.invoice.policy.InvoiceLines.Billable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InvoicePolicyTest {

    /** R-C8, R-I3: the run of a month, dated the 1st of the next, carries the fees up to that next month. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2026-04-01 | -          | 2026-03 | 2026-04
            2026-01-01 | -          | 2026-03 | 2026-01 2026-02 2026-03 2026-04
            2026-01-01 | 2026-03-31 | 2026-03 | 2026-01 2026-02 2026-03
            2026-05-01 | -          | 2026-03 | -
            2026-01-15 | 2026-02-10 | 2026-04 | 2026-01 2026-02""")
    void monthsWhoseFeeARunCarries(LocalDate start, LocalDate end, YearMonth billed, String months) {
        List<YearMonth> expected = months == null ? List.of()
                : Arrays.stream(months.split(" ")).map(YearMonth::parse).toList();
        assertThat(MonthlyFees.monthsDue(start, end, billed)).containsExactlyElementsOf(expected);
    }

    /** R-I1: the months the automatic run still owes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -       | 2026-03 | 2026-03
            2026-02 | 2026-03 | 2026-03
            2026-03 | 2026-03 | -
            2026-02 | 2026-05 | 2026-03 2026-04 2026-05
            2025-11 | 2026-01 | 2025-12 2026-01""")
    void monthsTheAutomaticRunOwes(YearMonth lastRun, YearMonth justEnded, String months) {
        List<YearMonth> expected = months == null ? List.of()
                : Arrays.stream(months.split(" ")).map(YearMonth::parse).toList();
        assertThat(BillingMonths.due(lastRun, justEnded)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-04 | 2026-04-01 | 2026-04-01
            2026-04 | 2026-04-15 | 2026-04-15
            2026-05 | 2026-04-15 | 2026-05-01""")
    void aMonthsFeeFallsDueOnItsFirstOrOnALaterStart(YearMonth month, LocalDate start, LocalDate due) {
        assertThat(MonthlyFees.dueOn(month, start)).isEqualTo(due);
    }

    /** R-I4: VAT once per rate on the sum, not per line; I1's and I2's figures. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            265.21 23.75 | 19 19    | 288.96 | 54.90  | 343.86
            149.00       | 19       | 149.00 | 28.31  | 177.31
            225.00       | 19       | 225.00 | 42.75  | 267.75
            0.03 0.03 0.03 | 19 19 19 | 0.09 | 0.02   | 0.11
            100.00 50.00 | 19 7     | 150.00 | 22.50  | 172.50
            -265.21 -23.75 | 19 19  | -288.96 | -54.90 | -343.86""")
    void totals(String nets, String rates, BigDecimal net, BigDecimal vat, BigDecimal gross) {
        String[] amounts = nets.split(" ");
        String[] percents = rates.split(" ");
        List<InvoiceLine> lines = java.util.stream.IntStream.range(0, amounts.length)
                .mapToObj(i -> line(new BigDecimal(amounts[i]), new BigDecimal(percents[i]))).toList();
        InvoiceTotals totals = InvoiceMoney.totals(lines);
        assertThat(totals.net()).isEqualTo(net);
        assertThat(totals.vat()).isEqualTo(vat);
        assertThat(totals.gross()).isEqualTo(gross);
    }

    /** R-I6: the line is the difference; once an issued invoice charged it, the line is a correction naming it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            WORK    | 265.21 | 0      | -          | WORK       | 265.21
            WORK    | 209.79 | 265.21 | 2026-00001 | CORRECTION | -55.42
            WORK    | 0      | 265.21 | 2026-00001 | CORRECTION | -265.21
            WORK    | 265.21 | 265.21 | 2026-00001 | -          | -
            WORK    | 23.75  | 0      | 2026-00001 | CORRECTION | 23.75
            FEE     | 149.00 | 0      | -          | FEE        | 149.00
            OVERAGE | 270.00 | 225.00 | 2026-00004 | CORRECTION | 45.00""")
    void lineFor(LineKind kind, BigDecimal due, BigDecimal invoiced, String invoicedIn, LineKind lineKind,
                 BigDecimal net) {
        Optional<InvoiceLine> line = InvoiceLines.lineFor(new Billable(kind, UUID.randomUUID(), UUID.randomUUID(),
                LocalDate.of(2026, 3, 3), "work", 150, due, invoiced, new BigDecimal("19"), invoicedIn));
        if (lineKind == null) {
            assertThat(line).isEmpty();
            return;
        }
        assertThat(line).get().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(lineKind);
            assertThat(l.net()).isEqualByComparingTo(net);
            assertThat(l.corrects()).isEqualTo(invoicedIn);
            assertThat(l.previouslyInvoiced()).isEqualByComparingTo(invoiced);
        });
    }

    private static InvoiceLine line(BigDecimal net, BigDecimal vatPercent) {
        return new InvoiceLine(LineKind.WORK, UUID.randomUUID(), null, LocalDate.of(2026, 3, 3), "work", 1, net,
                vatPercent, BigDecimal.ZERO, null);
    }
}
