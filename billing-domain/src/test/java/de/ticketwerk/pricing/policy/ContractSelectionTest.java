package de.ticketwerk.pricing.policy;

import de.ticketwerk.ports.ContractPeriod;
import de.ticketwerk.pricing.api.Work;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.WorkMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** R-C9: which contract in force prices an entry, by the order the rule gives. */
class ContractSelectionTest {

    private static final UUID CUSTOMER = UUID.randomUUID();

    @ParameterizedTest(name = "{0} in force, {1} {2} {3}: {4}")
    @CsvSource({
            // the defect: STANDARD does not cover on-site work, so the quota pays
            "SERVICE:STANDARD QUOTA, INCIDENT, DEVICE_ADMIN,   ONSITE, QUOTA",
            "SERVICE:STANDARD QUOTA, INCIDENT, DEVICE_ADMIN,   REMOTE, SERVICE:STANDARD",
            // DOMAIN.md's example: BASIC has no REMOTE_SUPPORT, so the quota pays
            "SERVICE:BASIC QUOTA,    INCIDENT, REMOTE_ACCESS,  REMOTE, QUOTA",
            "SERVICE:COMFORT QUOTA,  INCIDENT, DEVICE_ADMIN,   ONSITE, SERVICE:COMFORT",
            // only support work needs the mode's support item
            "SERVICE:BASIC QUOTA,    MAINTENANCE, MONITORING,  REMOTE, SERVICE:BASIC",
            "SERVICE:STANDARD QUOTA, PROJECT,  DEVICE_ADMIN,   REMOTE, SERVICE:STANDARD",
            "SERVICE:STANDARD HOURLY, INCIDENT, DEVICE_ADMIN,  ONSITE, HOURLY",
            "SERVICE:STANDARD HOURLY, INCIDENT, DATA_RECOVERY, REMOTE, HOURLY",
            "SERVICE:STANDARD,        INCIDENT, DEVICE_ADMIN,  ONSITE, SERVICE:STANDARD",
            "QUOTA HOURLY,            INCIDENT, DEVICE_ADMIN,  ONSITE, QUOTA",
            "QUOTA HOURLY,            PROJECT,  DEVICE_ADMIN,  ONSITE, HOURLY",
            "QUOTA,                   PROJECT,  DEVICE_ADMIN,  ONSITE, QUOTA",
            "SERVICE:STANDARD QUOTA,  INCIDENT, HARDWARE_REPAIR, ONSITE, SERVICE:STANDARD",
    })
    void theRulesOrderChoosesTheContract(String inForce, TicketKind kind, ServiceItem item, WorkMode mode,
                                         String chosen) {
        List<ContractPeriod> contracts = new ArrayList<>();
        for (String contract : inForce.trim().split(" +")) {
            contracts.add(period(contract));
        }
        Work work = new Work(kind, item, Fixtures.entry("2026-03-10T10:00", "2026-03-10T11:00", Role.TECHNICIAN,
                mode));

        Optional<ContractPeriod> selected = ContractSelection.contractFor(contracts, work);

        assertThat(selected).map(ContractSelectionTest::name).contains(chosen);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-03-10", "2027-01-05"})
    void onlyContractsInForceOnTheWorkDateCount(LocalDate serviceEnds) {
        ContractPeriod service = new ContractPeriod(UUID.randomUUID(), CUSTOMER, ContractType.SERVICE,
                ServiceLevel.COMFORT, LocalDate.parse("2026-01-01"), serviceEnds, "Europe/Berlin",
                ServiceLevel.COMFORT.includedItems());
        ContractPeriod quota = period("QUOTA");
        Work work = new Work(TicketKind.INCIDENT, ServiceItem.DEVICE_ADMIN,
                Fixtures.entry("2026-06-10T10:00", "2026-06-10T11:00", Role.TECHNICIAN, WorkMode.ONSITE));

        assertThat(ContractSelection.contractFor(List.of(service, quota), work))
                .contains(serviceEnds.getYear() == 2027 ? service : quota);
    }

    private static ContractPeriod period(String spec) {
        String[] parts = spec.split(":");
        ContractType type = ContractType.valueOf(parts[0]);
        ServiceLevel level = parts.length > 1 ? ServiceLevel.valueOf(parts[1]) : null;
        return new ContractPeriod(UUID.randomUUID(), CUSTOMER, type, level, LocalDate.parse("2026-01-01"), null,
                "Europe/Berlin", level == null ? EnumSet.noneOf(ServiceItem.class) : level.includedItems());
    }

    private static String name(ContractPeriod contract) {
        return contract.level() == null ? contract.type().name() : contract.type() + ":" + contract.level();
    }
}
