package de.ticketwerk.app.registry;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.customer.api.CustomerEvents.CustomerRegistered;
import de.ticketwerk.customer.api.CustomerEvents.CustomerUpdated;
import de.ticketwerk.ticket.domain.RegisteredCustomers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;
import java.util.UUID;

/** The registered customers and their federal states (table customer_registry). */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class CustomerRegistry implements RegisteredCustomers {

    private final JdbcTemplate jdbc;

    public CustomerRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isRegistered(UUID customerId) {
        return customerState(customerId).isPresent();
    }

    /** A registered customer's federal state. */
    public Optional<FederalState> customerState(UUID customerId) {
        return jdbc.queryForList("SELECT federal_state FROM customer_registry WHERE customer_id = ?", String.class,
                customerId).stream().findFirst().map(FederalState::valueOf);
    }

    @EventHandler
    void on(CustomerRegistered e) {
        jdbc.update("INSERT INTO customer_registry (customer_id, federal_state) VALUES (?, ?)", e.customerId(),
                e.details().federalState().name());
    }

    @EventHandler
    void on(CustomerUpdated e) {
        jdbc.update("UPDATE customer_registry SET federal_state = ? WHERE customer_id = ?",
                e.details().federalState().name(), e.customerId());
    }
}
