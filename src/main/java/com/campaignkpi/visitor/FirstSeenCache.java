package com.campaignkpi.visitor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cache of stored first-seen times: for a visitor key, a time that the stored one is at or before.
 * The stored time only moves earlier, so an event at or after a known time needs no conditional write at all. A
 * client that sends one event per request then costs one visitor write per instance and entry lifetime, instead of
 * one per request.
 *
 * <p>Bounded in size, least recently used first out, and in age, because an erasure in another instance deletes the
 * stored item without this one knowing: a visitor erased and back within {@link #LIFETIME} may miss the first-seen
 * time of that return until the entry expires.
 */
final class FirstSeenCache {

    static final int CAPACITY = 50_000;
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private record Known(long firstSeenAtMostMicros, long knownAtNanos) {
    }

    private final Map<String, Known> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Tells whether the store is known to hold a first-seen time at or before {@code micros} for {@code key}. */
    synchronized boolean coveredAt(String key, long micros, long nowNanos) {
        Known entry = known.get(key);
        if (entry == null || nowNanos - entry.knownAtNanos() > LIFETIME.toNanos()) {
            return false;
        }
        return entry.firstSeenAtMostMicros() <= micros;
    }

    /** Records that the stored first-seen time of {@code key} is at or before {@code micros}. */
    synchronized void remember(String key, long micros, long nowNanos) {
        Known entry = known.get(key);
        if (entry == null || micros < entry.firstSeenAtMostMicros()
                || nowNanos - entry.knownAtNanos() > LIFETIME.toNanos()) {
            known.put(key, new Known(micros, nowNanos));
        }
    }

    synchronized void clear() {
        known.clear();
    }
}
