package de.ticketwerk.projections.customer;

import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.Revised;
import de.ticketwerk.projections.Scope;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class CustomerQueries {

    private final JdbcTemplate jdbc;
    private final ViewJson documents;

    public CustomerQueries(JdbcTemplate jdbc, ViewJson documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    public Optional<CustomerView> find(UUID customerId, Scope scope) {
        return jdbc.queryForList("SELECT document FROM customer_view WHERE customer_id = ? AND customer_id = "
                        + "COALESCE(?, customer_id)", String.class, customerId, scope.customerId())
                .stream().findFirst().map(json -> documents.fromJson(json, CustomerView.class));
    }

    /** With the revision: registration and updates, the customer's ETag. */
    public Optional<Revised<CustomerView>> revised(UUID customerId, Scope scope) {
        return jdbc.query("SELECT document, revision FROM customer_view WHERE customer_id = ? AND customer_id = "
                        + "COALESCE(?, customer_id)",
                (row, n) -> new Revised<>(documents.fromJson(row.getString(1), CustomerView.class), row.getLong(2)),
                customerId, scope.customerId()).stream().findFirst();
    }

    /** By name, case-insensitive; {@code nameContains} filters when given. */
    public Page<CustomerView> list(Scope scope, String nameContains, int page, int size) {
        String pattern = nameContains == null ? "%" : "%" + nameContains.toLowerCase()
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Long total = jdbc.queryForObject("SELECT count(*) FROM customer_view WHERE lower(name) LIKE ? "
                + "AND customer_id = COALESCE(?, customer_id)", Long.class, pattern, scope.customerId());
        List<CustomerView> items = jdbc.queryForList("""
                        SELECT document FROM customer_view
                        WHERE lower(name) LIKE ? AND customer_id = COALESCE(?, customer_id)
                        ORDER BY lower(name), customer_id LIMIT ? OFFSET ?""", String.class,
                        pattern, scope.customerId(), size, (long) page * size).stream()
                .map(json -> documents.fromJson(json, CustomerView.class)).toList();
        return new Page<>(items, page, size, total == null ? 0 : total);
    }
}
