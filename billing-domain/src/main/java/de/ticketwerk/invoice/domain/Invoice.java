package de.ticketwerk.invoice.domain;

import de.ticketwerk.invoice.api.InvoiceCommands.DraftInvoice;
import de.ticketwerk.invoice.api.InvoiceCommands.HoldBackEntry;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceCancelled;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceDrafted;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceEntryHeldBack;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceIssued;
import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceStatus;
import de.ticketwerk.invoice.api.InvoiceParties;
import de.ticketwerk.invoice.api.ReportEntry;
import de.ticketwerk.invoice.policy.InvoiceMoney;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.rules.StateConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer's invoice for one billing month (R-I1…R-I6): a draft that the month's runs revise, then issued with
 * its number, never changed again, and perhaps cancelled by a cancellation invoice.
 */
public class Invoice {


    @AggregateIdentifier
    private UUID invoiceId;
    private UUID customerId;
    private YearMonth month;
    private InvoiceStatus status;
    private List<InvoiceLine> lines = List.of();
    private List<ReportEntry> report = List.of();
    private Set<UUID> heldBack = new HashSet<>();
    private String number;
    private LocalDate issueDate;

    protected Invoice() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DraftInvoice cmd) {
        if (status == InvoiceStatus.ISSUED || status == InvoiceStatus.CANCELLED) {
            return;
        }
        List<InvoiceLine> drafted = cmd.lines().stream().filter(line -> !heldBack.contains(line.entryId())).toList();
        if (status == null || !drafted.equals(lines) || !cmd.report().equals(report)) {
            apply(new InvoiceDrafted(cmd.invoiceId(), cmd.customerId(), cmd.month(), drafted,
                    InvoiceMoney.totals(drafted), cmd.report(), cmd.actor(), cmd.at()));
        }
    }

    @CommandHandler
    public void handle(HoldBackEntry cmd) {
        requireDraft("R-I2", "only a draft's entries are held back");
        if (lines.stream().noneMatch(line -> cmd.entryId().equals(line.entryId()))) {
            throw new RuleViolation("R-I2", "entry " + cmd.entryId() + " is not on invoice draft " + invoiceId);
        }
        List<InvoiceLine> kept = lines.stream().filter(line -> !cmd.entryId().equals(line.entryId())).toList();
        apply(new InvoiceEntryHeldBack(invoiceId, customerId, cmd.entryId(), cmd.reason(), kept,
                InvoiceMoney.totals(kept), cmd.actor(), cmd.at()));
    }

    /** What an issue must check before it takes a number: a draft with something to charge (R-I4). */
    void requireIssuable() {
        requireDraft("R-I5", "only a draft is issued");
        if (!InvoiceMoney.chargesSomething(lines)) {
            throw new RuleViolation("R-I4", "invoice draft " + invoiceId + " charges nothing: it is not issued");
        }
    }

    void issue(String invoiceNumber, String serviceReportId, LocalDate date, InvoiceParties parties, String actor,
               Instant at) {
        requireIssuable();
        apply(new InvoiceIssued(invoiceId, customerId, month, invoiceNumber, serviceReportId, date,
                InvoiceMoney.dueDate(date), lines, InvoiceMoney.totals(lines), report, parties, actor, at));
    }

    void requireCancellable() {
        if (status != InvoiceStatus.ISSUED) {
            throw new StateConflict("R-I6", "invoice " + invoiceId + " is " + status
                    + ": only an issued invoice is cancelled");
        }
    }

    void cancel(String cancellationNumber, LocalDate date, String reason, InvoiceParties parties, String actor,
                Instant at) {
        requireCancellable();
        List<InvoiceLine> negated = lines.stream().map(InvoiceLine::negated).toList();
        apply(new InvoiceCancelled(invoiceId, customerId, month, cancellationNumber, number, issueDate, date,
                negated, InvoiceMoney.totals(negated), reason, parties, actor, at));
    }

    List<InvoiceLine> lines() {
        return lines;
    }

    private void requireDraft(String rule, String what) {
        if (status != InvoiceStatus.DRAFT) {
            throw new StateConflict(rule, "invoice " + invoiceId + " is " + status + ": " + what);
        }
    }

    @EventSourcingHandler
    void on(InvoiceDrafted event) {
        invoiceId = event.invoiceId();
        customerId = event.customerId();
        month = event.month();
        status = InvoiceStatus.DRAFT;
        lines = event.lines();
        report = event.report();
    }

    @EventSourcingHandler
    void on(InvoiceEntryHeldBack event) {
        heldBack.add(event.entryId());
        lines = event.lines();
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        status = InvoiceStatus.ISSUED;
        number = event.number();
        issueDate = event.issueDate();
    }

    @EventSourcingHandler
    void on(InvoiceCancelled event) {
        status = InvoiceStatus.CANCELLED;
    }
}
