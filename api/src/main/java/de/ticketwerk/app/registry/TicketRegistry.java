package de.ticketwerk.app.registry;

import de.ticketwerk.ticket.api.TicketEvents.TicketOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;
import java.util.UUID;

/** Each ticket's customer, number and title (table ticket_registry): what a ticket's later events do not carry. */
@ProcessingGroup(Registry.PROCESSING_GROUP)
@DisallowReplay
public class TicketRegistry {

    private final JdbcTemplate jdbc;

    public TicketRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record RegisteredTicket(UUID customerId, String number, String title) {
    }

    /** Empty for a ticket opened before this table. */
    public Optional<RegisteredTicket> ticket(UUID ticketId) {
        return jdbc.query("SELECT customer_id, number, title FROM ticket_registry WHERE ticket_id = ?",
                (rs, n) -> new RegisteredTicket(rs.getObject("customer_id", UUID.class), rs.getString("number"),
                        rs.getString("title")), ticketId).stream().findFirst();
    }

    @EventHandler
    void on(TicketOpened e) {
        jdbc.update("INSERT INTO ticket_registry (ticket_id, customer_id, number, title) VALUES (?, ?, ?, ?)",
                e.ticketId(), e.customerId(), e.number(), e.title());
    }
}
