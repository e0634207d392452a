package de.ticketwerk.projections.rebuild;

import de.ticketwerk.projections.contract.ContractProjection;
import de.ticketwerk.projections.contract.ContractQueries;
import de.ticketwerk.projections.customer.CustomerProjection;
import de.ticketwerk.projections.customer.CustomerQueries;
import de.ticketwerk.projections.invoice.InvoiceProjection;
import de.ticketwerk.projections.invoice.InvoiceQueries;
import de.ticketwerk.projections.json.ViewJson;
import de.ticketwerk.projections.pricing.PricingProjection;
import de.ticketwerk.projections.quota.QuotaLedgerProjection;
import de.ticketwerk.projections.ticket.TicketProjection;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.Function;

/**
 * Every read model: its processing group, the tables it writes, the indexes its handlers read through besides the
 * unique ones (a replay needs only those), the lane of a replay it writes on, and how to make its projection on a
 * template.
 */
public final class ReadModels {

    public record ReadModel(String name, List<String> tables, List<String> indexesRead, Lane lane,
                            Function<JdbcTemplate, Object> projection) {
    }

    /** The ticket read model writes most rows (a third of all events): on a lane of its own, the others on one. */
    public enum Lane { TICKETS, OTHERS }

    public static final List<String> TICKET_TABLES = List.of("ticket_view", "ticket_history_view",
            "ticket_comment_view", "time_entry_view", "time_entry_change_view");
    public static final List<String> CUSTOMER_TABLES = List.of("customer_view");
    public static final List<String> CONTRACT_TABLES = List.of("contract_view");
    public static final List<String> PRICING_TABLES = List.of("time_entry_pricing_view");
    public static final List<String> LEDGER_TABLES = List.of("quota_ledger_view");
    public static final List<String> INVOICE_TABLES = List.of("invoice_view");

    private ReadModels() {
    }

    public static List<ReadModel> all(ViewJson json) {
        return List.of(
                new ReadModel(TicketProjection.PROCESSING_GROUP, TICKET_TABLES, List.of(), Lane.TICKETS,
                        TicketProjection::new),
                new ReadModel(CustomerProjection.PROCESSING_GROUP, CUSTOMER_TABLES, List.of(), Lane.OTHERS,
                        jdbc -> new CustomerProjection(jdbc, json, new CustomerQueries(jdbc, json))),
                new ReadModel(ContractProjection.PROCESSING_GROUP, CONTRACT_TABLES, List.of(), Lane.OTHERS,
                        jdbc -> new ContractProjection(jdbc, json, new ContractQueries(jdbc, json))),
                new ReadModel(PricingProjection.PROCESSING_GROUP, PRICING_TABLES, List.of(), Lane.OTHERS,
                        jdbc -> new PricingProjection(jdbc, json)),
                new ReadModel(QuotaLedgerProjection.PROCESSING_GROUP, LEDGER_TABLES,
                        List.of(QuotaLedgerProjection.ENTRY_INDEX), Lane.OTHERS,
                        jdbc -> new QuotaLedgerProjection(jdbc, json)),
                new ReadModel(InvoiceProjection.PROCESSING_GROUP, INVOICE_TABLES, List.of(), Lane.OTHERS,
                        jdbc -> new InvoiceProjection(jdbc, json, new InvoiceQueries(jdbc, json))));
    }

    public static List<String> tables(List<ReadModel> readModels) {
        return readModels.stream().flatMap(readModel -> readModel.tables().stream()).toList();
    }
}
