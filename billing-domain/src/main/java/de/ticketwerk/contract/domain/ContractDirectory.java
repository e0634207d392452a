package de.ticketwerk.contract.domain;

import de.ticketwerk.contract.api.ContractPeriod;
import de.ticketwerk.customer.api.FederalState;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The registered customers and their contracts' periods, as the write side knows them (never behind). */
public interface ContractDirectory {

    Optional<FederalState> customerState(UUID customerId);

    /** Implementations serialize concurrent callers for the same customer until their transaction ends. */
    List<ContractPeriod> contractsOf(UUID customerId);
}
