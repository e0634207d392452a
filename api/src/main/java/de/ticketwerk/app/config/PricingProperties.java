package de.ticketwerk.app.config;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.pricing.domain.PricingProcess.DefaultPriceList;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.ticket.api.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The price list for work done while no contract is in force: hourly rates per role and a travel fee; the other
 * terms are the HOURLY defaults. Checked at start-up.
 */
@ConfigurationProperties("ticketwerk.pricing.default-price-list")
record PricingProperties(Map<Role, BigDecimal> hourlyRates, BigDecimal travelFee) {

    PricingProperties {
        Map<Role, BigDecimal> rates = new EnumMap<>(ContractTerms.defaultRates());
        if (hourlyRates != null) {
            rates.putAll(hourlyRates);
        }
        hourlyRates = rates;
        travelFee = travelFee == null ? new BigDecimal("0.00") : travelFee;
        ContractTerms.defaults(de.ticketwerk.terms.ContractType.HOURLY, null, FederalState.NW)
                .withPrices(BigDecimal.ZERO, hourlyRates);
    }

    DefaultPriceList defaultPriceList() {
        return new DefaultPriceList(hourlyRates, travelFee);
    }
}
