package de.ticketwerk.projections.audit;

import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.Revised;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.contract.ContractProjection;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.projections.invoice.InvoiceProjection;
import de.ticketwerk.projections.invoice.InvoiceQueries;
import de.ticketwerk.projections.invoice.InvoiceView;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.quota.QuotaLedgerProjection;
import de.ticketwerk.projections.pricing.PricingProjection;
import de.ticketwerk.projections.quota.QuotaQueries;
import de.ticketwerk.projections.quota.StatementQueries;
import de.ticketwerk.projections.quota.Statements.AnnualStatement;
import de.ticketwerk.projections.quota.Statements.CalendarQuarter;
import de.ticketwerk.projections.quota.Statements.QuarterlyStatement;
import de.ticketwerk.projections.quota.Statements.WithMonths;
import de.ticketwerk.projections.ticket.TicketProjection;
import de.ticketwerk.projections.ticket.TicketQueries;
import de.ticketwerk.projections.ticket.TicketViews.TicketDetail;
import de.ticketwerk.quota.api.QuotaIds;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static de.ticketwerk.projections.rebuild.ReadModels.CONTRACT_TABLES;
import static de.ticketwerk.projections.rebuild.ReadModels.INVOICE_TABLES;
import static de.ticketwerk.projections.rebuild.ReadModels.LEDGER_TABLES;
import static de.ticketwerk.projections.rebuild.ReadModels.PRICING_TABLES;
import static de.ticketwerk.projections.rebuild.ReadModels.TICKET_TABLES;

/** R-AU2: the reads that can be asked as the product knew them at an instant, each its read model replayed. */
public class AsOfReads {

    private static final List<String> STATEMENT_TABLES = Stream.of(CONTRACT_TABLES, PRICING_TABLES, LEDGER_TABLES)
            .flatMap(List::stream).toList();

    private final AsOf asOf;
    private final ViewJson json;
    private final JdbcTemplate eventTable;

    public AsOfReads(AsOf asOf, ViewJson json, JdbcTemplate eventTable) {
        this.asOf = asOf;
        this.json = json;
        this.eventTable = eventTable;
    }

    public Optional<TicketDetail> ticket(UUID ticketId, Scope scope, Instant knownAt) {
        return asOf.read(knownAt, List.of(ticketId.toString()), TICKET_TABLES,
                jdbc -> List.of(new TicketProjection(jdbc)),
                jdbc -> new TicketQueries(jdbc).detail(ticketId, scope).map(Revised::view));
    }

    public Optional<ContractView> contract(UUID contractId, Scope scope, Instant knownAt) {
        return asOf.read(knownAt, List.of(contractId.toString()), CONTRACT_TABLES,
                jdbc -> List.of(contractProjection(jdbc)),
                jdbc -> new ContractQueries(jdbc, json).find(contractId, scope));
    }

    /** Empty when the contract had no quota ledger yet. */
    public Optional<QuotaQueries.QuotaBalance> quotaBalance(UUID contractId, LocalDate businessDate,
                                                            Instant knownAt) {
        return asOf.read(knownAt, quota(contractId), LEDGER_TABLES, this::ledgerProjection,
                jdbc -> {
                    QuotaQueries queries = new QuotaQueries(jdbc);
                    return queries.exists(contractId) ? Optional.of(queries.balance(contractId, businessDate))
                            : Optional.empty();
                });
    }

    public Optional<Page<QuotaQueries.LedgerLine>> quotaLedger(UUID contractId, LocalDate from, LocalDate to,
                                                               UUID entryId, int page, int size, Instant knownAt) {
        return asOf.read(knownAt, quota(contractId), LEDGER_TABLES, this::ledgerProjection,
                jdbc -> {
                    QuotaQueries queries = new QuotaQueries(jdbc);
                    return queries.exists(contractId)
                            ? Optional.of(queries.ledger(contractId, from, to, entryId, page, size))
                            : Optional.empty();
                });
    }

