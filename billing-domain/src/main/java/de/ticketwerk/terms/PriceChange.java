package de.ticketwerk.terms;

import de.ticketwerk.ticket.api.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** New prices from {@code effectiveFrom} on (R-C7). */
public record PriceChange(LocalDate effectiveFrom, BigDecimal monthlyFee, Map<Role, BigDecimal> hourlyRates) {

    /** The terms in force on {@code date}: the base terms with the latest price change that took effect by then. */
    public static ContractTerms termsOn(ContractTerms base, List<PriceChange> changes, LocalDate date) {
        ContractTerms terms = base;
        for (PriceChange change : changes.stream()
                .sorted(java.util.Comparator.comparing(PriceChange::effectiveFrom)).toList()) {
            if (!change.effectiveFrom().isAfter(date)) {
                terms = terms.withPrices(change.monthlyFee(), change.hourlyRates());
            }
        }
        return terms;
    }
}
