package de.ticketwerk.app.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * The persistent schedule (db-scheduler, table scheduled_tasks) behind Axon's deadline manager, which Axon's own
 * auto-configuration builds on this scheduler (R-S2). A deadline is scheduled in the transaction of the command that
 * sets it (the data source joins Spring's transaction), so it is stored exactly when the command's events are. Every
 * node polls; one picks each due task. The scheduler starts when the application is ready and stops before the
 * application's parts do. Recurring tasks (the mail intake, R-S3) run on one node at a time.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, List<RecurringTask<?>> recurring,
                        @Value("${ticketwerk.schedule.polling-interval}") Duration pollingInterval) {
        List<Task<?>> oneTime = tasks.stream().filter(task -> !(task instanceof RecurringTask<?>)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime)
                .startTasks(recurring)
                .pollingInterval(pollingInterval)
                .threads(2)
                .build();
    }

    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SchedulerLifecycle(scheduler);
    }

    record SchedulerLifecycle(Scheduler scheduler) {

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            scheduler.start();
        }

        @EventListener(ContextClosedEvent.class)
        void stop() {
            scheduler.stop();
        }
    }
}
