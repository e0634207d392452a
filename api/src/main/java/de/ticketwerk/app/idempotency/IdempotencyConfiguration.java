package de.ticketwerk.app.idempotency;

import de.ticketwerk.app.tuning.AggregateCaches;
import de.ticketwerk.app.web.Operations;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import java.time.Clock;

/** Requests with an Idempotency-Key: after authentication, since a key belongs to its caller. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

    private final IdempotentRequests requests;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencyConfiguration(JdbcTemplate jdbc, IdempotencyProperties properties, Clock clock) {
        this.requests = new IdempotentRequests(jdbc);
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            PlatformTransactionManager transactions, AggregateCaches caches,
            @Value("${ticketwerk.web.max-body-size}") DataSize maxBody) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                requests, transactions, caches, properties.retention(), maxBody.toBytes(), clock));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** The header in the OpenAPI document of every operation that takes it. */
    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            if (Operations.changes(handler) && !handler.getBeanType().getPackageName().endsWith(".access")) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .schema(new StringSchema().minLength(1).maxLength(255))
                        .description("Sent again with the same request, the first successful answer is returned and "
                                + "nothing is recorded twice; with another request it is 422, while the first is "
                                + "in flight 409. Kept for ticketwerk.idempotency.retention (24 h)."));
            }
            return operation;
        };
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpiredAnswers() {
        requests.forgetBefore(clock.instant().minus(properties.retention()));
    }
}
