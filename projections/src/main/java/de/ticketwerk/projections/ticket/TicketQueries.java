package de.ticketwerk.projections.ticket;

import de.ticketwerk.projections.ticket.TicketViews.Comment;
import de.ticketwerk.projections.ticket.TicketViews.HistoryLine;
import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.Revised;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.ticket.TicketViews.TicketDetail;
import de.ticketwerk.projections.ticket.TicketViews.OpenDeadline;
import de.ticketwerk.projections.ticket.TicketViews.TicketSummary;
import de.ticketwerk.projections.ticket.TicketViews.TimeEntry;
import de.ticketwerk.projections.ticket.TicketViews.TimeEntryChange;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

public class TicketQueries {

    private static final String SUMMARY_COLUMNS = """
            ticket_id, number, customer_id, channel, kind, service_item, priority, status, title, reporter, assignee,
            escalation_level, opened_by, opened_at, description, resolution, respond_by, response_met_at,
            response_breached_at, """;
    /** The MSP's people see every change; a customer's people the last one that they can see (R-A3). */
    private static final String ALL_CHANGES = "updated_by, updated_at";
    private static final String PUBLIC_CHANGES = "public_updated_by AS updated_by, public_updated_at AS updated_at";

    private final JdbcTemplate jdbc;

    public TicketQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first, ties broken by id: the order never changes between pages. */
    public Page<TicketSummary> list(Scope scope, UUID customerId, String status, String number, int page,
                                    int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (!scope.all()) {
            where.append(" AND customer_id = ?");
            args.add(scope.customerId());
        }
        if (customerId != null) {
            where.append(" AND customer_id = ?");
            args.add(customerId);
        }
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status);
        }
        if (number != null) {
            where.append(" AND number = ?");
            args.add(number);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM ticket_view" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<TicketSummary> items = jdbc.query("SELECT " + columns(scope) + " FROM ticket_view" + where
                + " ORDER BY opened_at, ticket_id LIMIT ? OFFSET ?", TicketQueries::summary, pageArgs.toArray());
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    /** With the revision: the ticket's events it shows, its ETag (for the MSP's people only: TicketController). */
    public Optional<Revised<TicketDetail>> detail(UUID ticketId, Scope scope) {
        List<Revised<TicketDetail>> found = jdbc.query("SELECT " + columns(scope) + ", revision FROM ticket_view "
                        + "WHERE ticket_id = ? AND customer_id = COALESCE(?, customer_id)",
                (rs, n) -> new Revised<>(new TicketDetail(summary(rs, n), rs.getString("description"),
                        rs.getString("resolution"), history(ticketId), comments(ticketId, scope),
                        timeEntries(ticketId)), rs.getLong("revision")),
                ticketId, scope.customerId());
        return found.stream().findFirst();
    }

    private static String columns(Scope scope) {
        return SUMMARY_COLUMNS + (scope.internal() ? ALL_CHANGES : PUBLIC_CHANGES);
    }

    private List<HistoryLine> history(UUID ticketId) {
        return jdbc.query("""
                        SELECT position, change, status, detail, actor, at FROM ticket_history_view
                        WHERE ticket_id = ? ORDER BY position""",
                (rs, n) -> new HistoryLine(rs.getInt("position"), rs.getString("change"), rs.getString("status"),
                        rs.getString("detail"), rs.getString("actor"), instant(rs, "at")),
                ticketId);
    }

    /** Internal comments only for the MSP's people (R-A3). */
    private List<Comment> comments(UUID ticketId, Scope scope) {
        return jdbc.query("""
                        SELECT comment_id, visibility, text, author, added_at FROM ticket_comment_view
                        WHERE ticket_id = ? AND (? OR visibility <> 'INTERNAL') ORDER BY added_at, comment_id""",
                (rs, n) -> new Comment(rs.getObject("comment_id", UUID.class), rs.getString("visibility"),
                        rs.getString("text"), rs.getString("author"), instant(rs, "added_at")),
                ticketId, scope.internal());
    }

    private List<TimeEntry> timeEntries(UUID ticketId) {
        Map<UUID, List<TimeEntryChange>> changes = jdbc.query("""
                        SELECT c.* FROM time_entry_change_view c JOIN time_entry_view e ON e.entry_id = c.entry_id
                        WHERE e.ticket_id = ? ORDER BY c.entry_id, c.position""",
                (rs, n) -> Map.entry(rs.getObject("entry_id", UUID.class), change(rs)), ticketId)
                .stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.query("""
                        SELECT * FROM time_entry_view WHERE ticket_id = ? ORDER BY work_start, entry_id""",
                (rs, n) -> {
                    UUID entryId = rs.getObject("entry_id", UUID.class);
                    return new TimeEntry(entryId, rs.getString("state"), instant(rs, "work_start"),
                            instant(rs, "work_end"), rs.getLong("minutes"), rs.getString("role"), rs.getString("mode"),
                            rs.getString("description"), rs.getBoolean("billable"),
                            rs.getString("non_billable_reason"), rs.getBoolean("emergency"),
                            rs.getString("technician"), rs.getString("logged_by"), instant(rs, "logged_at"),
                            changes.getOrDefault(entryId, List.of()));
                },
                ticketId);
    }

    /** R-S2: every ticket whose first response is still due, the soonest first. */
    public List<OpenDeadline> openDeadlines() {
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + ALL_CHANGES + """
                        , response_contract_id FROM ticket_view
                        WHERE respond_by IS NOT NULL AND response_met_at IS NULL AND response_breached_at IS NULL
                        ORDER BY respond_by, ticket_id""",
                (rs, n) -> new OpenDeadline(summary(rs, n), rs.getObject("response_contract_id", UUID.class)));
    }

    private static TimeEntryChange change(ResultSet rs) throws SQLException {
        return new TimeEntryChange(rs.getInt("position"), rs.getString("change"), instant(rs, "work_start"),
                instant(rs, "work_end"), rs.getObject("minutes", Long.class), rs.getString("role"),
                rs.getString("mode"), rs.getString("description"), rs.getObject("billable", Boolean.class),
                rs.getString("non_billable_reason"), rs.getObject("emergency", Boolean.class),
                rs.getString("technician"), rs.getString("reason"), rs.getString("actor"), instant(rs, "at"));
    }

    private static TicketSummary summary(ResultSet rs, int rowNum) throws SQLException {
        return new TicketSummary(rs.getObject("ticket_id", UUID.class), rs.getString("number"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("channel"), rs.getString("kind"), rs.getString("service_item"),
                rs.getString("priority"), rs.getString("status"), rs.getString("title"), rs.getString("reporter"),
                rs.getString("assignee"), rs.getInt("escalation_level"), rs.getString("opened_by"),
                instant(rs, "opened_at"), rs.getString("updated_by"), instant(rs, "updated_at"),
                instant(rs, "respond_by"), instant(rs, "response_met_at"), instant(rs, "response_breached_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
