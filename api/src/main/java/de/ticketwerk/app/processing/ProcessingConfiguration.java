package de.ticketwerk.app.processing;

import de.ticketwerk.documents.invoice.InvoiceDocuments;
import de.ticketwerk.app.registry.Registry;
import de.ticketwerk.pricing.domain.PricingProcess;
import de.ticketwerk.projections.contract.ContractProjection;
import de.ticketwerk.projections.customer.CustomerProjection;
import de.ticketwerk.projections.pricing.PricingProjection;
import de.ticketwerk.projections.quota.QuotaLedgerProjection;
import de.ticketwerk.projections.invoice.InvoiceProjection;
import de.ticketwerk.projections.ticket.TicketProjection;
import de.ticketwerk.quota.domain.QuotaProcess;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happens when an event handler fails. A read model, and a process whose work is a side effect for one
 * aggregate (the documents), retries the event a few times and then sets it aside in a dead-letter queue (table
 * {@code dead_letter_entry}) and goes on with the other aggregates' events; the processes that decide (pricing,
 * quota, the registry) must never skip an event and retry it until it goes through. Either way the failing event
 * shows in the health, the metrics and the log.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    public static final Set<String> READ_MODELS = Set.of(TicketProjection.PROCESSING_GROUP,
            CustomerProjection.PROCESSING_GROUP, ContractProjection.PROCESSING_GROUP,
            PricingProjection.PROCESSING_GROUP, QuotaLedgerProjection.PROCESSING_GROUP,
            InvoiceProjection.PROCESSING_GROUP);
    /** Side effects per aggregate: a failing event is set aside like a read model's, but they are never reset. */
    public static final Set<String> SIDE_EFFECTS = Set.of(InvoiceDocuments.PROCESSING_GROUP);
    /** Every processor that sets a failing event aside: its dead letters are listed, retried and evicted alike. */
    public static final Set<String> SETTING_ASIDE = union(READ_MODELS, SIDE_EFFECTS);
    static final Set<String> PROCESSES = Set.of(PricingProcess.NAME, QuotaProcess.NAME, Registry.PROCESSING_GROUP);

    private static final DeadLetterSchema DEAD_LETTER_SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    @Bean
    ProcessingFailures processingFailures(Clock clock) {
        return new ProcessingFailures(clock);
    }

    @Bean
    ConfigurerModule failureHandling(ProcessingFailures failures, ConnectionProvider connectionProvider,
                                     TransactionManager transactionManager, Serializer serializer,
                                     @Value("${ticketwerk.dead-letters.attempts}") int attempts) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String readModel : SETTING_ASIDE) {
                processing.registerDeadLetterQueue(readModel, c -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(readModel)
                                .connectionProvider(connectionProvider)
                                .transactionManager(transactionManager)
                                .schema(DEAD_LETTER_SCHEMA)
                                .genericSerializer(serializer)
                                .eventSerializer(serializer)
                                .build())
                        .registerDeadLetterPolicy(readModel, c -> new DeadLetterPolicy(readModel, failures, attempts))
                        .registerDeadLetteringEventHandlerInvokerConfiguration(readModel,
                                (c, invoker) -> invoker.enableSequenceIdentifierCache()
                                        .allowReset(READ_MODELS.contains(readModel)))
                        .registerHandlerInterceptor(readModel, c -> new FailureTracking(readModel, failures, true));
            }
            for (String process : PROCESSES) {
                processing.registerListenerInvocationErrorHandler(process, c -> (exception, event, handler) -> {
                            failures.failed(process, event, exception);
                            throw exception;
                        })
                        .registerHandlerInterceptor(process, c -> new FailureTracking(process, failures, false));
            }
        };
    }

    @Bean
    HandlerEnhancerDefinition savepointPerEvent(PlatformTransactionManager transactionManager) {
        return new SavepointPerEvent(transactionManager, SETTING_ASIDE);
    }

    @Bean
    ProcessorsHealth eventProcessorsHealthIndicator(EventProcessingConfiguration processing,
                                                    ProcessingFailures failures, MeterRegistry meters) {
        ProcessorsHealth health = new ProcessorsHealth(processing, failures, SETTING_ASIDE);
        for (String readModel : SETTING_ASIDE) {
            Gauge.builder("ticketwerk.dead.letters", () -> health.deadLetters(readModel))
                    .description("Events a read model or the documents process has set aside after they failed")
                    .tag("processor", readModel).register(meters);
        }
        for (String processor : union(SETTING_ASIDE, PROCESSES)) {
            Gauge.builder("ticketwerk.processor.failing", () -> failures.failure(processor).isPresent() ? 1 : 0)
                    .description("1 while the processor fails on an event, else 0")
                    .tag("processor", processor).register(meters);
        }
        return health;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Collections.unmodifiableSet(all);
    }
}
