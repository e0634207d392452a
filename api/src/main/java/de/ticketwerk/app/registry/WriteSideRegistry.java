package de.ticketwerk.app.registry;

import de.ticketwerk.contract.api.ContractEvents.ContractConcluded;
import de.ticketwerk.contract.api.ContractEvents.ContractTerminated;
import de.ticketwerk.contract.api.ContractPeriod;
import de.ticketwerk.contract.api.ContractType;
import de.ticketwerk.contract.api.ServiceLevel;
import de.ticketwerk.contract.domain.ContractDirectory;
import de.ticketwerk.customer.api.CustomerEvents.CustomerRegistered;
import de.ticketwerk.customer.api.CustomerEvents.CustomerUpdated;
import de.ticketwerk.customer.api.FederalState;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPriced;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPricingReversed;
import de.ticketwerk.pricing.domain.PricedEntries;
import de.ticketwerk.projections.BatchedWrites;
import de.ticketwerk.quota.domain.QuotaProcess.QuotaContracts;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.domain.RegisteredCustomers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the write side must know beyond one aggregate: registered customers, contract periods per customer, and
 * where each time entry was priced. Kept by a subscribing processor, so it is updated in the same transaction as
 * the events and is never behind the commands that consult it.
 */
@ProcessingGroup(WriteSideRegistry.PROCESSING_GROUP)
@DisallowReplay
public class WriteSideRegistry implements RegisteredCustomers, ContractDirectory, PricedEntries, QuotaContracts {

    public static final String PROCESSING_GROUP = "registry";

    private final JdbcTemplate jdbc;
    private final BatchedWrites entryPricings;

    public WriteSideRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.entryPricings = new BatchedWrites(jdbc);
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

    /**
     * Locks the customers' rows first; the contracts are read by a second statement, which sees what a concurrent
     * conclusion committed while this one waited for the lock (one statement would see the contracts as they were
     * when it started).
     */
    @Override
    public Map<UUID, CustomerContracts> customers(Collection<UUID> customerIds) {
        Map<UUID, FederalState> states = new HashMap<>();
        jdbc.query(connection -> selectAny(connection, """
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
        jdbc.query(connection -> selectAny(connection, """
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

    private static PreparedStatement selectAny(Connection connection, String sql, Collection<UUID> ids)
            throws SQLException {
        PreparedStatement select = connection.prepareStatement(sql);
        select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
        return select;
    }

    @Override
    public boolean isQuota(UUID contractId) {
        return !jdbc.queryForList("SELECT 1 FROM contract_registry WHERE contract_id = ? AND type = 'QUOTA'",
                contractId).isEmpty();
    }

    /** The ledgers the calendar closes every day. */
    public List<UUID> quotaContracts() {
        return jdbc.queryForList("SELECT contract_id FROM contract_registry WHERE type = 'QUOTA' ORDER BY contract_id",
                UUID.class);
    }

    @Override
    public Map<UUID, EntryPricingState> find(Collection<UUID> entryIds) {
        Map<UUID, EntryPricingState> found = new HashMap<>();
        jdbc.query(connection -> selectAny(connection, """
                SELECT entry_id, priced_by, by_contract, source_sequence, active
                FROM entry_pricing_registry WHERE entry_id = ANY (?)""", entryIds), rs -> {
            found.put(rs.getObject("entry_id", UUID.class), new EntryPricingState(
                    rs.getObject("priced_by", UUID.class), rs.getBoolean("by_contract"), rs.getLong("source_sequence"),
                    rs.getBoolean("active")));
        });
        return found;
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

    @EventHandler
    void on(ContractConcluded e) {
        jdbc.update("""
                        INSERT INTO contract_registry (contract_id, customer_id, type, level, start_date, end_date,
                            zone, coverage)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                e.contractId(), e.customerId(), e.type().name(), e.level() == null ? null : e.level().name(),
                Date.valueOf(e.startDate()), e.endDate() == null ? null : Date.valueOf(e.endDate()),
                e.terms().zone(), e.terms().coverage().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")));
    }

    @EventHandler
    void on(ContractTerminated e) {
        jdbc.update("UPDATE contract_registry SET end_date = ? WHERE contract_id = ?", Date.valueOf(e.endDate()),
                e.contractId());
    }

    @EventHandler
    void on(TimeEntryPriced e) {
        record(e.entryId(), e.pricedBy(), e.contractId() != null, e.sourceSequence(), true);
    }

    @EventHandler
    void on(TimeEntryPricingReversed e) {
        record(e.entryId(), e.pricedBy(), e.contractId() != null, e.sourceSequence(), false);
    }

    /** Written in one batch when the unit of work that published the events prepares its commit. */
    private void record(UUID entryId, UUID pricedBy, boolean byContract, long sourceSequence, boolean active) {
        entryPricings.update("""
                        INSERT INTO entry_pricing_registry (entry_id, priced_by, by_contract, source_sequence, active)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (entry_id) DO UPDATE SET priced_by = excluded.priced_by,
                            by_contract = excluded.by_contract, source_sequence = excluded.source_sequence,
                            active = excluded.active""",
                entryId, pricedBy, byContract, sourceSequence, active);
    }

    private static Set<ServiceItem> coverage(String items) {
        if (items == null || items.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(items.split(",")).map(ServiceItem::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ServiceItem.class)));
    }
}
