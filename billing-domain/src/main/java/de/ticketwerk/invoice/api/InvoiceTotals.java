package de.ticketwerk.invoice.api;

import java.math.BigDecimal;
import java.util.List;

/** Net, VAT and gross per VAT rate and in all (R-I4). */
public record InvoiceTotals(List<RateTotal> perRate, BigDecimal net, BigDecimal vat, BigDecimal gross) {

    public record RateTotal(BigDecimal vatPercent, BigDecimal net, BigDecimal vat, BigDecimal gross) {
    }

    public InvoiceTotals {
        perRate = List.copyOf(perRate);
    }
}
