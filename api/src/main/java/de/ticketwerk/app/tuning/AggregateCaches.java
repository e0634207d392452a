package de.ticketwerk.app.tuning;

import org.axonframework.common.caching.Cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The caches of the aggregates, so that they can be emptied when a transaction that handled commands rolls back
 * after Axon's unit of work committed into it (a request with an Idempotency-Key runs in one transaction with its
 * answer): the cached aggregates would otherwise hold events the store never got.
 */
public final class AggregateCaches {

    private final int capacity;
    private final List<Cache> caches = new CopyOnWriteArrayList<>();

    public AggregateCaches(int capacity) {
        this.capacity = capacity;
    }

    public Cache newCache() {
        Cache cache = new RecentAggregatesCache(capacity);
        caches.add(cache);
        return cache;
    }

    public void forgetAll() {
        caches.forEach(Cache::removeAll);
    }
}
