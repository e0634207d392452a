package de.ticketwerk.app.config;

import de.ticketwerk.app.tuning.AggregateCaches;
import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.contract.domain.Contract;
import de.ticketwerk.customer.domain.Customer;
import de.ticketwerk.app.registry.InvoiceRegistry;
import de.ticketwerk.invoice.domain.BillingCalendar;
import de.ticketwerk.invoice.domain.Invoice;
import de.ticketwerk.invoice.domain.InvoiceIssuing;
import de.ticketwerk.invoice.domain.NumberSeries;
import de.ticketwerk.ports.ContractDirectory;
import de.ticketwerk.quota.domain.Quota;
import de.ticketwerk.ticket.domain.RegisteredCustomers;
import de.ticketwerk.ticket.domain.Ticket;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.Executors;

/** The aggregates: their factories, snapshots and caches; the handler that issues invoices with their numbers. */
@Configuration(proxyBeanMethods = false)
class AggregateConfiguration {

    /*
     * The most recently used aggregates of each type stay in memory between commands: a command on a ticket, contract
     * or quota that was just used needs no events read, deserialized and replayed. A quota ledger's memo also spares
     * it re-computing a long history. The cache is per process: a second node would need a shared one or none.
     *
     * Beans, because Spring's snapshotter looks for the factories of the aggregates it snapshots among beans. Their
     * aggregate models resolve the write side's ports that command handlers take as parameters.
     */

    @Bean
    AggregateFactory<Ticket> ticketFactory(WriteSidePorts ports) {
        return factory(Ticket.class, ports);
    }

    @Bean
    AggregateFactory<Customer> customerFactory(WriteSidePorts ports) {
        return factory(Customer.class, ports);
    }

    @Bean
    AggregateFactory<Contract> contractFactory(WriteSidePorts ports) {
        return factory(Contract.class, ports);
    }

    /** What aggregates' command handlers may take as parameters beyond the command. */
    record WriteSidePorts(RegisteredCustomers registeredCustomers, ContractDirectory contractDirectory,
                          PublicHolidays publicHolidays) {
    }

    @Bean
    WriteSidePorts writeSidePorts(RegisteredCustomers registeredCustomers, ContractDirectory contractDirectory,
                                  PublicHolidays publicHolidays) {
        return new WriteSidePorts(registeredCustomers, contractDirectory, publicHolidays);
    }

    private static <A> AggregateFactory<A> factory(Class<A> type, WriteSidePorts ports) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(type),
                        new SimpleResourceParameterResolverFactory(
                                List.of(ports.registeredCustomers(), ports.contractDirectory(),
                                        ports.publicHolidays())))));
    }

    @Bean
    AggregateFactory<Quota> quotaFactory(WriteSidePorts ports) {
        return factory(Quota.class, ports);
    }

    @Bean
    AggregateFactory<Invoice> invoiceFactory(WriteSidePorts ports) {
        return factory(Invoice.class, ports);
    }

    @Bean
    AggregateFactory<NumberSeries> numberSeriesFactory(WriteSidePorts ports) {
        return factory(NumberSeries.class, ports);
    }

    /**
     * Snapshots are taken on a background thread: a long-lived aggregate's snapshot grows with its history, and the
     * command that crosses the threshold should not wait for it.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    @Bean
    ConfigurerModule aggregates(AggregateFactory<Ticket> ticketFactory, AggregateFactory<Customer> customerFactory,
                                AggregateFactory<Contract> contractFactory, AggregateFactory<Quota> quotaFactory,
                                AggregateFactory<Invoice> invoiceFactory,
                                AggregateFactory<NumberSeries> numberSeriesFactory, InvoiceRegistry invoiceRegistry,
                                SnapshotProperties snapshots, AggregateCaches caches) {
        return configurer -> {
            configurer.configureAggregate(snapshotted(Ticket.class, ticketFactory, snapshots.ticketAfterEvents(),
                    caches));
            configurer.configureAggregate(snapshotted(Customer.class, customerFactory,
                    snapshots.customerAfterEvents(), caches));
            configurer.configureAggregate(snapshotted(Contract.class, contractFactory,
                    snapshots.contractAfterEvents(), caches));
            configurer.configureAggregate(snapshotted(Quota.class, quotaFactory, snapshots.quotaAfterEvents(), caches));
            configurer.configureAggregate(snapshotted(Invoice.class, invoiceFactory, snapshots.invoiceAfterEvents(),
                    caches));
            configurer.configureAggregate(snapshotted(NumberSeries.class, numberSeriesFactory,
                    snapshots.numberSeriesAfterEvents(), caches));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(BillingCalendar.class));
            configurer.registerCommandHandler(c -> new InvoiceIssuing(c.repository(Invoice.class),
                    c.repository(NumberSeries.class), invoiceRegistry));
        };
    }

    @Bean
    AggregateCaches aggregateCaches(@Value("${ticketwerk.aggregate-cache.capacity}") int capacity) {
        return new AggregateCaches(capacity);
    }

    private static <A> AggregateConfigurer<A> snapshotted(Class<A> type, AggregateFactory<A> factory, int threshold,
                                                          AggregateCaches caches) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureAggregateFactory(c -> factory)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold))
                .configureCache(c -> caches.newCache());
    }
}
