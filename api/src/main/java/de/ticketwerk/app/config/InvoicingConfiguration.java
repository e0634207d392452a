package de.ticketwerk.app.config;

import de.ticketwerk.app.config.AggregateConfiguration.WriteSidePorts;
import de.ticketwerk.app.mail.InvoiceMails;
import de.ticketwerk.app.registry.InvoiceRegistry;
import de.ticketwerk.app.tuning.AggregateCaches;
import de.ticketwerk.app.tuning.LocksUntilCommit;
import de.ticketwerk.documents.invoice.InvoiceDocuments;
import de.ticketwerk.documents.quota.StatementPdfs;
import de.ticketwerk.invoice.domain.BillingCalendar;
import de.ticketwerk.invoice.domain.Invoice;
import de.ticketwerk.invoice.domain.InvoiceIssuing;
import de.ticketwerk.invoice.domain.NumberSeries;
import de.ticketwerk.invoice.ports.BillingFacts;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.customer.CustomerQueries;
import de.ticketwerk.projections.invoice.BillingFactsQueries;
import de.ticketwerk.projections.invoice.InvoiceProjection;
import de.ticketwerk.projections.invoice.InvoiceQueries;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.quota.StatementQueries;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * Invoicing, in the manner of Kill Bill's invoice module: the Invoice, NumberSeries and BillingCalendar aggregates, the
 * handler that issues with gapless numbers, the registry of what was invoiced, the billing run's facts, the invoices'
 * read model and the documents (the invoices' documents process, the statements' PDFs).
 */
@Configuration(proxyBeanMethods = false)
class InvoicingConfiguration {

    @Bean
    AggregateFactory<Invoice> invoiceFactory(WriteSidePorts ports) {
        return AggregateConfiguration.factory(Invoice.class, ports);
    }

    @Bean
    AggregateFactory<NumberSeries> numberSeriesFactory(WriteSidePorts ports) {
        return AggregateConfiguration.factory(NumberSeries.class, ports);
    }

    @Bean
    ConfigurerModule invoicingAggregates(AggregateFactory<Invoice> invoiceFactory,
                                         AggregateFactory<NumberSeries> numberSeriesFactory,
                                         InvoiceRegistry invoiceRegistry, SnapshotProperties snapshots,
                                         AggregateCaches caches) {
        return configurer -> {
            configurer.configureAggregate(AggregateConfiguration.snapshotted(Invoice.class, invoiceFactory,
                    snapshots.invoiceAfterEvents(), caches));
            configurer.configureAggregate(AggregateConfiguration.snapshotted(NumberSeries.class, numberSeriesFactory,
                    snapshots.numberSeriesAfterEvents(), caches));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(BillingCalendar.class)
                    .configureLockFactory(c -> new LocksUntilCommit()));
            configurer.registerCommandHandler(c -> new InvoiceIssuing(c.repository(Invoice.class),
                    c.repository(NumberSeries.class), invoiceRegistry));
        };
    }

    @Bean
    InvoiceRegistry invoiceRegistry(JdbcTemplate jdbcTemplate) {
        return new InvoiceRegistry(jdbcTemplate);
    }

    @Bean
    BillingFacts billingFacts(JdbcTemplate jdbcTemplate, ViewJson json, ContractQueries contracts) {
        return new BillingFactsQueries(jdbcTemplate, json, contracts);
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
    InvoiceDocuments invoiceDocuments(JdbcTemplate jdbcTemplate, InvoiceMails invoiceMails, Clock clock) {
        return new InvoiceDocuments(jdbcTemplate, invoiceMails, clock);
    }

    @Bean
    StatementPdfs statementPdfs(StatementQueries statements, CustomerQueries customers, SellerProperties seller) {
        return new StatementPdfs(statements, customers, seller.party());
    }
}
