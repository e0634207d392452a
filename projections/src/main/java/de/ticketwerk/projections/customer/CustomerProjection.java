package de.ticketwerk.projections.customer;

import de.ticketwerk.projections.Scope;
import de.ticketwerk.customer.api.CustomerEvents.CustomerRegistered;
import de.ticketwerk.customer.api.CustomerEvents.CustomerUpdated;
import de.ticketwerk.projections.BatchedWrites;
import de.ticketwerk.projections.json.ViewJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

@ProcessingGroup(CustomerProjection.PROCESSING_GROUP)
public class CustomerProjection {

    public static final String PROCESSING_GROUP = "customers";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final ViewJson documents;
    private final CustomerQueries queries;

    public CustomerProjection(JdbcTemplate jdbc, ViewJson documents, CustomerQueries queries) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc);
        this.documents = documents;
        this.queries = queries;
    }

    @EventHandler
    void on(CustomerRegistered e) {
        CustomerView view = new CustomerView(e.customerId(), e.details(), e.actor(), e.at(), e.actor(), e.at());
        writes.update("INSERT INTO customer_view (customer_id, name, document, revision) VALUES (?, ?, ?, 1)",
                e.customerId(),
                e.details().name(), documents.toJson(view));
    }

    @EventHandler
    void on(CustomerUpdated e) {
        writes.flush();
        CustomerView before = queries.find(e.customerId(), Scope.ALL).orElseThrow();
        CustomerView view = new CustomerView(e.customerId(), e.details(), before.registeredBy(), before.registeredAt(),
                e.actor(), e.at());
        writes.update("UPDATE customer_view SET name = ?, document = ?, revision = revision + 1 WHERE customer_id = ?",
                e.details().name(),
                documents.toJson(view), e.customerId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM customer_view");
    }
}
