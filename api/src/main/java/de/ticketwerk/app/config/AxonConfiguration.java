package de.ticketwerk.app.config;

import de.ticketwerk.app.registry.WriteSideRegistry;
import de.ticketwerk.contract.domain.Contract;
import de.ticketwerk.customer.domain.Customer;
import de.ticketwerk.pricing.domain.PricingProcess;
import de.ticketwerk.quota.domain.Quota;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryCorrected;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryVoided;
import de.ticketwerk.ticket.api.TicketEvents.TimeLogged;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import de.ticketwerk.ticket.domain.Ticket;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import java.time.Duration;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.messaging.Message;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Axon's infrastructure, declared explicitly rather than left to auto-configuration: the JDBC event store and
 * token store on PostgreSQL (tables by Flyway), JSON serialization, Spring transactions, metrics.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    private static final Function<Message<?>, Iterable<Tag>> PAYLOAD_TYPE =
            message -> Tags.of("payloadType", message.getPayloadType().getSimpleName());

    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("time_stamp")
            .setOwnerColumn("owner")
            .build();

    @Bean
    @Primary
    Serializer serializer() {
        return EventSerialization.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return EventSerialization.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return EventSerialization.serializer();
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .schema(EVENT_SCHEMA)
                .dataType(String.class)
                .build();
    }

    /**
     * Event processors tail one shared reader of the event table. After a local commit it reads at once; events
     * committed by another process it finds by looking every {@code fetch-delay} (Axon's default is a second).
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  @Value("${ticketwerk.event-store.fetch-delay}") Duration fetchDelay,
                                  @Value("${ticketwerk.event-store.cached-events}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents)
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /** The source every pooled processor reads from (application.yml: {@code source: eventSource}). */
    @Bean
    ProcessorWakingEventSource eventSource(EmbeddedEventStore eventStore) {
        return new ProcessorWakingEventSource(eventStore);
    }

    /** On the bus, so that every command passes it, whichever gateway sent it. */
    @Bean
    CommandBackPressure commandBackPressure(CommandBus commandBus, EventProcessingConfiguration processing,
                                            ProcessorWakingEventSource eventSource,
                                            @Value("${ticketwerk.back-pressure.max-backlog}") long maxBacklog,
                                            @Value("${ticketwerk.back-pressure.max-wait}") Duration maxWait) {
        CommandBackPressure backPressure = new CommandBackPressure(
                CommandBackPressure.backlog(processing, eventSource::head), maxBacklog, maxWait);
        commandBus.registerDispatchInterceptor(backPressure.interceptor());
        return backPressure;
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(TOKEN_SCHEMA)
                .contentType(String.class)
                .build();
    }

    /*
     * The most recently used aggregates of each type stay in memory between commands: a command on a ticket, contract
     * or quota that was just used needs no events read, deserialized and replayed. A quota ledger's memo also spares
     * it re-computing a long history. The cache is per process: a second node would need a shared one or none.
     *
     * Beans, because Spring's snapshotter looks for the factories of the aggregates it snapshots among beans. Their
     * aggregate models must resolve the registry that command handlers take as a parameter.
     */

    @Bean
    AggregateFactory<Ticket> ticketFactory(WriteSideRegistry registry) {
        return factory(Ticket.class, registry);
    }

    @Bean
    AggregateFactory<Customer> customerFactory(WriteSideRegistry registry) {
        return factory(Customer.class, registry);
    }

    @Bean
    AggregateFactory<Contract> contractFactory(WriteSideRegistry registry) {
        return factory(Contract.class, registry);
    }

    private static <A> AggregateFactory<A> factory(Class<A> type, WriteSideRegistry registry) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(type),
                        new SimpleResourceParameterResolverFactory(List.of(registry)))));
    }

    @Bean
    AggregateFactory<Quota> quotaFactory(WriteSideRegistry registry) {
        return factory(Quota.class, registry);
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
                                @Value("${ticketwerk.snapshots.ticket-after-events}") int ticketThreshold,
                                @Value("${ticketwerk.snapshots.customer-after-events}") int customerThreshold,
                                @Value("${ticketwerk.snapshots.contract-after-events}") int contractThreshold,
                                @Value("${ticketwerk.snapshots.quota-after-events}") int quotaThreshold,
                                @Value("${ticketwerk.aggregate-cache.capacity}") int cached) {
        return configurer -> {
            configurer.configureAggregate(snapshotted(Ticket.class, ticketFactory, ticketThreshold, cached));
            configurer.configureAggregate(snapshotted(Customer.class, customerFactory, customerThreshold, cached));
            configurer.configureAggregate(snapshotted(Contract.class, contractFactory, contractThreshold, cached));
            configurer.configureAggregate(snapshotted(Quota.class, quotaFactory, quotaThreshold, cached));
        };
    }

    private static <A> AggregateConfigurer<A> snapshotted(Class<A> type, AggregateFactory<A> factory, int threshold,
                                                          int cached) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureAggregateFactory(c -> factory)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold))
                .configureCache(c -> new RecentAggregatesCache(cached));
    }

    /**
     * Pricing handles its events in order per customer, so two entries never price on the same contract at once.
     * How it and the other processors deal with failures: {@code ProcessingConfiguration}.
     */
    @Bean
    ConfigurerModule pricingProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(PricingProcess.NAME, c -> AxonConfiguration::customerOfTimeEntry);
    }

    /** Every event processor commits without waiting for the disk; see {@link AsynchronousCommitTransactionManager}. */
    @Bean
    ConfigurerModule eventProcessorsCommitAsynchronously(DataSource dataSource) {
        TransactionManager asynchronousCommit =
                new SpringTransactionManager(new AsynchronousCommitTransactionManager(dataSource));
        return configurer -> configurer.eventProcessing().registerDefaultTransactionManager(c -> asynchronousCommit);
    }

    private static Object customerOfTimeEntry(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof TimeLogged e) {
            return e.customerId();
        }
        if (payload instanceof TimeEntryCorrected e) {
            return e.customerId();
        }
        if (payload instanceof TimeEntryVoided e) {
            return e.customerId();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new GlobalMetricRegistry(meterRegistry);
    }

    /**
     * Axon's metrics with payload types for the command bus and the event store. Event processors are measured
     * without per-message dimensions: seven processors see every event, and looking up tagged meters for each of
     * them cost more CPU than handling the events. The command bus counts and times its commands but has no
     * capacity gauge: Axon's keeps every command's duration of the last ten minutes in a skip list, about 60 MB of
     * heap at this load.
     */
    @Bean
    ConfigurerModule axonMetrics(GlobalMetricRegistry metrics) {
        return configurer -> configurer.configureMessageMonitor(c -> (componentType, componentName) -> {
            if (EventProcessor.class.isAssignableFrom(componentType)) {
                return NoOpMessageMonitor.INSTANCE;
            }
            if (CommandBus.class.isAssignableFrom(componentType)) {
                return new MultiMessageMonitor<>(
                        MessageCountingMonitor.buildMonitor(componentName, metrics.getRegistry(), PAYLOAD_TYPE),
                        MessageTimerMonitor.buildMonitor(componentName, metrics.getRegistry(), PAYLOAD_TYPE));
            }
            if (EventBus.class.isAssignableFrom(componentType)) {
                return anyMessage(metrics.registerEventBus(componentName, PAYLOAD_TYPE));
            }
            return NoOpMessageMonitor.INSTANCE;
        });
    }

    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> anyMessage(MessageMonitor<?> monitor) {
        return (MessageMonitor<Message<?>>) monitor;
    }
}