    /**
     * The invoice list: every invoice drafted up to then (of the customer, when one is named or the scope is a
     * customer's), each replayed. The invoices are found in the event table by their first event.
     */
    public Page<InvoiceView> invoices(Scope scope, UUID customerId, YearMonth month, String status, String number,
                                      int page, int size, Instant knownAt) {
        UUID customer = scope.customerId() != null ? scope.customerId() : customerId;
        List<String> drafted = eventTable.queryForList("""
                SELECT aggregate_identifier FROM domain_event_entry
                WHERE type = 'Invoice' AND sequence_number = 0 AND time_stamp::timestamptz <= ?
                AND (CAST(? AS text) IS NULL OR payload::jsonb ->> 'customerId' = ?)""", String.class,
                Timestamp.from(knownAt.truncatedTo(ChronoUnit.MILLIS)), customer == null ? null : customer.toString(),
                customer == null ? null : customer.toString());
        return asOf.read(knownAt, drafted, INVOICE_TABLES, jdbc -> List.of(new InvoiceProjection(jdbc, json,
                        new InvoiceQueries(jdbc, json))),
                jdbc -> new InvoiceQueries(jdbc, json).list(scope, customerId, month, status, number, page, size));
    }

    /** A QUOTA contract's statement: its contract, its entries' pricing and its ledger, as known then. */
    public Optional<QuarterlyStatement> quarterly(UUID contractId, Scope scope, int year, int quarter,
                                                  Instant knownAt) {
        return statement(contractId, scope, knownAt, (queries, contract) -> queries.quarterly(contract, year, quarter,
                contract.terms().dayOf(knownAt)));
    }

    /** What a quarterly notice sends (R-S4): each quarter's statement and the months of its chart, as known then. */
    public Optional<List<WithMonths<QuarterlyStatement>>> quarterlies(UUID contractId,
                                                                      List<CalendarQuarter> quarters,
                                                                      Instant knownAt) {
        return statement(contractId, Scope.ALL, knownAt, (queries, contract) -> quarters.stream().map(q -> {
            QuarterlyStatement s = queries.quarterly(contract, q.year(), q.quarter(), contract.terms().dayOf(knownAt));
            return new WithMonths<>(s, queries.months(contract, s.quotaYearFrom(), s.to()));
        }).toList());
    }

    /** What the annual statement's mail sends (R-S4): the statement and the months of its chart, as known then. */
    public Optional<WithMonths<AnnualStatement>> annualWithMonths(UUID contractId, int year, Instant knownAt) {
        return statement(contractId, Scope.ALL, knownAt, (queries, contract) -> {
            AnnualStatement s = queries.annual(contract, year, contract.terms().dayOf(knownAt));
            return new WithMonths<>(s, queries.months(contract, s.from(), s.to()));
        });
    }

    public Optional<AnnualStatement> annual(UUID contractId, Scope scope, int year, Instant knownAt) {
        return statement(contractId, scope, knownAt, (queries, contract) -> queries.annual(contract, year,
                contract.terms().dayOf(knownAt)));
    }

    private <T> Optional<T> statement(UUID contractId, Scope scope, Instant knownAt,
                                      BiFunction<StatementQueries, ContractView, T> read) {
        List<String> aggregates = List.of(contractId.toString(), QuotaIds.of(contractId).toString());
        return asOf.read(knownAt, aggregates, STATEMENT_TABLES, jdbc -> List.of(contractProjection(jdbc),
                        new PricingProjection(jdbc, json), new QuotaLedgerProjection(jdbc, json)),
                jdbc -> {
                    QuotaQueries ledger = new QuotaQueries(jdbc);
                    return new ContractQueries(jdbc, json).find(contractId, scope)
                            .filter(contract -> ledger.exists(contractId))
                            .map(contract -> read.apply(new StatementQueries(jdbc, json, ledger), contract));
                });
    }

    private List<Object> ledgerProjection(JdbcTemplate jdbc) {
        return List.of(new QuotaLedgerProjection(jdbc, json));
    }

    private Object contractProjection(JdbcTemplate jdbc) {
        return new ContractProjection(jdbc, json, new ContractQueries(jdbc, json));
    }

    private static List<String> quota(UUID contractId) {
        return List.of(QuotaIds.of(contractId).toString());
    }
}
