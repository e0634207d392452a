package de.ticketwerk.app.registry;

import de.ticketwerk.calendar.Days;
import de.ticketwerk.contract.api.ContractEvents.ContractConcluded;
import de.ticketwerk.contract.api.ContractEvents.ContractTerminated;
import de.ticketwerk.ports.QuotaContracts;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.terms.ContractTerms.ServiceTimes;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.ServiceLevel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every contract's period, type, zone, coverage and service times (table contract_registry). */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class ContractRegistry implements QuotaContracts {

    private final JdbcTemplate jdbc;
    private final ViewJson json;

    /** {@code json}: the events' format, in which the migration that added service times copied them. */
    public ContractRegistry(JdbcTemplate jdbc, ViewJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A contract's period, type and level, and its service times (R-H1, R-S2). */
    public record ContractTimes(UUID contractId, ContractType type, ServiceLevel level, LocalDate startDate,
                                LocalDate endDate, ServiceTimes serviceTimes) {

        public boolean inForceOn(LocalDate date) {
            return Days.within(date, startDate, endDate);
        }
    }

    /** Every contract of the customer with its service times, as committed (no lock: a ticket's open reads it). */
    public List<ContractTimes> contractTimes(UUID customerId) {
        return jdbc.query("""
                        SELECT contract_id, type, level, start_date, end_date, service_times FROM contract_registry
                        WHERE customer_id = ? AND service_times IS NOT NULL ORDER BY contract_id""",
                (rs, n) -> new ContractTimes(rs.getObject("contract_id", UUID.class),
                        ContractType.valueOf(rs.getString("type")),
                        rs.getString("level") == null ? null : ServiceLevel.valueOf(rs.getString("level")),
                        rs.getDate("start_date").toLocalDate(),
                        rs.getDate("end_date") == null ? null : rs.getDate("end_date").toLocalDate(),
                        serviceTimes(rs.getString("service_times"))),
                customerId);
    }

    /** Whose contract it is. */
    public Optional<UUID> customerOf(UUID contractId) {
        return jdbc.queryForList("SELECT customer_id FROM contract_registry WHERE contract_id = ?", UUID.class,
                contractId).stream().findFirst();
    }

    /** A contract's service times; empty for a contract never concluded (or restored without them, V20). */
    public Optional<ServiceTimes> serviceTimes(UUID contractId) {
        return jdbc.query("""
                        SELECT service_times FROM contract_registry
                        WHERE contract_id = ? AND service_times IS NOT NULL""",
                (rs, n) -> serviceTimes(rs.getString("service_times")), contractId).stream().findFirst();
    }

    private ServiceTimes serviceTimes(String stored) {
        return json.fromJson(stored, ServiceTimes.class);
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
                            zone, coverage, service_times)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.contractId(), e.customerId(), e.type().name(), e.level() == null ? null : e.level().name(),
                Date.valueOf(e.startDate()), e.endDate() == null ? null : Date.valueOf(e.endDate()),
                e.terms().zone(), e.terms().coverage().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")), json.toJson(e.terms().serviceTimes()));
    }

    @EventHandler
    void on(ContractTerminated e) {
        jdbc.update("UPDATE contract_registry SET end_date = ? WHERE contract_id = ?", Date.valueOf(e.endDate()),
                e.contractId());
    }
}
