package de.ticketwerk.app.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ticketwerk.idempotency.*}.
 *
 * @param retention how long the answer to a request with an Idempotency-Key is kept and returned again
 */
@ConfigurationProperties("ticketwerk.idempotency")
public record IdempotencyProperties(Duration retention) {

    public IdempotencyProperties {
        retention = retention == null ? Duration.ofHours(24) : retention;
    }
}
