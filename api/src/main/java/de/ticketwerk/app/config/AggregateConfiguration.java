package de.ticketwerk.app.config;

import de.ticketwerk.app.tuning.AggregateCaches;
import de.ticketwerk.app.tuning.LocksUntilCommit;
import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.ports.ContractDirectory;
import de.ticketwerk.ticket.domain.RegisteredCustomers;
import de.ticketwerk.ticket.domain.ResponsePromises;
import de.ticketwerk.ticket.domain.TicketNumbers;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.deadline.DeadlineManager;
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
import org.springframework.context.annotation.Lazy;

import java.util.List;
import java.util.concurrent.Executors;

/**
 * What every context's aggregates share: the ports their handlers may take, the snapshotter and the caches, and the
 * two ways each context registers its aggregates ({@link #factory}, {@link #snapshotted}).
 */
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

    /** What aggregates' command handlers may take as parameters beyond the command. */
    record WriteSidePorts(RegisteredCustomers registeredCustomers, TicketNumbers ticketNumbers,
                          ResponsePromises responsePromises, ContractDirectory contractDirectory,
                          PublicHolidays publicHolidays, DeadlineManager deadlineManager) {
    }

    /** The deadline manager is Axon's (db-scheduler's, SchedulingConfiguration), built after the aggregates' ports. */
    @Bean
    WriteSidePorts writeSidePorts(RegisteredCustomers registeredCustomers, TicketNumbers ticketNumbers,
                                  ResponsePromises responsePromises, ContractDirectory contractDirectory,
                                  PublicHolidays publicHolidays, @Lazy DeadlineManager deadlineManager) {
        return new WriteSidePorts(registeredCustomers, ticketNumbers, responsePromises, contractDirectory,
                publicHolidays, deadlineManager);
    }

    static <A> AggregateFactory<A> factory(Class<A> type, WriteSidePorts ports) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(type),
                        new SimpleResourceParameterResolverFactory(
                                List.of(ports.registeredCustomers(), ports.ticketNumbers(),
                                        ports.responsePromises(), ports.contractDirectory(), ports.publicHolidays(),
                                        ports.deadlineManager())))));
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
    AggregateCaches aggregateCaches(@Value("${ticketwerk.aggregate-cache.capacity}") int capacity) {
        return new AggregateCaches(capacity);
    }

    static <A> AggregateConfigurer<A> snapshotted(Class<A> type, AggregateFactory<A> factory, int threshold,
                                                  AggregateCaches caches) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureAggregateFactory(c -> factory)
                .configureLockFactory(c -> new LocksUntilCommit())
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold))
                .configureCache(c -> caches.newCache());
    }
}
