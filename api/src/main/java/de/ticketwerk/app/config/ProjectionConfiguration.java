package de.ticketwerk.app.config;

import de.ticketwerk.projections.contract.ContractProjection;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.customer.CustomerProjection;
import de.ticketwerk.projections.customer.CustomerQueries;
import de.ticketwerk.projections.invoice.InvoiceProjection;
import de.ticketwerk.projections.invoice.InvoiceQueries;
import de.ticketwerk.projections.json.Documents;
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
    InvoiceProjection invoiceProjection(JdbcTemplate jdbcTemplate, Documents documents, InvoiceQueries queries) {
        return new InvoiceProjection(jdbcTemplate, documents, queries);
    }

    @Bean
    InvoiceQueries invoiceQueries(JdbcTemplate jdbcTemplate, Documents documents) {
        return new InvoiceQueries(jdbcTemplate, documents);
    }
}
