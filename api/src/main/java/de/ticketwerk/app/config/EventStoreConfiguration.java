package de.ticketwerk.app.config;

import de.ticketwerk.app.tuning.ProcessorWakingEventSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import javax.sql.DataSource;

/**
 * The JDBC event store and token store on PostgreSQL (tables by Flyway), stored under the names of {@link StoredNames},
 * in Spring transactions. Axon derives its message and event serializers from the one serializer here.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

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
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * The connection of the Spring transaction that every unit of work here runs in. Not wrapped in Axon's
     * {@code UnitOfWorkAwareConnectionProviderWrapper} (its Spring Boot default): that closes the connection again at
     * the end of the unit of work, after Spring has given it back to the pool, and HikariCP's second close empties the
     * statement list of whoever borrowed it next (an {@code ArrayIndexOutOfBoundsException} there, a 500 here).
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * PostgreSQL's unique violation, wherever it is in the cause chain: an append that another writer beat to the
     * aggregate's next sequence number is a conflict (409, or tried again), not an error of the event store.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          Serializer serializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .upcasterChain(new FieldsAddedLater())
                .snapshotFilter(StoredNames::isCurrentSnapshot)
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

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(TOKEN_SCHEMA)
                .contentType(String.class)
                .build();
    }
}
