package de.ticketwerk.app.config;

import de.ticketwerk.projections.json.ViewJson;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What every context uses: the clock, the timers, the read models' JSON. The event store, the buses, the processors,
 * the aggregates' common parts and the database have configurations of their own beside this one.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

    /** The system clock, or a fixed instant for demos and tests ({@code ticketwerk.clock.fixed}, off by default). */
    @Bean
    Clock clock(@Value("${ticketwerk.clock.fixed:}") String fixed) {
        if (fixed.isBlank()) {
            return Clock.systemUTC();
        }
        Instant now = Instant.parse(fixed);
        log.warn("""

                *****************************************************************************
                *  FIXED CLOCK: ticketwerk.clock.fixed={} - the time never moves.      *
                *  Every event is recorded at this instant. Never run production like this. *
                *****************************************************************************""", now);
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    @Bean
    ViewJson viewJson(Serializer serializer) {
        return new ViewJson(serializer);
    }
}
