package de.ticketwerk.invoice.domain;

import de.ticketwerk.invoice.api.InvoiceCommands.CancelInvoice;
import de.ticketwerk.invoice.api.InvoiceCommands.IssueInvoice;
import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceParties;
import de.ticketwerk.invoice.policy.InvoiceContents;
import de.ticketwerk.invoice.policy.DocumentNumbers;
import de.ticketwerk.ports.InvoicedEntries;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.rules.StateConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Issue and cancellation take their numbers (R-I5) in the same unit of work as the invoice's event: the invoice, then
 * the series, always in this order, so that two issues never wait for each other crosswise. A failed issue stores
 * neither, so no number is skipped.
 */
public class InvoiceIssuing {

    private final Repository<Invoice> invoices;
    private final Repository<NumberSeries> series;
    private final InvoicedEntries invoiced;

    public InvoiceIssuing(Repository<Invoice> invoices, Repository<NumberSeries> series, InvoicedEntries invoiced) {
        this.invoices = invoices;
        this.series = series;
        this.invoiced = invoiced;
    }

    /** Answers the invoice number. */
    @CommandHandler
    public String handle(IssueInvoice cmd) {
        Aggregate<Invoice> invoice = invoices.load(cmd.invoiceId().toString());
        invoice.execute(Invoice::requireIssuable);
        requireCurrent(cmd.invoiceId(), invoice.invoke(Invoice::lines));
        requireBuyerAddress(cmd.invoiceId(), cmd.parties());
        int year = cmd.issueDate().getYear();
        String number = take(DocumentNumbers.invoiceSeries(year), cmd.invoiceId(), cmd.at());
        String serviceReportId = take(DocumentNumbers.serviceReportSeries(year), cmd.invoiceId(), cmd.at());
        invoice.execute(i -> i.issue(number, serviceReportId, cmd.issueDate(), cmd.parties(), cmd.actor(), cmd.at()));
        return number;
    }

    /** Answers the cancellation invoice's number. */
    @CommandHandler
    public String handle(CancelInvoice cmd) {
        Aggregate<Invoice> invoice = invoices.load(cmd.invoiceId().toString());
        invoice.execute(Invoice::requireCancellable);
        String number = take(DocumentNumbers.invoiceSeries(cmd.date().getYear()), cmd.invoiceId(), cmd.at());
        invoice.execute(i -> i.cancel(number, cmd.date(), cmd.reason(), cmd.parties(), cmd.actor(), cmd.at()));
        return number;
    }

    /**
     * R-I6: every line is the difference to what was invoiced when the draft was made. Another invoice issued since
     * then for one of its entries makes the draft stale: it would charge that entry twice.
     */
    private void requireCurrent(UUID invoiceId, List<InvoiceLine> lines) {
        List<UUID> entries = lines.stream().map(InvoiceLine::entryId).filter(Objects::nonNull).toList();
        Map<UUID, BigDecimal> now = invoiced.invoicedNet(entries);
        for (InvoiceLine line : lines) {
            if (line.entryId() != null && line.previouslyInvoiced()
                    .compareTo(now.getOrDefault(line.entryId(), BigDecimal.ZERO)) != 0) {
                throw new StateConflict("R-I6", "invoice draft " + invoiceId + " is out of date: entry "
                        + line.entryId() + " was invoiced since; run its month again");
            }
        }
    }

    /** R-I7: checked before a number is taken, so that a refused issue leaves no gap. */
    private static void requireBuyerAddress(UUID invoiceId, InvoiceParties parties) {
        List<String> missing = InvoiceContents.missingBuyerAddress(parties);
        if (!missing.isEmpty()) {
            throw new RuleViolation("R-I7", "invoice " + invoiceId + " is not issued: the customer's postal address "
                    + "lacks " + String.join(", ", missing) + "; complete the customer first");
        }
    }

    private String take(String seriesId, UUID documentId, Instant at) {
        return NumberSeries.next(series, seriesId, documentId, at);
    }
}
