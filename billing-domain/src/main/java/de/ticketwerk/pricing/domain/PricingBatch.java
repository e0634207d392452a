package de.ticketwerk.pricing.domain;

import de.ticketwerk.contract.domain.ContractDirectory;
import de.ticketwerk.contract.domain.ContractDirectory.CustomerContracts;
import de.ticketwerk.pricing.domain.PricedEntries.EntryPricingState;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryCorrected;
import de.ticketwerk.ticket.api.TicketEvents.TimeEntryVoided;
import de.ticketwerk.ticket.api.TicketEvents.TimeLogged;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one batch of ticket events needs from the registry, read in two queries when the batch starts: the customers
 * with their contracts, and where each entry was priced. The batch's own pricings and reversals are recorded here as
 * they are decided, because the registry learns of them only when the batch commits.
 */
final class PricingBatch {

    private final ContractDirectory directory;
    private final PricedEntries pricedEntries;
    private final Set<UUID> customersRead = new HashSet<>();
    private final Map<UUID, CustomerContracts> customers = new HashMap<>();
    private final Set<UUID> entriesRead = new HashSet<>();
    private final Map<UUID, EntryPricingState> entries = new HashMap<>();

    private PricingBatch(ContractDirectory directory, PricedEntries pricedEntries) {
        this.directory = directory;
        this.pricedEntries = pricedEntries;
    }

    static PricingBatch read(Collection<?> events, ContractDirectory directory, PricedEntries pricedEntries) {
        Set<UUID> customerIds = new HashSet<>();
        Set<UUID> entryIds = new HashSet<>();
        for (Object event : events) {
            if (event instanceof TimeLogged e) {
                customerIds.add(e.customerId());
                entryIds.add(e.entryId());
            } else if (event instanceof TimeEntryCorrected e) {
                customerIds.add(e.customerId());
                entryIds.add(e.entryId());
            } else if (event instanceof TimeEntryVoided e) {
                entryIds.add(e.entryId());
            }
        }
        PricingBatch batch = new PricingBatch(directory, pricedEntries);
        batch.readCustomers(customerIds);
        batch.readEntries(entryIds);
        return batch;
    }

    Optional<CustomerContracts> customer(UUID customerId) {
        if (!customersRead.contains(customerId)) {
            readCustomers(List.of(customerId));
        }
        return Optional.ofNullable(customers.get(customerId));
    }

    Optional<EntryPricingState> entry(UUID entryId) {
        if (!entriesRead.contains(entryId)) {
            readEntries(List.of(entryId));
        }
        return Optional.ofNullable(entries.get(entryId));
    }

    void decided(UUID entryId, EntryPricingState state) {
        entriesRead.add(entryId);
        entries.put(entryId, state);
    }

    private void readCustomers(Collection<UUID> customerIds) {
        if (!customerIds.isEmpty()) {
            customers.putAll(directory.customers(customerIds));
            customersRead.addAll(customerIds);
        }
    }

    private void readEntries(Collection<UUID> entryIds) {
        if (!entryIds.isEmpty()) {
            entries.putAll(pricedEntries.find(entryIds));
            entriesRead.addAll(entryIds);
        }
    }
}
