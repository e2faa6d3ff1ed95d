package com.campaignkpi.visitor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FirstSeenCacheTest {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    @Test
    void onlyLaterTimesAreCovered() {
        FirstSeenCache cache = new FirstSeenCache();
        cache.remember("G-A#client#1", 1_000, 0);

        assertTrue(cache.coveredAt("G-A#client#1", 1_000, MINUTE_NANOS));
        assertTrue(cache.coveredAt("G-A#client#1", 5_000, MINUTE_NANOS));
        assertFalse(cache.coveredAt("G-A#client#1", 999, MINUTE_NANOS), "an earlier event must still be written");
        assertFalse(cache.coveredAt("G-A#client#2", 5_000, MINUTE_NANOS));
    }

    @Test
    void earlierTimeReplacesLaterOne() {
        FirstSeenCache cache = new FirstSeenCache();
        cache.remember("k", 5_000, 0);
        cache.remember("k", 9_000, 0);
        cache.remember("k", 2_000, 0);

        assertTrue(cache.coveredAt("k", 2_000, 0));
        assertFalse(cache.coveredAt("k", 1_999, 0));
    }

    @Test
    void entriesExpireAndTheOldestGoFirst() {
        FirstSeenCache cache = new FirstSeenCache();
        cache.remember("k", 1_000, 0);
        assertFalse(cache.coveredAt("k", 1_000, 11 * MINUTE_NANOS), "an erasure elsewhere is noticed in 10 min");

        for (int i = 0; i <= FirstSeenCache.CAPACITY; i++) {
            cache.remember("c" + i, 1_000, 0);
        }
        assertFalse(cache.coveredAt("c0", 1_000, 0));
        assertTrue(cache.coveredAt("c" + FirstSeenCache.CAPACITY, 1_000, 0));
    }
}
