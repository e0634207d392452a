package de.ticketwerk.invoice.policy;

import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceTotals;
import de.ticketwerk.invoice.api.InvoiceTotals.RateTotal;
import de.ticketwerk.terms.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an invoice comes to and when it is due. */
public final class InvoiceMoney {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int PAYMENT_DAYS = 14;

    private InvoiceMoney() {
    }

    /** R-I4: VAT once per rate, on the sum of that rate's line nets, half-up to the cent; gross = net + VAT. */
    public static InvoiceTotals totals(List<InvoiceLine> lines) {
        Map<BigDecimal, BigDecimal> netPerRate = new TreeMap<>();
        lines.forEach(line -> netPerRate.merge(line.vatPercent().stripTrailingZeros(), line.net(), BigDecimal::add));
        List<RateTotal> perRate = netPerRate.entrySet().stream().map(rate -> rateTotal(rate.getKey(), rate.getValue()))
                .toList();
        BigDecimal net = perRate.stream().map(RateTotal::net).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal vat = perRate.stream().map(RateTotal::vat).reduce(Money.ZERO, BigDecimal::add);
        return new InvoiceTotals(perRate, net, vat, net.add(vat));
    }

    private static RateTotal rateTotal(BigDecimal vatPercent, BigDecimal net) {
        BigDecimal vat = vatOf(net, vatPercent);
        return new RateTotal(vatPercent, net, vat, net.add(vat));
    }

    static BigDecimal vatOf(BigDecimal net, BigDecimal vatPercent) {
        return net.multiply(vatPercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** R-I7: due 14 days after issue. */
    public static LocalDate dueDate(LocalDate issueDate) {
        return issueDate.plusDays(PAYMENT_DAYS);
    }

    /** R-I4: an invoice with nothing to charge is not issued. */
    public static boolean chargesSomething(List<InvoiceLine> lines) {
        return lines.stream().anyMatch(line -> line.net().signum() != 0);
    }
}
