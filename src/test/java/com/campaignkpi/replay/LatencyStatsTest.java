package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles of the load test, on latencies worked out by hand. */
class LatencyStatsTest {

    @Test
    void percentilesOfOneToHundredMillis() {
        LatencyStats stats = new LatencyStats();
        // Added out of order and past the initial capacity of 1,024, as concurrent senders would.
        for (int repeat = 0; repeat < 11; repeat++) {
            for (int millis = 100; millis >= 1; millis--) {
                stats.add(millis * 1_000_000L);
            }
        }

        LatencyStats.Summary summary = stats.summary();

        assertEquals(1_100, summary.count());
        assertEquals(50.0, summary.p50(), "550th of 1,100 sorted values");
        assertEquals(90.0, summary.p90());
        assertEquals(99.0, summary.p99());
        assertEquals(100.0, summary.max());
    }

    @Test
    void noLatenciesGiveZero() {
        LatencyStats.Summary summary = new LatencyStats().summary();

        assertEquals(0, summary.count());
        assertEquals(0.0, summary.p99());
        assertEquals(0.0, summary.max());
    }
}
