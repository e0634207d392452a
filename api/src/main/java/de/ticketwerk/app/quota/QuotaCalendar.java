package de.ticketwerk.app.quota;

import de.ticketwerk.app.registry.ContractRegistry;
import de.ticketwerk.app.registry.ContractRegistry.QuotaContract;
import de.ticketwerk.calendar.Days;
import de.ticketwerk.quota.api.QuotaCommands.CloseQuotaPeriods;
import de.ticketwerk.quota.api.QuotaIds;
import de.ticketwerk.terms.ContractTerms;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Time that passes: at start-up and every hour, every quota ledger is closed through today, which books the credits
 * due by today and the resets and settlements of every period that has ended. A ledger remembers the day it closed
 * through, so a missed day is caught up exactly once and a repeated call changes nothing. Then the quarters and
 * quota years closed are sent to the customer (R-S4).
 */
@Component
public class QuotaCalendar {

    private static final Logger log = LoggerFactory.getLogger(QuotaCalendar.class);

    private final ContractRegistry registry;
    private final CommandGateway commands;
    private final QuarterlyNotices notices;
    private final AnnualStatementMails annualMails;
    private final Clock clock;

    QuotaCalendar(ContractRegistry registry, CommandGateway commands, QuarterlyNotices notices,
                  AnnualStatementMails annualMails, Clock clock) {
        this.registry = registry;
        this.commands = commands;
        this.notices = notices;
        this.annualMails = annualMails;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAtStartUp() {
        closeEveryQuota();
    }

    @Scheduled(cron = "${ticketwerk.quota.close-cron}", zone = ContractTerms.DEFAULT_ZONE)
    void closeEveryHour() {
        closeEveryQuota();
    }

    public void closeEveryQuota() {
        Instant now = clock.instant();
        for (QuotaContract quota : registry.quotaContracts()) {
            UUID contractId = quota.contractId();
            LocalDate today = Days.dayOf(now, quota.zone());
            try {
                commands.sendAndWait(new CloseQuotaPeriods(QuotaIds.of(contractId), today, clock.instant()));
            } catch (AggregateNotFoundException e) {
                log.info("Quota of contract {} is not open yet; it catches up when it opens", contractId);
                continue;
            } catch (RuntimeException e) {
                log.error("Closing the quota of contract {} through {} failed; the next run retries", contractId,
                        today, e);
                continue;
            }
            try {
                notices.notifyClosedQuarters(contractId, quota.zone());
                annualMails.sendClosedYear(contractId, quota.zone());
            } catch (RuntimeException e) {
                log.error("The statement mails of contract {} failed; the next run retries", contractId, e);
            }
        }
    }
}
