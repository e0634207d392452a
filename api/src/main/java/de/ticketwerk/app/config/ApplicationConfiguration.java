package de.ticketwerk.app.config;

import de.ticketwerk.projections.ticket.TicketQueries;
import de.ticketwerk.app.registry.WriteSideRegistry;
import de.ticketwerk.billing.policy.GermanPublicHolidays;
import de.ticketwerk.billing.policy.PublicHolidays;
import de.ticketwerk.pricing.domain.PricingProcess;
import de.ticketwerk.projections.quota.QuotaLedgerProjection;
import de.ticketwerk.projections.quota.QuotaQueries;
import de.ticketwerk.projections.quota.StatementQueries;
import de.ticketwerk.quota.domain.QuotaProcess;
import de.ticketwerk.projections.contract.ContractProjection;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.customer.CustomerProjection;
import de.ticketwerk.projections.customer.CustomerQueries;
import de.ticketwerk.projections.json.Documents;
import de.ticketwerk.projections.pricing.PricingProjection;
import de.ticketwerk.projections.pricing.PricingQueries;
import de.ticketwerk.projections.ticket.TicketProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PricingProperties.class)
@EnableScheduling
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
    TicketProjection ticketProjection(JdbcTemplate jdbcTemplate) {
        return new TicketProjection(jdbcTemplate);
    }

    @Bean
    TicketQueries ticketQueries(JdbcTemplate jdbcTemplate) {
        return new TicketQueries(jdbcTemplate);
    }

    @Bean
    Documents documents(Serializer serializer) {
        return new Documents(serializer);
    }

    @Bean
    CustomerProjection customerProjection(JdbcTemplate jdbcTemplate, Documents documents, CustomerQueries queries) {
        return new CustomerProjection(jdbcTemplate, documents, queries);
    }

    @Bean
    CustomerQueries customerQueries(JdbcTemplate jdbcTemplate, Documents documents) {
        return new CustomerQueries(jdbcTemplate, documents);
    }

    @Bean
    ContractProjection contractProjection(JdbcTemplate jdbcTemplate, Documents documents, ContractQueries queries) {
        return new ContractProjection(jdbcTemplate, documents, queries);
    }

    @Bean
    ContractQueries contractQueries(JdbcTemplate jdbcTemplate, Documents documents) {
        return new ContractQueries(jdbcTemplate, documents);
    }

    @Bean
    PricingProjection pricingProjection(JdbcTemplate jdbcTemplate, Documents documents) {
        return new PricingProjection(jdbcTemplate, documents);
    }

    @Bean
    PricingQueries pricingQueries(JdbcTemplate jdbcTemplate, Documents documents) {
        return new PricingQueries(jdbcTemplate, documents);
    }

    @Bean
    WriteSideRegistry writeSideRegistry(JdbcTemplate jdbcTemplate) {
        return new WriteSideRegistry(jdbcTemplate);
    }

    @Bean
    QuotaProcess quotaProcess(CommandGateway commandGateway, WriteSideRegistry registry) {
        return new QuotaProcess(commandGateway, registry);
    }

    @Bean
    QuotaLedgerProjection quotaLedgerProjection(JdbcTemplate jdbcTemplate, Documents documents) {
        return new QuotaLedgerProjection(jdbcTemplate, documents);
    }

    @Bean
    QuotaQueries quotaQueries(JdbcTemplate jdbcTemplate) {
        return new QuotaQueries(jdbcTemplate);
    }

    @Bean
    StatementQueries statementQueries(JdbcTemplate jdbcTemplate, Documents documents, QuotaQueries quotaQueries) {
        return new StatementQueries(jdbcTemplate, documents, quotaQueries);
    }

    @Bean
    PublicHolidays publicHolidays() {
        return new GermanPublicHolidays();
    }

    @Bean
    PricingProcess pricingProcess(CommandGateway commandGateway, WriteSideRegistry registry,
                                  PricingProperties properties) {
        return new PricingProcess(commandGateway, registry, registry, properties.defaultPriceList());
    }
}
