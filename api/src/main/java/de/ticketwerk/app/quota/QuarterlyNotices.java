package de.ticketwerk.app.quota;

import de.ticketwerk.app.mail.Notifications;
import de.ticketwerk.calendar.Days;
import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.documents.mail.MailBodies;
import de.ticketwerk.documents.quota.StatementPdfs;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.audit.AsOfReads;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.projections.quota.Statements.CalendarQuarter;
import de.ticketwerk.projections.quota.Statements.QuarterlyStatement;
import de.ticketwerk.projections.quota.Statements.WithMonths;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * R-S4 (seed 000): the quarterly notifications. Once the quota calendar has closed a QUOTA contract's ledger past a
 * quarter's end, the customer is sent that quarter's figures with the statement's PDF, once; when a later event
 * changes the figures of a quarter already notified (a late entry, R-Q5), a correction follows, once per change.
 * The figures come from the events as they stand (as of now, not from read models that may lag); a notice is recorded
 * with its mail in one transaction, so a crash before that records nothing and a second node's record is refused. A
 * contract's first notice is for the last quarter closed: quarters that ended before are not notified afterwards.
 */
public class QuarterlyNotices {

    private final JdbcTemplate jdbc;
    private final QuotaProgress progress;
    private final TransactionTemplate transactions;
    private final AsOfReads asOfReads;
    private final ContractQueries contracts;
    private final StatementPdfs pdfs;
    private final Notifications notifications;
    private final MailBodies bodies;
    private final String sender;
    private final Clock clock;

