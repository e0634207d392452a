package de.ticketwerk.app.config;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import de.ticketwerk.app.mail.IntakeDesk;
import de.ticketwerk.app.mail.IntakeList;
import de.ticketwerk.app.mail.InvoiceMails;
import de.ticketwerk.app.mail.MailDelivery;
import de.ticketwerk.app.mail.MailIntake;
import de.ticketwerk.app.mail.MailIntake.MailboxProperties;
import de.ticketwerk.app.mail.MailOutbox;
import de.ticketwerk.app.mail.MailOutboxHealth;
import de.ticketwerk.app.mail.Notifications;
import de.ticketwerk.app.mail.QuotaNotifications;
import de.ticketwerk.app.mail.TicketNotifications;
import de.ticketwerk.app.registry.ContractRegistry;
import de.ticketwerk.app.registry.CustomerRegistry;
import de.ticketwerk.app.quota.AnnualStatementMails;
import de.ticketwerk.app.quota.QuarterlyNotices;
import de.ticketwerk.app.quota.QuotaProgress;
import de.ticketwerk.app.registry.TicketRegistry;
import de.ticketwerk.documents.mail.MailBodies;
import de.ticketwerk.documents.quota.StatementPdfs;
import de.ticketwerk.projections.audit.AsOfReads;
import de.ticketwerk.projections.contract.ContractQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Mail (R-S4): the outbox, the notifications that fill it, and its delivery through Spring Boot's mail sender
 * ({@code spring.mail.*}). Without {@code spring.mail.host} nothing is sent (nothing leaves the machine unasked): mails
 * wait in the outbox until a server is configured.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailBodies mailBodies() {
        return new MailBodies();
    }

    @Bean
    MailOutbox mailOutbox(JdbcTemplate jdbcTemplate, @Value("${ticketwerk.mail.from}") String from) {
        return new MailOutbox(jdbcTemplate, from.substring(from.indexOf('@') + 1));
    }

    @Bean
    Notifications notifications(CustomerRegistry customerRegistry, MailOutbox mailOutbox, Clock clock) {
        return new Notifications(customerRegistry, mailOutbox, clock);
    }

    @Bean
    TicketRegistry ticketRegistry(JdbcTemplate jdbcTemplate) {
        return new TicketRegistry(jdbcTemplate);
    }

    @Bean
    TicketNotifications ticketNotifications(TicketRegistry ticketRegistry, Notifications notifications,
                                            MailBodies mailBodies, SellerProperties seller) {
        return new TicketNotifications(ticketRegistry, notifications, mailBodies, seller.name());
    }

    @Bean
    QuotaNotifications quotaNotifications(ContractRegistry contractRegistry, Notifications notifications,
                                          MailBodies mailBodies, SellerProperties seller) {
        return new QuotaNotifications(contractRegistry, notifications, mailBodies, seller.name());
    }

    @Bean
    QuotaProgress quotaProgress(JdbcTemplate jdbcTemplate, EventStore eventStore) {
        return new QuotaProgress(jdbcTemplate, eventStore);
    }

    @Bean
    QuarterlyNotices quarterlyNotices(JdbcTemplate jdbcTemplate, QuotaProgress quotaProgress,
                                      PlatformTransactionManager transactions, AsOfReads asOfReads,
                                      ContractQueries contractQueries, StatementPdfs statementPdfs,
                                      Notifications notifications, MailBodies mailBodies, SellerProperties seller,
                                      Clock clock) {
        return new QuarterlyNotices(jdbcTemplate, quotaProgress, new TransactionTemplate(transactions), asOfReads,
                contractQueries, statementPdfs, notifications, mailBodies, seller.name(), clock);
    }

    @Bean
    AnnualStatementMails annualStatementMails(QuotaProgress quotaProgress, PlatformTransactionManager transactions,
                                              AsOfReads asOfReads, ContractQueries contractQueries,
                                              StatementPdfs statementPdfs, Notifications notifications,
                                              MailBodies mailBodies, SellerProperties seller, Clock clock) {
        return new AnnualStatementMails(quotaProgress, new TransactionTemplate(transactions), asOfReads,
                contractQueries, statementPdfs, notifications, mailBodies, seller.name(), clock);
    }

    @Bean
    InvoiceMails invoiceMails(Notifications notifications, MailBodies mailBodies, SellerProperties seller) {
        return new InvoiceMails(notifications, mailBodies, seller.name());
    }

    @Bean
    IntakeDesk intakeDesk(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, CommandGateway commands,
                          EventStore eventStore, CustomerRegistry customerRegistry, MailOutbox mailOutbox,
                          MailBodies mailBodies, SellerProperties seller, Clock clock) {
        return new IntakeDesk(jdbcTemplate, new TransactionTemplate(transactions), commands, eventStore,
                customerRegistry, mailOutbox, mailBodies, seller.name(), clock);
    }

    @Bean
    IntakeList intakeList(JdbcTemplate jdbcTemplate) {
        return new IntakeList(jdbcTemplate);
    }

    /** R-S3: the support mailbox, read when {@code ticketwerk.mail.intake.host} is set. */
    @Bean
    @ConditionalOnExpression("'${ticketwerk.mail.intake.host:}' != ''")
    MailIntake mailIntake(IntakeDesk intakeDesk, Environment environment) {
        return new MailIntake(Binder.get(environment).bind("ticketwerk.mail.intake", MailboxProperties.class)
                .orElseThrow(() -> new IllegalStateException("ticketwerk.mail.intake is incomplete")), intakeDesk);
    }

    @Bean
    @ConditionalOnExpression("'${ticketwerk.mail.intake.host:}' != ''")
    RecurringTask<Void> mailIntakeTask(MailIntake mailIntake,
                                       @Value("${ticketwerk.mail.intake.interval}") Duration interval) {
        return Tasks.recurring("mail-intake", FixedDelay.of(interval)).execute((instance, context) ->
                mailIntake.poll());
    }

    @Bean
    MailOutboxHealth mailOutboxHealthIndicator(MailOutbox mailOutbox, @Value("${spring.mail.host:}") String host,
                                               @Value("${ticketwerk.mail.late-after}") Duration late, Clock clock) {
        return new MailOutboxHealth(mailOutbox, !host.isBlank(), late, clock);
    }

    @Bean
    @ConditionalOnExpression("'${spring.mail.host:}' != ''")
    MailDelivery mailDelivery(MailOutbox mailOutbox, JavaMailSenderImpl mailSender,
                              PlatformTransactionManager transactions, @Value("${ticketwerk.mail.from}") String from,
                              Clock clock) {
        return new MailDelivery(mailOutbox, mailSender, new TransactionTemplate(transactions), from, clock);
    }

    @Bean
    @ConditionalOnExpression("'${spring.mail.host:}' == ''")
    ApplicationRunner mailDeliveryOff(MailOutbox mailOutbox) {
        return arguments -> log.info("Mail delivery is off (spring.mail.host is not set): {} mails wait in the outbox.",
                mailOutbox.waiting());
    }
}
