package de.ticketwerk.app.tuning;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the source of the pooled event processors, telling them when there are new events. Axon's
 * embedded event store offers its streams no such callback, so a pooled processor with nothing to do looks again only
 * every 500 ms, and each asynchronous step of a time entry (pricing, quota, ledger) waited 250 ms on average for it.
 * Here one watcher tails the store from its head (sharing the store's reader with the processors) and calls every
 * processor's callback as soon as it sees new events; they are then available to the processors' streams too.
 */
public final class ProcessorWakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final EmbeddedEventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Thread watcher;
    private volatile boolean watching = true;
    private volatile long head = -1;

    public ProcessorWakingEventSource(EmbeddedEventStore store) {
        this.store = store;
        this.watcher = new Thread(this::watch, "event-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        BlockingStream<TrackedEventMessage<?>> stream = null;
        try {
            while (watching) {
                try {
                    if (stream == null) {
                        stream = store.openStream(store.createHeadToken());
                    }
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (stream.hasNextAvailable()) {
                            stream.nextAvailable().trackingToken().position().ifPresent(position -> head = position);
                        }
                        callbacks.forEach(Runnable::run);
                    }
                } catch (RuntimeException e) {
                    // the database is away for a moment; the processors still look by themselves, and we reopen
                    close(stream);
                    stream = null;
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(stream);
        }
    }

    private static void close(BlockingStream<?> stream) {
        if (stream != null) {
            stream.close();
        }
    }

    /** The position of the newest event seen since start-up, or -1. */
    public long head() {
        return head;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifiedStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void close() {
        watching = false;
        watcher.interrupt();
    }

    private final class NotifiedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        private NotifiedStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                callbacks.remove(current);
            }
            delegate.close();
        }
    }
}
