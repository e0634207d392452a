package de.ticketwerk.customer.api;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.rules.RuleViolation;

import java.util.List;
import java.util.Objects;

/** A customer's master data: who they are, where (the state decides holidays), and how accounting knows them. */
public record CustomerDetails(String name, Address address, FederalState federalState, String vatId,
                              String debtorNumber, List<String> reportEmails) {

    public CustomerDetails {
        Objects.requireNonNull(federalState, "federalState is required");
        if (name == null || name.isBlank()) {
            throw new RuleViolation("R-CU1", "a customer needs a name");
        }
        reportEmails = reportEmails == null ? List.of() : List.copyOf(reportEmails);
    }
}
