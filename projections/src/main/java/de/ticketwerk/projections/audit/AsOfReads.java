package de.ticketwerk.projections.audit;

import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.Revised;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.contract.ContractProjection;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.quota.QuotaLedgerProjection;
import de.ticketwerk.projections.quota.QuotaQueries;
import de.ticketwerk.projections.ticket.TicketProjection;
import de.ticketwerk.projections.ticket.TicketQueries;
import de.ticketwerk.projections.ticket.TicketViews.TicketDetail;
import de.ticketwerk.quota.api.QuotaIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** R-AU2: the reads that can be asked as the product knew them at an instant, each its read model replayed. */
public class AsOfReads {

    private static final List<String> CONTRACT_TABLES = List.of("contract_view");
    private static final List<String> LEDGER_TABLES = List.of("quota_ledger_view");
    private static final List<String> TICKET_TABLES = List.of("ticket_view", "ticket_history_view",
            "ticket_comment_view", "time_entry_view", "time_entry_change_view");

    private final AsOf asOf;
    private final ViewJson json;

    public AsOfReads(AsOf asOf, ViewJson json) {
        this.asOf = asOf;
        this.json = json;
    }

    public Optional<TicketDetail> ticket(UUID ticketId, Scope scope, Instant knownAt) {
        return asOf.read(knownAt, List.of(ticketId.toString()), TICKET_TABLES, TicketProjection::new,
                jdbc -> new TicketQueries(jdbc).detail(ticketId, scope).map(Revised::view));
    }

    public Optional<ContractView> contract(UUID contractId, Scope scope, Instant knownAt) {
        return asOf.read(knownAt, List.of(contractId.toString()), CONTRACT_TABLES,
                jdbc -> new ContractProjection(jdbc, json, new ContractQueries(jdbc, json)),
                jdbc -> new ContractQueries(jdbc, json).find(contractId, scope));
    }

    /** Empty when the contract had no quota ledger yet. */
    public Optional<QuotaQueries.QuotaBalance> quotaBalance(UUID contractId, LocalDate businessDate,
                                                            Instant knownAt) {
        return asOf.read(knownAt, quota(contractId), LEDGER_TABLES, jdbc -> new QuotaLedgerProjection(jdbc, json),
                jdbc -> {
                    QuotaQueries queries = new QuotaQueries(jdbc);
                    return queries.exists(contractId) ? Optional.of(queries.balance(contractId, businessDate))
                            : Optional.empty();
                });
    }

    public Optional<Page<QuotaQueries.LedgerLine>> quotaLedger(UUID contractId, LocalDate from, LocalDate to,
                                                               UUID entryId, int page, int size, Instant knownAt) {
        return asOf.read(knownAt, quota(contractId), LEDGER_TABLES, jdbc -> new QuotaLedgerProjection(jdbc, json),
                jdbc -> {
                    QuotaQueries queries = new QuotaQueries(jdbc);
                    return queries.exists(contractId)
                            ? Optional.of(queries.ledger(contractId, from, to, entryId, page, size))
                            : Optional.empty();
                });
    }

    private static List<String> quota(UUID contractId) {
        return List.of(QuotaIds.of(contractId).toString());
    }
}
