package de.ticketwerk.app.config;

import de.ticketwerk.app.mail.MailDelivery;
import de.ticketwerk.app.mail.MailOutbox;
import de.ticketwerk.app.mail.MailOutboxHealth;
import de.ticketwerk.app.mail.Notifications;
import de.ticketwerk.app.mail.QuotaNotifications;
import de.ticketwerk.app.mail.TicketNotifications;
import de.ticketwerk.app.registry.ContractRegistry;
import de.ticketwerk.app.registry.CustomerRegistry;
import de.ticketwerk.app.quota.QuarterlyNotices;
import de.ticketwerk.app.registry.TicketRegistry;
import de.ticketwerk.documents.mail.MailBodies;
import de.ticketwerk.documents.quota.StatementPdfs;
import de.ticketwerk.projections.audit.AsOfReads;
import de.ticketwerk.projections.contract.ContractQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
    QuarterlyNotices quarterlyNotices(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions,
                                      AsOfReads asOfReads, ContractQueries contractQueries, StatementPdfs statementPdfs,
                                      Notifications notifications, MailBodies mailBodies, SellerProperties seller,
                                      Clock clock) {
        return new QuarterlyNotices(jdbcTemplate, new TransactionTemplate(transactions), asOfReads, contractQueries,
                statementPdfs, notifications, mailBodies, seller.name(), clock);
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
