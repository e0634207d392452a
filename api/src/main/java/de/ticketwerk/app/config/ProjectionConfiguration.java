package de.ticketwerk.app.config;

import de.ticketwerk.invoice.ports.BillingFacts;
import de.ticketwerk.projections.contract.ContractProjection;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.customer.CustomerProjection;
import de.ticketwerk.projections.customer.CustomerQueries;
import de.ticketwerk.projections.invoice.BillingFactsQueries;
import de.ticketwerk.projections.invoice.InvoiceProjection;
import de.ticketwerk.projections.invoice.InvoiceQueries;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.pricing.PricingProjection;
import de.ticketwerk.projections.pricing.PricingQueries;
import de.ticketwerk.projections.quota.QuotaLedgerProjection;
import de.ticketwerk.projections.quota.QuotaQueries;
import de.ticketwerk.projections.quota.StatementQueries;
import de.ticketwerk.projections.ticket.TicketProjection;
import de.ticketwerk.projections.ticket.TicketQueries;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read models and their queries. */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Bean
    TicketProjection ticketProjection(JdbcTemplate jdbcTemplate) {
        return new TicketProjection(jdbcTemplate);
    }

    @Bean
    TicketQueries ticketQueries(JdbcTemplate jdbcTemplate) {
        return new TicketQueries(jdbcTemplate);
    }

    @Bean
    ViewJson viewJson(Serializer serializer) {
        return new ViewJson(serializer);
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

    @Bean
    InvoiceProjection invoiceProjection(JdbcTemplate jdbcTemplate, ViewJson json, InvoiceQueries queries) {
        return new InvoiceProjection(jdbcTemplate, json, queries);
    }

    @Bean
    InvoiceQueries invoiceQueries(JdbcTemplate jdbcTemplate, ViewJson json) {
        return new InvoiceQueries(jdbcTemplate, json);
    }

    @Bean
    BillingFacts billingFacts(JdbcTemplate jdbcTemplate, ViewJson json, ContractQueries contracts) {
        return new BillingFactsQueries(jdbcTemplate, json, contracts);
    }
}
