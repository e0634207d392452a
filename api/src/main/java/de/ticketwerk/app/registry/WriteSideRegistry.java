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
import de.ticketwerk.quota.domain.QuotaProcess.QuotaContracts;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.domain.RegisteredCustomers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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

    public WriteSideRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isRegistered(UUID customerId) {
        return customerState(customerId).isPresent();
    }

    @Override
    public Optional<FederalState> customerState(UUID customerId) {
        return jdbc.queryForList("SELECT federal_state FROM customer_registry WHERE customer_id = ?", String.class,
                customerId).stream().findFirst().map(FederalState::valueOf);
    }

    @Override
    public List<ContractPeriod> contractsOf(UUID customerId) {
        jdbc.queryForList("SELECT 1 FROM customer_registry WHERE customer_id = ? FOR UPDATE", customerId);
        return jdbc.query("""
                        SELECT contract_id, type, level, start_date, end_date, zone, coverage
                        FROM contract_registry WHERE customer_id = ? ORDER BY start_date, contract_id""",
                (rs, row) -> new ContractPeriod(rs.getObject("contract_id", UUID.class), customerId,
                        ContractType.valueOf(rs.getString("type")),
                        rs.getString("level") == null ? null : ServiceLevel.valueOf(rs.getString("level")),
                        rs.getDate("start_date").toLocalDate(),
                        rs.getDate("end_date") == null ? null : rs.getDate("end_date").toLocalDate(),
                        rs.getString("zone"), coverage(rs.getString("coverage"))),
                customerId);
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
    public Optional<EntryPricingState> find(UUID entryId) {
        return jdbc.query("""
                        SELECT priced_by, by_contract, source_sequence, active
                        FROM entry_pricing_registry WHERE entry_id = ?""",
                (rs, row) -> new EntryPricingState(rs.getObject("priced_by", UUID.class),
                        rs.getBoolean("by_contract"), rs.getLong("source_sequence"), rs.getBoolean("active")),
                entryId).stream().findFirst();
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

    private void record(UUID entryId, UUID pricedBy, boolean byContract, long sourceSequence, boolean active) {
        jdbc.update("""
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
