package de.ticketwerk.app.tuning;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CommandBackPressureTest {

    private final AtomicLong backlog = new AtomicLong();
    private final CommandBackPressure backPressure = new CommandBackPressure(backlog::get, 100, Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        backPressure.close();
    }

    private CompletableFuture<Long> dispatch() {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            backPressure.interceptor().handle(List.of(GenericCommandMessage.asCommandMessage("a command")));
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        });
    }

    @Test
    void aCommandGoesAtOnceWhileTheProcessorsKeepUp() throws Exception {
        backlog.set(100);

        assertThat(dispatch().get(1, TimeUnit.SECONDS)).isLessThan(100);
    }

    @Test
    void aCommandWaitsWhileTheProcessorsAreBehindAndGoesOnceTheyCatchUp() throws Exception {
        backlog.set(101);
        CompletableFuture<Long> goneAt = CompletableFuture.supplyAsync(() -> {
            backPressure.interceptor().handle(List.of(GenericCommandMessage.asCommandMessage("a command")));
            return System.nanoTime();
        });
        Thread.sleep(300);
        assertThat(goneAt).as("held back while 101 events are waiting").isNotDone();

        long caughtUpAt = System.nanoTime();
        backlog.set(3);

        long afterCatchUp = TimeUnit.NANOSECONDS.toMillis(goneAt.get(1, TimeUnit.SECONDS) - caughtUpAt);
        assertThat(afterCatchUp).as("went after the processors caught up, not before").isBetween(0L, 1_000L);
    }

    @Test
    void aCommandWaitsAtMostTheLongestWait() throws Exception {
        backlog.set(10_000);

        assertThat(dispatch().get(5, TimeUnit.SECONDS)).isBetween(1_900L, 3_000L);
    }

    @Test
    void aCommandSentByAProcessorIsNeverHeldBack() {
        backlog.set(10_000);
        DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("a process")).execute(() -> {
            long start = System.nanoTime();
            backPressure.interceptor().handle(List.of(GenericCommandMessage.asCommandMessage("price this entry")));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(100);
        });
    }
}
