package de.ticketwerk.app.registry;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.customer.api.CustomerDetails;
import de.ticketwerk.customer.api.CustomerEvents.CustomerRegistered;
import de.ticketwerk.customer.api.CustomerEvents.CustomerUpdated;
import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.ticket.domain.RegisteredCustomers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The registered customers, their federal states and whom they want told what (table customer_registry), and the
 * addresses they registered, by which their mail is known (table customer_mail_address).
 */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class CustomerRegistry implements RegisteredCustomers {

    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public CustomerRegistry(JdbcTemplate jdbc, ViewJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What the notifications column holds. */
    record Chosen(Map<NotificationKind, List<String>> notifications) {
    }

    /** R-S4: the addresses the customer chose for {@code kind}, as last registered or updated. */
    public List<String> notified(UUID customerId, NotificationKind kind) {
        return jdbc.queryForList("SELECT notifications FROM customer_registry WHERE customer_id = ?", String.class,
                        customerId).stream().filter(Objects::nonNull).findFirst()
                .map(stored -> json.fromJson(stored, Chosen.class).notifications())
                .map(chosen -> chosen.getOrDefault(kind, List.of())).orElse(List.of());
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
     * R-S3: the customer a mail's sender belongs to: the one that registered the address, else the one whose
     * registered addresses share its domain; none when no customer or more than one does.
     */
    public Optional<UUID> customerOfSender(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        List<UUID> byAddress = jdbc.queryForList("SELECT DISTINCT customer_id FROM customer_mail_address "
                + "WHERE address = ?", UUID.class, lower);
        if (!byAddress.isEmpty()) {
            return byAddress.size() == 1 ? Optional.of(byAddress.get(0)) : Optional.empty();
        }
        List<UUID> byDomain = jdbc.queryForList("SELECT DISTINCT customer_id FROM customer_mail_address "
                + "WHERE split_part(address, '@', 2) = ?", UUID.class, lower.substring(lower.indexOf('@') + 1));
        return byDomain.size() == 1 ? Optional.of(byDomain.get(0)) : Optional.empty();
    }

    @EventHandler
    void on(CustomerRegistered e) {
        jdbc.update("INSERT INTO customer_registry (customer_id, federal_state, notifications) VALUES (?, ?, ?)",
                e.customerId(), e.details().federalState().name(),
                json.toJson(new Chosen(e.details().notifications())));
        addresses(e.customerId(), e.details());
    }

    @EventHandler
    void on(CustomerUpdated e) {
        jdbc.update("UPDATE customer_registry SET federal_state = ?, notifications = ? WHERE customer_id = ?",
                e.details().federalState().name(), json.toJson(new Chosen(e.details().notifications())),
                e.customerId());
        addresses(e.customerId(), e.details());
    }

    private void addresses(UUID customerId, CustomerDetails details) {
        jdbc.update("DELETE FROM customer_mail_address WHERE customer_id = ?", customerId);
        Set<String> addresses = new TreeSet<>();
        Stream.concat(Stream.ofNullable(details.reportEmails()).flatMap(List::stream),
                        Stream.ofNullable(details.notifications()).flatMap(chosen -> chosen.values().stream())
                                .flatMap(List::stream))
                .map(address -> address.toLowerCase(Locale.ROOT)).forEach(addresses::add);
        for (String address : addresses) {
            jdbc.update("INSERT INTO customer_mail_address (address, customer_id) VALUES (?, ?)", address,
                    customerId);
        }
    }
}
