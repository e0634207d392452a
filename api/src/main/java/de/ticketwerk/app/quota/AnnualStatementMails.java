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
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * R-S4 (seed 000): once the quota calendar has closed a QUOTA contract's quota year, the customer is sent the annual
 * statement with its PDF, once per year (the outbox keeps one mail per year), from the events as they stand. Only the
 * last year closed is sent: years that ended before the product knew them are not sent afterwards.
 */
public class AnnualStatementMails {

    private final QuotaProgress progress;
    private final TransactionTemplate transactions;
    private final AsOfReads asOfReads;
    private final ContractQueries contracts;
    private final StatementPdfs pdfs;
    private final Notifications notifications;
    private final MailBodies bodies;
    private final String sender;
    private final Clock clock;

    public AnnualStatementMails(QuotaProgress progress, TransactionTemplate transactions, AsOfReads asOfReads,
                                ContractQueries contracts, StatementPdfs pdfs, Notifications notifications,
                                MailBodies bodies, String sender, Clock clock) {
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

    public void sendClosedYear(UUID contractId, ZoneId zone) {
        ContractView contract = contracts.find(contractId, Scope.ALL).orElse(null);
        if (contract == null) {
            return;
        }
        LocalDate today = Days.dayOf(clock.instant(), zone);
        LocalDate start = contract.startDate();
        int years = (int) ChronoUnit.YEARS.between(start, today);
        if (years < 1) {
            return;
        }
        LocalDate from = start.plusYears(years - 1);
        LocalDate to = start.plusYears(years).minusDays(1);
        if (contract.endDate() != null && contract.endDate().isBefore(from)
                || !progress.closedThrough(contractId).map(through -> through.isAfter(to)).orElse(false)) {
            return;
        }
        int year = from.getYear();
        String cause = "annual:" + contractId + ":" + year;
        if (notifications.sentBefore(cause, NotificationKind.ANNUAL_STATEMENT)
                || notifications.chosen(contract.customerId(), NotificationKind.ANNUAL_STATEMENT).isEmpty()) {
            return;
        }
        asOfReads.annualWithMonths(contractId, year, GenericEventMessage.clock.instant()).ifPresent(annual ->
                transactions.executeWithoutResult(status -> notifications.send(contract.customerId(), null,
                        NotificationKind.ANNUAL_STATEMENT, cause,
                        () -> bodies.annualStatement(annual.statement(), sender),
                        () -> List.of(pdfs.annual(contract, annual.statement(), annual.months())))));
    }
}
