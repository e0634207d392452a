package de.ticketwerk.app.config;

import de.ticketwerk.documents.invoice.InvoiceDocuments;
import de.ticketwerk.documents.quota.StatementPdfs;
import de.ticketwerk.projections.customer.CustomerQueries;
import de.ticketwerk.projections.quota.StatementQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** The documents module's parts: the invoices' documents process and the statements' PDFs. */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    @Bean
    InvoiceDocuments invoiceDocuments(JdbcTemplate jdbcTemplate, Clock clock) {
        return new InvoiceDocuments(jdbcTemplate, clock);
    }

    @Bean
    StatementPdfs statementPdfs(StatementQueries statements, CustomerQueries customers, SellerProperties seller) {
        return new StatementPdfs(statements, customers, seller.party());
    }
}
