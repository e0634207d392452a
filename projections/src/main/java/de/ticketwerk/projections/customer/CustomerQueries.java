package de.ticketwerk.projections.customer;

import de.ticketwerk.projections.json.Documents;
import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.Scope;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class CustomerQueries {

    private final JdbcTemplate jdbc;
    private final Documents documents;

    public CustomerQueries(JdbcTemplate jdbc, Documents documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    public Optional<CustomerView> find(UUID customerId, Scope scope) {
        return jdbc.queryForList("SELECT document FROM customer_view WHERE customer_id = ? AND customer_id = "
                        + "COALESCE(?, customer_id)", String.class, customerId, scope.customerId())
                .stream().findFirst().map(json -> documents.fromJson(json, CustomerView.class));
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
