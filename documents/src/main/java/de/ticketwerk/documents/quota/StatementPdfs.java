package de.ticketwerk.documents.quota;

import de.ticketwerk.customer.api.CustomerDetails;
import de.ticketwerk.documents.Download;
import de.ticketwerk.documents.PdfDocuments;
import de.ticketwerk.invoice.api.InvoiceParties.Party;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.projections.customer.CustomerQueries;
import de.ticketwerk.projections.customer.CustomerView;
import de.ticketwerk.projections.quota.StatementQueries;
import de.ticketwerk.projections.quota.Statements.AnnualStatement;
import de.ticketwerk.projections.quota.Statements.MonthBalance;
import de.ticketwerk.projections.quota.Statements.QuarterlyStatement;
import de.ticketwerk.rules.StateConflict;

import java.util.List;
import java.util.Map;

/**
 * The quarterly and annual statements as PDF/A-3 for the customer (R-Q6, R-I8), with the quota's months drawn as a
 * chart: the quota year up to the quarter's end, or the whole quota year. Rendered when asked for, not stored: a
 * statement is computed from the ledger as it stands.
 */
public class StatementPdfs {

    private final PdfDocuments pdfs = new PdfDocuments();
    private final StatementQueries statements;
    private final CustomerQueries customers;
    private final Party seller;

    public StatementPdfs(StatementQueries statements, CustomerQueries customers, Party seller) {
        this.statements = statements;
        this.customers = customers;
        this.seller = seller;
    }

    public Download quarterly(ContractView contract, QuarterlyStatement s) {
        return quarterly(contract, s, statements.months(contract, s.quotaYearFrom(), s.to()));
    }

    public Download quarterly(ContractView contract, QuarterlyStatement s, List<MonthBalance> months) {
        return pdf("quarterly-statement", "zwischenstand-" + s.year() + "-q" + s.quarter() + ".pdf",
                contract, months, s);
    }

    public Download annual(ContractView contract, AnnualStatement s) {
        return annual(contract, s, statements.months(contract, s.from(), s.to()));
    }

    public Download annual(ContractView contract, AnnualStatement s, List<MonthBalance> months) {
        return pdf("annual-statement", "jahresaufstellung-" + s.year() + ".pdf", contract, months, s);
    }

    private Download pdf(String template, String filename, ContractView contract, List<MonthBalance> months,
                         Object statement) {
        byte[] content = pdfs.render(template, Map.of("s", statement, "months", months,
                "chart", QuotaChart.of(months), "seller", seller, "buyer", buyer(contract)));
        return new Download(filename, Download.PDF, content);
    }

    private CustomerDetails buyer(ContractView contract) {
        return customers.find(contract.customerId(), Scope.ALL).map(CustomerView::details)
                .orElseThrow(() -> new StateConflict("R-Q6", "customer " + contract.customerId()
                        + " is not readable yet"));
    }
}
