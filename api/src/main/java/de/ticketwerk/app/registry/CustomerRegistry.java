package de.ticketwerk.app.registry;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.customer.api.CustomerEvents.CustomerRegistered;
import de.ticketwerk.customer.api.CustomerEvents.CustomerUpdated;
import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.ticket.domain.RegisteredCustomers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The registered customers, their federal states and whom they want told what (table customer_registry). */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class CustomerRegistry implements RegisteredCustomers {

    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public CustomerRegistry(JdbcTemplate jdbc, ViewJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What the notifications column holds. */
    record Chosen(Map<NotificationKind, List<String>> notifications) {
    }

    /** R-S4: the addresses the customer chose for {@code kind}, as last registered or updated. */
    public List<String> notified(UUID customerId, NotificationKind kind) {
        return jdbc.queryForList("SELECT notifications FROM customer_registry WHERE customer_id = ?", String.class,
                        customerId).stream().filter(Objects::nonNull).findFirst()
                .map(stored -> json.fromJson(stored, Chosen.class).notifications())
                .map(chosen -> chosen.getOrDefault(kind, List.of())).orElse(List.of());
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
        jdbc.update("INSERT INTO customer_registry (customer_id, federal_state, notifications) VALUES (?, ?, ?)",
                e.customerId(), e.details().federalState().name(),
                json.toJson(new Chosen(e.details().notifications())));
    }

    @EventHandler
    void on(CustomerUpdated e) {
        jdbc.update("UPDATE customer_registry SET federal_state = ?, notifications = ? WHERE customer_id = ?",
                e.details().federalState().name(), json.toJson(new Chosen(e.details().notifications())),
                e.customerId());
    }
}
