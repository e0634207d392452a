package de.ticketwerk.customer.api;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.rules.RuleViolation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A customer's master data: who they are, where (the state decides holidays), how accounting knows them, and who is
 * told what by e-mail (R-S4: the addresses chosen for each kind; none by default).
 */
public record CustomerDetails(String name, Address address, FederalState federalState, String vatId,
                              String debtorNumber, List<String> reportEmails,
                              Map<NotificationKind, List<String>> notifications) {

    public CustomerDetails {
        Objects.requireNonNull(federalState, "federalState is required");
        if (name == null || name.isBlank()) {
            throw new RuleViolation("R-CU1", "a customer needs a name");
        }
        reportEmails = reportEmails == null ? List.of() : List.copyOf(reportEmails);
        notifications = notifications == null ? Map.of() : notifications.entrySet().stream()
                .filter(kind -> !kind.getValue().isEmpty())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, kind -> List.copyOf(kind.getValue())));
    }

    /** The addresses chosen for {@code kind}; empty when nobody is to be told. */
    public List<String> notified(NotificationKind kind) {
        return notifications.getOrDefault(kind, List.of());
    }
}
