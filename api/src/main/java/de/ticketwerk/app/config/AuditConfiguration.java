package de.ticketwerk.app.config;

import de.ticketwerk.app.access.ActorMetadata;
import de.ticketwerk.projections.audit.AsOf;
import de.ticketwerk.projections.audit.AsOfReads;
import de.ticketwerk.projections.audit.ChainVerification;
import de.ticketwerk.projections.audit.EventChain;
import de.ticketwerk.projections.audit.EventHistory;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.rebuild.ReadModels;
import de.ticketwerk.projections.rebuild.Replay;
import de.ticketwerk.projections.rebuild.ShadowRebuild;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * The auditors' reads (R-AU1…R-AU4: history, stream, reads as known at an instant) and the hash chain's writer.
 * Every event names in its metadata the actor whose request caused it: the command's {@code actor} (set at dispatch)
 * travels to the events it causes, and from an event to the commands a process sends on it. Axon's own correlation
 * (trace and correlation ids) is kept beside it.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetadata.KEY);
    }

    @Bean
    EventChain eventChain(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions,
                          @Value("${ticketwerk.audit.chain-batch:1000}") int batchSize) {
        return new EventChain(jdbcTemplate, new TransactionTemplate(transactions), batchSize);
    }

    @Bean
    ChainVerification chainVerification(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions) {
        return new ChainVerification(jdbcTemplate, new TransactionTemplate(transactions));
    }

    @Bean
    AsOfReads asOfReads(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, Serializer serializer,
                        ViewJson json) {
        return new AsOfReads(new AsOf(jdbcTemplate, new TransactionTemplate(transactions), serializer,
                new FieldsAddedLater()), json, jdbcTemplate);
    }

    @Bean
    EventHistory eventHistory(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions) {
        return new EventHistory(jdbcTemplate, new TransactionTemplate(transactions));
    }

    @Bean
    ShadowRebuild shadowRebuild(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions,
                                Serializer serializer, ViewJson json, Clock clock,
                                @Value("${ticketwerk.audit.rebuild-batch}") int batchSize) {
        return new ShadowRebuild(jdbcTemplate, new Replay(jdbcTemplate, transactions, serializer,
                new FieldsAddedLater(), batchSize), ReadModels.all(json), json, clock);
    }
}
