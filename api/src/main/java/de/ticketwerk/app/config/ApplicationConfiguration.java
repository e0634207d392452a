package de.ticketwerk.app.config;

import de.ticketwerk.app.registry.ContractRegistry;
import de.ticketwerk.app.registry.CustomerContractsDirectory;
import de.ticketwerk.app.registry.CustomerRegistry;
import de.ticketwerk.app.registry.EntryPricingRegistry;
import de.ticketwerk.app.registry.InvoiceRegistry;
import de.ticketwerk.calendar.GermanPublicHolidays;
import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.ports.ContractDirectory;
import de.ticketwerk.ports.PricedEntries;
import de.ticketwerk.ports.QuotaContracts;
import de.ticketwerk.pricing.domain.PricingProcess;
import de.ticketwerk.quota.domain.QuotaProcess;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PricingProperties.class)
@EnableScheduling
/** The clock, the public holidays, the write side's registry and the two processes. */
class ApplicationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApplicationConfiguration.class);

    /** The system clock, or a fixed instant for demos and tests ({@code ticketwerk.clock.fixed}, off by default). */
    @Bean
    Clock clock(@Value("${ticketwerk.clock.fixed:}") String fixed) {
        if (fixed.isBlank()) {
            return Clock.systemUTC();
        }
        Instant now = Instant.parse(fixed);
        log.warn("""

                *****************************************************************************
                *  FIXED CLOCK: ticketwerk.clock.fixed={} - the time never moves.      *
                *  Every event is recorded at this instant. Never run production like this. *
                *****************************************************************************""", now);
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    @Bean
    CustomerRegistry customerRegistry(JdbcTemplate jdbcTemplate) {
        return new CustomerRegistry(jdbcTemplate);
    }

    @Bean
    ContractRegistry contractRegistry(JdbcTemplate jdbcTemplate) {
        return new ContractRegistry(jdbcTemplate);
    }

    @Bean
    CustomerContractsDirectory contractDirectory(JdbcTemplate jdbcTemplate) {
        return new CustomerContractsDirectory(jdbcTemplate);
    }

    @Bean
    InvoiceRegistry invoiceRegistry(JdbcTemplate jdbcTemplate) {
        return new InvoiceRegistry(jdbcTemplate);
    }

    @Bean
    EntryPricingRegistry entryPricingRegistry(JdbcTemplate jdbcTemplate) {
        return new EntryPricingRegistry(jdbcTemplate);
    }

    @Bean
    QuotaProcess quotaProcess(CommandGateway commandGateway, QuotaContracts quotaContracts) {
        return new QuotaProcess(commandGateway, quotaContracts);
    }

    @Bean
    PublicHolidays publicHolidays() {
        return new GermanPublicHolidays();
    }

    @Bean
    PricingProcess pricingProcess(CommandGateway commandGateway, ContractDirectory contractDirectory,
                                  PricedEntries pricedEntries, PricingProperties properties) {
        return new PricingProcess(commandGateway, contractDirectory, pricedEntries, properties.defaultPriceList());
    }
}
