package de.ticketwerk.projections.contract;

import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.Scope;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class ContractQueries {

    private final JdbcTemplate jdbc;
    private final ViewJson documents;

    public ContractQueries(JdbcTemplate jdbc, ViewJson documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    public Optional<ContractView> find(UUID contractId, Scope scope) {
        return jdbc.queryForList("SELECT document FROM contract_view WHERE contract_id = ? AND customer_id = "
                        + "COALESCE(?, customer_id)", String.class, contractId, scope.customerId())
                .stream().findFirst().map(json -> documents.fromJson(json, ContractView.class));
    }

    /** Oldest first. */
    public List<ContractView> ofCustomer(UUID customerId, Scope scope) {
        return jdbc.queryForList("""
                        SELECT document FROM contract_view WHERE customer_id = ? AND customer_id = COALESCE(?, customer_id)
                        ORDER BY start_date, contract_id""", String.class, customerId, scope.customerId()).stream()
                .map(json -> documents.fromJson(json, ContractView.class)).toList();
    }
}
