package de.ticketwerk.app.config;

import de.ticketwerk.app.config.AggregateConfiguration.WriteSidePorts;
import de.ticketwerk.app.registry.CustomerRegistry;
import de.ticketwerk.app.registry.TicketNumberSeries;
import de.ticketwerk.app.tuning.AggregateCaches;
import de.ticketwerk.invoice.domain.NumberSeries;
import de.ticketwerk.projections.ticket.TicketProjection;
import de.ticketwerk.projections.ticket.TicketQueries;
import de.ticketwerk.ticket.domain.Ticket;
import de.ticketwerk.projections.json.ViewJson;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tickets: the Ticket aggregate, the registry of the customers it may be opened for, its numbers (a series of the
 * invoicing's kind), its read model.
 */
@Configuration(proxyBeanMethods = false)
class TicketsConfiguration {

    @Bean
    AggregateFactory<Ticket> ticketFactory(WriteSidePorts ports) {
        return AggregateConfiguration.factory(Ticket.class, ports);
    }

    @Bean
    ConfigurerModule ticketAggregates(AggregateFactory<Ticket> ticketFactory, SnapshotProperties snapshots,
                                      AggregateCaches caches) {
        return configurer -> configurer.configureAggregate(AggregateConfiguration.snapshotted(Ticket.class,
                ticketFactory, snapshots.ticketAfterEvents(), caches));
    }

    @Bean
    CustomerRegistry customerRegistry(JdbcTemplate jdbcTemplate, ViewJson viewJson) {
        return new CustomerRegistry(jdbcTemplate, viewJson);
    }

    @Bean
    TicketNumberSeries ticketNumbers(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new TicketNumberSeries(() -> axon.getObject().repository(NumberSeries.class));
    }

    @Bean
    TicketProjection ticketProjection(JdbcTemplate jdbcTemplate) {
        return new TicketProjection(jdbcTemplate);
    }

    @Bean
    TicketQueries ticketQueries(JdbcTemplate jdbcTemplate) {
        return new TicketQueries(jdbcTemplate);
    }
}
