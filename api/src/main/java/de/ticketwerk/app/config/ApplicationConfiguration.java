package de.ticketwerk.app.config;

import de.ticketwerk.projections.ticket.TicketQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TicketQueries ticketQueries(JdbcTemplate jdbcTemplate) {
        return new TicketQueries(jdbcTemplate);
    }
}
