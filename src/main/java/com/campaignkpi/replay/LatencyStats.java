package com.campaignkpi.replay;

import java.util.Arrays;

/** Request latencies of one outcome, such as HTTP 200, and their percentiles. Safe for concurrent senders. */
final class LatencyStats {

    /**
     * Percentiles in milliseconds, by the nearest-rank method: the smallest latency that at least that share of the
     * requests did not exceed.
     */
    record Summary(int count, double p50, double p90, double p99, double max) {
    }

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                count == 0 ? 0 : millis(sorted[count - 1]));
    }

    /** Returns the nearest-rank percentile in milliseconds, or 0 when there are no latencies. */
    static double percentile(long[] sorted, double share) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(share * sorted.length);
        return millis(sorted[Math.max(rank, 1) - 1]);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
