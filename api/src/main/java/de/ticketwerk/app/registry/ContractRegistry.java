package de.ticketwerk.app.registry;

import de.ticketwerk.contract.api.ContractEvents.ContractConcluded;
import de.ticketwerk.contract.api.ContractEvents.ContractTerminated;
import de.ticketwerk.ports.QuotaContracts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every contract's period, type, zone and coverage (table contract_registry). */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class ContractRegistry implements QuotaContracts {

    private final JdbcTemplate jdbc;

    public ContractRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A QUOTA contract and the zone its days are counted in. */
    public record QuotaContract(UUID contractId, ZoneId zone) {
    }

    @Override
    public boolean isQuota(UUID contractId) {
        return !jdbc.queryForList("SELECT 1 FROM contract_registry WHERE contract_id = ? AND type = 'QUOTA'",
                contractId).isEmpty();
    }

    /** The ledgers the calendar closes every day. */
    public List<QuotaContract> quotaContracts() {
        return jdbc.query("SELECT contract_id, zone FROM contract_registry WHERE type = 'QUOTA' ORDER BY contract_id",
                (rs, n) -> new QuotaContract(rs.getObject("contract_id", UUID.class), ZoneId.of(rs.getString("zone"))));
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
}
