package de.ticketwerk.app.invoice;

import de.ticketwerk.calendar.Days;
import de.ticketwerk.invoice.api.InvoiceCommands;
import de.ticketwerk.invoice.api.InvoiceCommands.RecordBillingRun;
import de.ticketwerk.invoice.api.InvoiceEvents.BillingRunRecorded;
import de.ticketwerk.invoice.policy.BillingMonths;
import de.ticketwerk.pricing.domain.PricingProcess;
import de.ticketwerk.projections.contract.ContractProjection;
import de.ticketwerk.projections.pricing.PricingProjection;
import de.ticketwerk.projections.quota.QuotaLedgerProjection;
import de.ticketwerk.quota.domain.QuotaProcess;
import de.ticketwerk.terms.ContractTerms;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * R-I1: the billing run of the month just ended happens by itself, at start-up and every hour (after the quota
 * calendar has booked the settlements) once the processes and read models it reads have caught up; the calendar
 * records each month run, so each month is run by itself once, and a month missed while the application was down is
 * run when it is up again.
 */
@Component
class BillingSchedule {

    private static final Logger log = LoggerFactory.getLogger(BillingSchedule.class);
    private static final ZoneId BERLIN = ZoneId.of(ContractTerms.DEFAULT_ZONE);
    static final String ACTOR = "billing-calendar";

    /** What a run reads: prices, settlements, contracts, the priced entries, the quota ledger. */
    private static final List<String> READS = List.of(PricingProcess.NAME, QuotaProcess.NAME,
            ContractProjection.PROCESSING_GROUP, PricingProjection.PROCESSING_GROUP,
            QuotaLedgerProjection.PROCESSING_GROUP);

    private final BillingRun billingRun;
    private final CommandGateway commands;
    private final EventStore events;
    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private final boolean automatic;

    BillingSchedule(BillingRun billingRun, CommandGateway commands, EventStore events,
                    EventProcessingConfiguration processing, Clock clock,
                    @Value("${ticketwerk.invoicing.run-cron}") String cron) {
        this.billingRun = billingRun;
        this.commands = commands;
        this.events = events;
        this.processing = processing;
        this.clock = clock;
        this.automatic = !Scheduled.CRON_DISABLED.equals(cron);
    }

    /** Months missed while the application was down; none when the automatic run is off ({@code run-cron: "-"}). */
    @EventListener(ApplicationReadyEvent.class)
    void catchUpAtStartUp() {
        if (automatic) {
            runDueMonths();
        }
    }

    @Scheduled(cron = "${ticketwerk.invoicing.run-cron}", zone = ContractTerms.DEFAULT_ZONE)
    void onSchedule() {
        runDueMonths();
    }

    /** False while the months due wait for the read models, or a run failed; the next tick tries again. */
    boolean runDueMonths() {
        YearMonth justEnded = YearMonth.from(Days.dayOf(clock.instant(), BERLIN)).minusMonths(1);
        List<YearMonth> due = BillingMonths.due(lastRun(), justEnded);
        if (!due.isEmpty() && !caughtUp()) {
            log.info("Billing runs of {} wait until {} have caught up", due, READS);
            return false;
        }
        for (YearMonth month : due) {
            try {
                List<BillingRun.Drafted> drafts = billingRun.run(month, null, ACTOR);
                commands.sendAndWait(new RecordBillingRun(InvoiceCommands.BILLING_CALENDAR, month, drafts.size(),
                        clock.instant()));
                log.info("Billing run of {}: {} drafts", month, drafts.size());
            } catch (RuntimeException e) {
                log.error("The billing run of {} failed; the next tick tries again", month, e);
                return false;
            }
        }
        return true;
    }

    private boolean caughtUp() {
        return READS.stream().allMatch(name -> processing.eventProcessor(name, StreamingEventProcessor.class)
                .map(p -> !p.processingStatus().isEmpty() && p.processingStatus().values().stream()
                        .allMatch(status -> status.isCaughtUp() && !status.isReplaying()))
                .orElse(false));
    }

    /** The last month the calendar recorded: its events are one a month. */
    private YearMonth lastRun() {
        YearMonth[] last = {null};
        events.readEvents(InvoiceCommands.BILLING_CALENDAR).asStream()
                .forEach(event -> last[0] = ((BillingRunRecorded) event.getPayload()).month());
        return last[0];
    }
}
