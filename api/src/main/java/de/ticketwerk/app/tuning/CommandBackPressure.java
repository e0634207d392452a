package de.ticketwerk.app.tuning;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Back-pressure: while the event processors are more than {@code maxBacklog} events behind the newest event, a new
 * command from outside (REST, the quota calendar) waits before it is handled, at most {@code maxWait}. Without it
 * the request threads take the CPU under overload and the processors fall further behind for as long as the load
 * lasts: read models and quota ledgers minutes late. A command that a processor sends (pricing, quota) is never held
 * back, since it works the backlog off.
 */
public final class CommandBackPressure implements AutoCloseable {

    private static final long RECOUNT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final LongSupplier backlog;
    private final long maxBacklog;
    private final long maxWaitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition someoneWaits = lock.newCondition();
    private final Condition withinLimit = lock.newCondition();
    private final Thread watcher;
    private int waiting;
    private volatile long counted;
    private volatile long countedAt = System.nanoTime() - RECOUNT_NANOS;

    public CommandBackPressure(LongSupplier backlog, long maxBacklog, Duration maxWait) {
        this.backlog = backlog;
        this.maxBacklog = maxBacklog;
        this.maxWaitNanos = maxWait.toNanos();
        this.watcher = new Thread(this::watch, "back-pressure");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Events between the newest one and the position of the processor furthest behind. Processors that are stopped,
     * rebuilding or failed do not count: a rebuild must not hold back the commands, nor must a processor in error.
     * Nor do those named in {@code notCounted}: processes whose lag leaves every read model current.
     */
    public static LongSupplier backlog(EventProcessingConfiguration processing, LongSupplier head,
                                       Set<String> notCounted) {
        return () -> {
            long newest = head.getAsLong();
            long furthestBehind = newest;
            for (var named : processing.eventProcessors().entrySet()) {
                if (notCounted.contains(named.getKey())
                        || !(named.getValue() instanceof StreamingEventProcessor processor) || !processor.isRunning()
                        || processor.isReplaying() || processor.isError()) {
                    continue;
                }
                for (EventTrackerStatus segment : processor.processingStatus().values()) {
                    OptionalLong position = segment.getCurrentPosition();
                    if (position.isPresent() && !segment.isErrorState()) {
                        furthestBehind = Math.min(furthestBehind, position.getAsLong());
                    }
                }
            }
            return newest - furthestBehind;
        };
    }

    /** For the command bus. Not a bean of its own: Axon would register it on the gateway a second time. */
    public MessageDispatchInterceptor<CommandMessage<?>> interceptor() {
        return this::beforeDispatch;
    }

    private BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> beforeDispatch(
            List<? extends CommandMessage<?>> messages) {
        if (!CurrentUnitOfWork.isStarted()) {
            awaitBacklogWithinLimit();
        }
        return (index, command) -> command;
    }

    private void awaitBacklogWithinLimit() {
        if (currentBacklog() <= maxBacklog) {
            return;
        }
        lock.lock();
        try {
            waiting++;
            someoneWaits.signal();
            long left = maxWaitNanos;
            while (currentBacklog() > maxBacklog && left > 0) {
                left = withinLimit.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting--;
            lock.unlock();
        }
    }

    /** While commands wait, counts the backlog every millisecond and lets them go once it is within the limit. */
    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                lock.lock();
                try {
                    while (waiting == 0) {
                        someoneWaits.await();
                    }
                } finally {
                    lock.unlock();
                }
                LockSupport.parkNanos(RECOUNT_NANOS);
                if (currentBacklog() <= maxBacklog) {
                    lock.lock();
                    try {
                        withinLimit.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counted at most once a millisecond, however many commands ask. */
    private long currentBacklog() {
        long now = System.nanoTime();
        if (now - countedAt >= RECOUNT_NANOS) {
            counted = backlog.getAsLong();
            countedAt = now;
        }
        return counted;
    }

    @Override
    public void close() {
        watcher.interrupt();
    }
}
