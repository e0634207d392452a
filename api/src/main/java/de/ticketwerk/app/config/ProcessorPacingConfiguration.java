package de.ticketwerk.app.config;

import de.ticketwerk.documents.invoice.InvoiceDocuments;
import de.ticketwerk.app.tuning.AsynchronousCommitTransactionManager;
import de.ticketwerk.app.tuning.CommandBackPressure;
import de.ticketwerk.app.tuning.ProcessorWakingEventSource;
import de.ticketwerk.pricing.domain.PricingProcess;
import de.ticketwerk.ticket.api.TimeEntryEvent;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;

/** How event processors commit and order their events, and how commands wait for them when they fall behind. */
@Configuration(proxyBeanMethods = false)
class ProcessorPacingConfiguration {

    /**
     * On the bus, so that every command passes it, whichever gateway sent it. The documents process does not count:
     * rendering a month's invoices takes minutes and holds up no read model, so issuing need not wait for it.
     */
    @Bean
    CommandBackPressure commandBackPressure(CommandBus commandBus, EventProcessingConfiguration processing,
                                            ProcessorWakingEventSource eventSource,
                                            @Value("${ticketwerk.back-pressure.max-backlog}") long maxBacklog,
                                            @Value("${ticketwerk.back-pressure.max-wait}") Duration maxWait) {
        CommandBackPressure backPressure = new CommandBackPressure(
                CommandBackPressure.backlog(processing, eventSource::head, Set.of(InvoiceDocuments.PROCESSING_GROUP)),
                maxBacklog, maxWait);
        commandBus.registerDispatchInterceptor(backPressure.interceptor());
        return backPressure;
    }

    /**
     * Pricing handles its events in order per customer, so two entries never price on the same contract at once.
     * How it and the other processors deal with failures: {@code ProcessingConfiguration}.
     */
    @Bean
    ConfigurerModule pricingProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(PricingProcess.NAME, c -> ProcessorPacingConfiguration::customerOfTimeEntry);
    }

    /** Every event processor commits without waiting for the disk; see {@link AsynchronousCommitTransactionManager}. */
    @Bean
    ConfigurerModule eventProcessorsCommitAsynchronously(DataSource dataSource) {
        TransactionManager asynchronousCommit =
                new SpringTransactionManager(new AsynchronousCommitTransactionManager(dataSource));
        return configurer -> configurer.eventProcessing().registerDefaultTransactionManager(c -> asynchronousCommit);
    }

    private static Object customerOfTimeEntry(EventMessage<?> event) {
        if (TimeEntryEvent.class.isAssignableFrom(event.getPayloadType())) {
            return ((TimeEntryEvent) event.getPayload()).customerId();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
