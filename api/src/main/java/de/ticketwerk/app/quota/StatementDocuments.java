package de.ticketwerk.app.quota;

import de.ticketwerk.app.document.PdfDocuments;
import de.ticketwerk.app.document.SellerProperties;
import de.ticketwerk.customer.api.CustomerDetails;
import de.ticketwerk.projections.Scope;
import de.ticketwerk.projections.contract.ContractView;
import de.ticketwerk.projections.customer.CustomerQueries;
import de.ticketwerk.projections.customer.CustomerView;
import de.ticketwerk.projections.quota.StatementQueries;
import de.ticketwerk.projections.quota.Statements.AnnualStatement;
import de.ticketwerk.projections.quota.Statements.MonthBalance;
import de.ticketwerk.projections.quota.Statements.QuarterlyStatement;
import de.ticketwerk.rules.StateConflict;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The quarterly and annual statements as PDF/A-3 for the customer (R-Q6, R-I8), with the quota's months drawn as a
 * chart: the quota year up to the quarter's end, or the whole quota year. Rendered when asked for, not stored: a
 * statement is computed from the ledger as it stands.
 */
@Component
class StatementDocuments {

    private final PdfDocuments pdfs = new PdfDocuments();
    private final StatementQueries statements;
    private final CustomerQueries customers;
    private final SellerProperties seller;

    StatementDocuments(StatementQueries statements, CustomerQueries customers, SellerProperties seller) {
        this.statements = statements;
        this.customers = customers;
        this.seller = seller;
    }

    ResponseEntity<byte[]> quarterly(ContractView contract, QuarterlyStatement s) {
        List<MonthBalance> months = statements.months(contract, s.quotaYearFrom(), s.to());
        return pdf("quarterly-statement", "zwischenstand-" + s.year() + "-q" + s.quarter() + ".pdf",
                contract, months, s);
    }

    ResponseEntity<byte[]> annual(ContractView contract, AnnualStatement s) {
        List<MonthBalance> months = statements.months(contract, s.from(), s.to());
        return pdf("annual-statement", "jahresaufstellung-" + s.year() + ".pdf", contract, months, s);
    }

    private ResponseEntity<byte[]> pdf(String template, String filename, ContractView contract,
                                       List<MonthBalance> months, Object statement) {
        byte[] content = pdfs.render(template, Map.of("s", statement, "months", months,
                "chart", QuotaChart.of(months), "seller", seller.party(), "buyer", buyer(contract)));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(content);
    }

    private CustomerDetails buyer(ContractView contract) {
        return customers.find(contract.customerId(), Scope.ALL).map(CustomerView::details)
                .orElseThrow(() -> new StateConflict("R-Q6", "customer " + contract.customerId()
                        + " is not readable yet"));
    }
}
