package com.campaignkpi.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The late marks this instance wrote lately, so that an import of a month in thousands of requests writes each day's
 * mark about once per window instead of once per request.
 *
 * <p>Skipping a mark is safe while the window is at most half the snapshots' freshness margin: a rollup counts as
 * current only when it read the events more than the margin after the last mark, so more than half the margin after
 * any event that the skipped mark would have covered was stored.
 */
final class RecentMarks {

    private static final int CAPACITY = 10_000;

    private final Map<String, Long> writtenAtMicros = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Returns the days of {@code property} whose mark this instance has not written within {@code windowMicros}. */
    synchronized List<LocalDate> due(String property, List<LocalDate> days, long nowMicros, long windowMicros) {
        List<LocalDate> due = new ArrayList<>(days.size());
        for (LocalDate day : days) {
            Long written = writtenAtMicros.get(property + "#" + day);
            if (written == null || nowMicros - written >= windowMicros) {
                due.add(day);
            }
        }
        return due;
    }

    /** Records that the marks of {@code days} were stored at {@code nowMicros}. */
    synchronized void written(String property, List<LocalDate> days, long nowMicros) {
        for (LocalDate day : days) {
            writtenAtMicros.put(property + "#" + day, nowMicros);
        }
    }
}
