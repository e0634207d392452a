package de.ticketwerk.ports;

import de.ticketwerk.calendar.FederalState;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The registered customers and their contracts' periods, as the write side knows them (never behind). */
public interface ContractDirectory {

    /**
     * The registered ones among the customers, each with its federal state and contract periods; a customer that was
     * never registered is absent. Implementations serialize concurrent callers for the same customer until their
     * transaction ends. An implementation may read ahead for a processor's batch.
     */
    Map<UUID, CustomerContracts> customers(Collection<UUID> customerIds);

    default Optional<CustomerContracts> customer(UUID customerId) {
        return Optional.ofNullable(customers(List.of(customerId)).get(customerId));
    }

    record CustomerContracts(FederalState federalState, List<ContractPeriod> contracts) {
    }
}
