package de.ticketwerk.app.registry;

import de.ticketwerk.ticket.api.TimeEntryEvent;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a port's rows for a whole batch of an event processor at once: the first lookup in the batch reads every key
 * the batch's time entry events name, later lookups of those keys cost no query. What the batch itself decides is
 * recorded here too, because its reads must see it before its events reach the tables at its commit. Outside a batch
 * every lookup is read as asked.
 */
final class BatchReadAhead<V> {

    private final String key = BatchReadAhead.class.getName() + "@" + System.identityHashCode(this);
    private final Function<TimeEntryEvent, Optional<UUID>> keyOf;
    private final Function<Collection<UUID>, Map<UUID, V>> read;

    /** {@code keyOf} names what a time entry event of the batch will look up, if anything. */
    BatchReadAhead(Function<TimeEntryEvent, Optional<UUID>> keyOf, Function<Collection<UUID>, Map<UUID, V>> read) {
        this.keyOf = keyOf;
        this.read = read;
    }

    Map<UUID, V> find(Collection<UUID> keys) {
        Optional<Rows<V>> batch = currentBatch(true);
        if (batch.isEmpty()) {
            return read.apply(keys);
        }
        Rows<V> rows = batch.get();
        rows.readMissing(keys, read);
        Map<UUID, V> found = new HashMap<>();
        keys.forEach(k -> {
            V value = rows.values.get(k);
            if (value != null) {
                found.put(k, value);
            }
        });
        return found;
    }

    /** What the current batch decided for {@code k}, so that its next lookup sees it. */
    void written(UUID k, V value) {
        currentBatch(false).ifPresent(rows -> {
            rows.read.add(k);
            rows.values.put(k, value);
        });
    }

    private Optional<Rows<V>> currentBatch(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root instanceof BatchingUnitOfWork<?> batching)) {
            return Optional.empty();
        }
        if (!create) {
            return Optional.ofNullable(root.getResource(key));
        }
        return Optional.of(root.getOrComputeResource(key, k -> {
            Rows<V> rows = new Rows<>();
            Set<UUID> keys = new HashSet<>();
            batching.getMessages().stream()
                    .filter(message -> TimeEntryEvent.class.isAssignableFrom(message.getPayloadType()))
                    .forEach(message -> keyOf.apply((TimeEntryEvent) message.getPayload()).ifPresent(keys::add));
            rows.readMissing(keys, read);
            return rows;
        }));
    }

    private static final class Rows<V> {
        private final Set<UUID> read = new HashSet<>();
        private final Map<UUID, V> values = new HashMap<>();

        void readMissing(Collection<UUID> keys, Function<Collection<UUID>, Map<UUID, V>> reader) {
            List<UUID> missing = keys.stream().filter(k -> !read.contains(k)).distinct().toList();
            if (!missing.isEmpty()) {
                values.putAll(reader.apply(missing));
                read.addAll(missing);
            }
        }
    }
}
