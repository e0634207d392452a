package de.ticketwerk.app.registry;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.ports.ContractDirectory;
import de.ticketwerk.ports.ContractPeriod;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryVoided;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Customers with their contracts' periods, from customer_registry and contract_registry; read ahead per batch. */
public class CustomerContractsDirectory implements ContractDirectory {

    private final JdbcTemplate jdbc;
    private final BatchReadAhead<CustomerContracts> readAhead = new BatchReadAhead<>(
            event -> event instanceof TimeEntryVoided ? Optional.empty() : Optional.of(event.customerId()),
            this::read);

    public CustomerContractsDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, CustomerContracts> customers(Collection<UUID> customerIds) {
        return readAhead.find(customerIds);
    }

    /**
     * Locks the customers' rows first; the contracts are read by a second statement, which sees what a concurrent
     * conclusion committed while this one waited for the lock (one statement would see the contracts as they were
     * when it started).
     */
    private Map<UUID, CustomerContracts> read(Collection<UUID> customerIds) {
        Map<UUID, FederalState> states = new HashMap<>();
        jdbc.query(connection -> Registry.selectAny(connection, """
                        SELECT customer_id, federal_state FROM customer_registry WHERE customer_id = ANY (?)
                        ORDER BY customer_id FOR UPDATE""", customerIds),
                rs -> {
                    states.put(rs.getObject("customer_id", UUID.class),
                            FederalState.valueOf(rs.getString("federal_state")));
                });
        if (states.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<ContractPeriod>> contracts = new HashMap<>();
        states.keySet().forEach(id -> contracts.put(id, new ArrayList<>()));
        jdbc.query(connection -> Registry.selectAny(connection, """
                        SELECT contract_id, customer_id, type, level, start_date, end_date, zone, coverage
                        FROM contract_registry WHERE customer_id = ANY (?) ORDER BY start_date, contract_id""",
                        states.keySet()),
                rs -> {
                    UUID customerId = rs.getObject("customer_id", UUID.class);
                    contracts.get(customerId).add(new ContractPeriod(rs.getObject("contract_id", UUID.class),
                            customerId, ContractType.valueOf(rs.getString("type")),
                            rs.getString("level") == null ? null : ServiceLevel.valueOf(rs.getString("level")),
                            rs.getDate("start_date").toLocalDate(),
                            rs.getDate("end_date") == null ? null : rs.getDate("end_date").toLocalDate(),
                            rs.getString("zone"), coverage(rs.getString("coverage"))));
                });
        Map<UUID, CustomerContracts> customers = new HashMap<>();
        states.forEach((id, state) -> customers.put(id, new CustomerContracts(state, List.copyOf(contracts.get(id)))));
        return customers;
    }

    private static Set<ServiceItem> coverage(String items) {
        if (items == null || items.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(items.split(",")).map(ServiceItem::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ServiceItem.class)));
    }
}