    public QuarterlyNotices(JdbcTemplate jdbc, QuotaProgress progress, TransactionTemplate transactions,
                            AsOfReads asOfReads,
                            ContractQueries contracts, StatementPdfs pdfs, Notifications notifications,
                            MailBodies bodies, String sender, Clock clock) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.transactions = transactions;
        this.asOfReads = asOfReads;
        this.contracts = contracts;
        this.pdfs = pdfs;
        this.notifications = notifications;
        this.bodies = bodies;
        this.sender = sender;
        this.clock = clock;
    }

    /** What was last notified of a quarter: its figures, and the quota's last event when they were last compared. */
    private record Notified(int revision, QuarterFigures figures, long checkedSequence) {
    }

    /** The figures a notice states. */
    public record QuarterFigures(long openingBalance, long credited, long used, long forfeited, long settledMinutes,
                                 BigDecimal settledAmount, long closingBalance) {

        static QuarterFigures of(QuarterlyStatement s) {
            return new QuarterFigures(s.openingBalance(), s.credited(), s.used(), s.forfeited(), s.settledMinutes(),
                    s.settledAmount(), s.closingBalance());
        }

        boolean differ(QuarterFigures other) {
            return openingBalance != other.openingBalance || credited != other.credited || used != other.used
                    || forfeited != other.forfeited || settledMinutes != other.settledMinutes
                    || settledAmount.compareTo(other.settledAmount) != 0 || closingBalance != other.closingBalance;
        }
    }

    /**
     * The quarterly notifications read model: one per quarter notified and each correction, newest quarter first,
     * with its mail's recipients, Message-ID and delivery: NO_ADDRESS (the customer chose none, nothing was sent),
     * WAITING, RETRYING (sending failed so far) or SENT.
     */
    public record QuarterlyNotice(int year, int quarter, int revision, boolean correction, Instant dueAt,
                                  Instant recordedAt, QuarterFigures figures, List<String> recipients,
                                  String messageId, String delivery, Instant sentAt, int attempts) {
    }

    public List<QuarterlyNotice> of(UUID contractId) {
        return jdbc.query("""
                        SELECT n.*, m.recipients, m.message_id, m.sent_at, m.attempts
                        FROM quarterly_notice n LEFT JOIN mail_outbox m ON m.mail_id = n.mail_id
                        WHERE n.contract_id = ? ORDER BY n.year DESC, n.quarter DESC, n.revision DESC""",
                (rs, n) -> {
                    boolean mailed = rs.getString("message_id") != null;
                    Timestamp sentAt = rs.getTimestamp("sent_at");
                    int attempts = rs.getInt("attempts");
                    return new QuarterlyNotice(rs.getInt("year"), rs.getInt("quarter"), rs.getInt("revision"),
                            rs.getInt("revision") > 0, rs.getTimestamp("due_at").toInstant(),
                            rs.getTimestamp("recorded_at").toInstant(), figures(rs),
                            mailed ? List.of((String[]) rs.getArray("recipients").getArray()) : List.of(),
                            rs.getString("message_id"), !mailed ? "NO_ADDRESS" : sentAt != null ? "SENT"
                            : attempts > 0 ? "RETRYING" : "WAITING",
                            sentAt == null ? null : sentAt.toInstant(), attempts);
                }, contractId);
    }

    private static QuarterFigures figures(ResultSet rs) throws SQLException {
        return new QuarterFigures(rs.getLong("opening_balance"), rs.getLong("credited"), rs.getLong("used"),
                rs.getLong("forfeited"), rs.getLong("settled_minutes"), rs.getBigDecimal("settled_amount"),
                rs.getLong("closing_balance"));
    }

    /** Notifies the last quarter closed, if not yet, and corrects the quarters notified whose figures changed. */
    public void notifyClosedQuarters(UUID contractId, ZoneId zone) {
        Optional<ContractView> found = contracts.find(contractId, Scope.ALL);
        if (found.isEmpty()) {
            return;
        }
        ContractView contract = found.get();
        long sequence = progress.lastSequence(contractId);
        Map<CalendarQuarter, Notified> notified = notified(contractId);
        List<CalendarQuarter> toCompare = new ArrayList<>(changedSince(contractId, notified, sequence));
        CalendarQuarter last = CalendarQuarter.of(Days.dayOf(clock.instant(), zone)).previous();
        if (!notified.containsKey(last) && !contract.startDate().isAfter(last.to())
                && (contract.endDate() == null || !contract.endDate().isBefore(last.from()))
                && progress.closedThrough(contractId).map(through -> through.isAfter(last.to())).orElse(false)) {
            toCompare.add(last);
        }
        // as-of reads by the time the events were recorded, which is Axon's clock
        Instant knownAt = GenericEventMessage.clock.instant();
        List<WithMonths<QuarterlyStatement>> statements = toCompare.isEmpty() ? List.of()
                : asOfReads.quarterlies(contractId, toCompare, knownAt).orElse(List.of());
        transactions.executeWithoutResult(status -> {
            for (WithMonths<QuarterlyStatement> statement : statements) {
                record(contract, statement, notified.get(new CalendarQuarter(statement.statement().year(),
                        statement.statement().quarter())), zone, sequence);
            }
            jdbc.update("""
                    UPDATE quarterly_notice SET checked_sequence = ? WHERE contract_id = ? AND checked_sequence < ?""",
                    sequence, contractId, sequence);
        });
    }

    private void record(ContractView contract, WithMonths<QuarterlyStatement> statement, Notified before, ZoneId zone,
                        long sequence) {
        QuarterlyStatement s = statement.statement();
        QuarterFigures figures = QuarterFigures.of(s);
        if (before != null && !before.figures().differ(figures)) {
            return;
        }
        int revision = before == null ? 0 : before.revision() + 1;
        int inserted = jdbc.update("""
                        INSERT INTO quarterly_notice (contract_id, year, quarter, revision, customer_id, due_at,
                            recorded_at, checked_sequence, opening_balance, credited, used, forfeited, settled_minutes,
                            settled_amount, closing_balance)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                contract.contractId(), s.year(), s.quarter(), revision, contract.customerId(),
                Timestamp.from(s.to().plusDays(1).atStartOfDay(zone).toInstant()), Timestamp.from(clock.instant()),
                sequence,
                figures.openingBalance(), figures.credited(), figures.used(), figures.forfeited(),
                figures.settledMinutes(), figures.settledAmount(), figures.closingBalance());
        if (inserted == 0) {
            return;
        }
        notifications.send(contract.customerId(), null, NotificationKind.QUARTERLY_STATEMENT,
                        "quarterly:" + contract.contractId() + ":" + s.year() + "-Q" + s.quarter() + ":" + revision,
                        () -> bodies.quarterlyStatement(s, revision > 0, sender),
                        () -> List.of(pdfs.quarterly(contract, s, statement.months())))
                .ifPresent(mailId -> jdbc.update("""
                                UPDATE quarterly_notice SET mail_id = ?
                                WHERE contract_id = ? AND year = ? AND quarter = ? AND revision = ?""",
                        mailId, contract.contractId(), s.year(), s.quarter(), revision));
    }

    private Map<CalendarQuarter, Notified> notified(UUID contractId) {
        return jdbc.query("""
                        SELECT DISTINCT ON (year, quarter) * FROM quarterly_notice WHERE contract_id = ?
                        ORDER BY year, quarter, revision DESC""",
                (rs, n) -> Map.entry(new CalendarQuarter(rs.getInt("year"), rs.getInt("quarter")),
                        new Notified(rs.getInt("revision"), figures(rs), rs.getLong("checked_sequence"))),
                contractId).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The quarters notified that an event recorded since their last comparison may have changed: those that end on or
     * after the earliest business date of such an event (a change carries into every later quarter's balance).
     */
    private List<CalendarQuarter> changedSince(UUID contractId, Map<CalendarQuarter, Notified> notified,
                                               long sequence) {
        if (notified.isEmpty()) {
            return List.of();
        }
        long checked = notified.values().stream().mapToLong(Notified::checkedSequence).min().orElseThrow();
        Date earliest = jdbc.queryForObject("""
                        SELECT MIN(LEAST(payload::jsonb ->> 'workDate', payload::jsonb ->> 'date'))::date
                        FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND sequence_number > ? AND sequence_number <= ?""",
                Date.class, QuotaProgress.quotaId(contractId), checked, sequence);
        if (earliest == null) {
            return List.of();
        }
        return notified.keySet().stream().filter(quarter -> !quarter.to().isBefore(earliest.toLocalDate()))
                .sorted(Comparator.comparing(CalendarQuarter::from)).toList();
    }
}
