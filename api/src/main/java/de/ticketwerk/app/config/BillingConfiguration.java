package de.ticketwerk.app.config;

import de.ticketwerk.app.config.AggregateConfiguration.WriteSidePorts;
import de.ticketwerk.app.registry.ContractRegistry;
import de.ticketwerk.app.registry.ContractResponsePromises;
import de.ticketwerk.app.registry.CustomerContractsDirectory;
import de.ticketwerk.app.registry.EntryPricingRegistry;
import de.ticketwerk.app.tuning.AggregateCaches;
import de.ticketwerk.calendar.GermanPublicHolidays;
import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.contract.domain.Contract;
import de.ticketwerk.customer.domain.Customer;
import de.ticketwerk.ports.ContractDirectory;
import de.ticketwerk.ports.PricedEntries;
import de.ticketwerk.ports.QuotaContracts;
import de.ticketwerk.pricing.domain.PricingProcess;
import de.ticketwerk.projections.contract.ContractProjection;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.customer.CustomerProjection;
import de.ticketwerk.projections.customer.CustomerQueries;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.pricing.PricingProjection;
import de.ticketwerk.projections.pricing.PricingQueries;
import de.ticketwerk.projections.quota.QuotaLedgerProjection;
import de.ticketwerk.projections.quota.QuotaQueries;
import de.ticketwerk.projections.quota.StatementQueries;
import de.ticketwerk.quota.domain.Quota;
import de.ticketwerk.quota.domain.QuotaProcess;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customers, contracts, pricing and quotas: their aggregates, the public holidays, the registries the write side reads,
 * the pricing and quota processes, and their read models.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PricingProperties.class)
class BillingConfiguration {

    @Bean
    AggregateFactory<Customer> customerFactory(WriteSidePorts ports) {
        return AggregateConfiguration.factory(Customer.class, ports);
    }

    @Bean
    AggregateFactory<Contract> contractFactory(WriteSidePorts ports) {
        return AggregateConfiguration.factory(Contract.class, ports);
    }

    @Bean
    AggregateFactory<Quota> quotaFactory(WriteSidePorts ports) {
        return AggregateConfiguration.factory(Quota.class, ports);
    }

    @Bean
    ConfigurerModule billingAggregates(AggregateFactory<Customer> customerFactory,
                                       AggregateFactory<Contract> contractFactory,
                                       AggregateFactory<Quota> quotaFactory, SnapshotProperties snapshots,
                                       AggregateCaches caches) {
        return configurer -> {
            configurer.configureAggregate(AggregateConfiguration.snapshotted(Customer.class, customerFactory,
                    snapshots.customerAfterEvents(), caches));
            configurer.configureAggregate(AggregateConfiguration.snapshotted(Contract.class, contractFactory,
                    snapshots.contractAfterEvents(), caches));
            configurer.configureAggregate(AggregateConfiguration.snapshotted(Quota.class, quotaFactory,
                    snapshots.quotaAfterEvents(), caches));
        };
    }

    @Bean
    PublicHolidays publicHolidays() {
        return new GermanPublicHolidays();
    }

    @Bean
    ContractRegistry contractRegistry(JdbcTemplate jdbcTemplate, ViewJson viewJson) {
        return new ContractRegistry(jdbcTemplate, viewJson);
    }

    @Bean
    ContractResponsePromises responsePromises(ContractRegistry contractRegistry, PublicHolidays publicHolidays) {
        return new ContractResponsePromises(contractRegistry, publicHolidays);
    }

    @Bean
    CustomerContractsDirectory contractDirectory(JdbcTemplate jdbcTemplate) {
        return new CustomerContractsDirectory(jdbcTemplate);
    }

    @Bean
    EntryPricingRegistry entryPricingRegistry(JdbcTemplate jdbcTemplate) {
        return new EntryPricingRegistry(jdbcTemplate);
    }

    @Bean
    PricingProcess pricingProcess(CommandGateway commandGateway, ContractDirectory contractDirectory,
                                  PricedEntries pricedEntries, PricingProperties properties) {
        return new PricingProcess(commandGateway, contractDirectory, pricedEntries, properties.defaultPriceList());
    }

    @Bean
    QuotaProcess quotaProcess(CommandGateway commandGateway, QuotaContracts quotaContracts) {
        return new QuotaProcess(commandGateway, quotaContracts);
    }

    @Bean
    CustomerProjection customerProjection(JdbcTemplate jdbcTemplate, ViewJson json, CustomerQueries queries) {
        return new CustomerProjection(jdbcTemplate, json, queries);
    }

    @Bean
    CustomerQueries customerQueries(JdbcTemplate jdbcTemplate, ViewJson json) {
        return new CustomerQueries(jdbcTemplate, json);
    }

    @Bean
    ContractProjection contractProjection(JdbcTemplate jdbcTemplate, ViewJson json, ContractQueries queries) {
        return new ContractProjection(jdbcTemplate, json, queries);
    }

    @Bean
    ContractQueries contractQueries(JdbcTemplate jdbcTemplate, ViewJson json) {
        return new ContractQueries(jdbcTemplate, json);
    }

    @Bean
    PricingProjection pricingProjection(JdbcTemplate jdbcTemplate, ViewJson json) {
        return new PricingProjection(jdbcTemplate, json);
    }

    @Bean
    PricingQueries pricingQueries(JdbcTemplate jdbcTemplate, ViewJson json) {
        return new PricingQueries(jdbcTemplate, json);
    }

    @Bean
    QuotaLedgerProjection quotaLedgerProjection(JdbcTemplate jdbcTemplate, ViewJson json) {
        return new QuotaLedgerProjection(jdbcTemplate, json);
    }

    @Bean
    QuotaQueries quotaQueries(JdbcTemplate jdbcTemplate) {
        return new QuotaQueries(jdbcTemplate);
    }

    @Bean
    StatementQueries statementQueries(JdbcTemplate jdbcTemplate, ViewJson json, QuotaQueries quotaQueries) {
        return new StatementQueries(jdbcTemplate, json, quotaQueries);
    }
}
