package de.ticketwerk.app.config;

import de.ticketwerk.app.access.ActorMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The command gateway. Within one node Axon's lock per aggregate puts its commands in a row; when another node
 * (or anything else) appended to the aggregate meanwhile, the append conflicts and nothing is stored: the command is
 * then tried again, on the aggregate as it now is, so no update is lost and a stale decision is never stored.
 */
@Configuration(proxyBeanMethods = false)
class CommandConfiguration {

    private static final int RETRIES = 3;
    private static final int RETRY_INTERVAL_MILLIS = 20;

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ActorMetadata actor = new ActorMetadata();
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        RetryScheduler retry = IntervalRetryScheduler.builder().retryExecutor(retries)
                .retryInterval(RETRY_INTERVAL_MILLIS).maxRetryCount(RETRIES).build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(conflictsInOwnTransaction(retry))
                .dispatchInterceptors(actor).build();
    }

    /**
     * Only a conflict, and only for a command in a transaction of its own: inside a surrounding one (a request with an
     * Idempotency-Key, an event processor's batch) the failed append has spoiled it, and the conflict goes back to
     * the caller, who sends the whole again (409 to a client).
     */
    private static RetryScheduler conflictsInOwnTransaction(RetryScheduler retry) {
        return (command, failure, failures, dispatch) -> failure instanceof ConcurrencyException
                && !TransactionSynchronizationManager.isActualTransactionActive()
                && retry.scheduleRetry(command, failure, failures, dispatch);
    }
}
