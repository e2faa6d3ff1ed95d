package com.campaignkpi.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;

/**
 * Marks of days that received events after they ended. A day's sessions are stored as a daily rollup once the day
 * and the next one are over (see {@code com.campaignkpi.rollup}); a mark newer than a rollup makes snapshots
 * recompute it. Live traffic lands on the current UTC day and writes no mark, so the marks cost nothing on the
 * ingest path except for imports and late hits. Those write one conditional update per day once the events are
 * stored, so the mark's time is after the events', and an instance writes a day's mark at most once per
 * {@link RecentMarks} window. Duplicates count too, because a resent request may complete one whose events were
 * stored before its marks. A mark only moves forward, so a slow instance cannot put back an older time.
 *
 * <p>The marks share the events table with the rollups: partition {@code <property>#rollup}, sort key
 * {@code <UTC day>#late}, attribute {@value #CHANGED_AT} in microseconds since the epoch.
 */
public final class LateMarks {

    /** Partition of a property's rollups and marks: {@code G-ABC#rollup}. */
    public static final String PARTITION_SUFFIX = "#rollup";
    /** Sort key of a day's mark: {@code 2024-03-28#late}, after the day's rollup chunks ({@code 2024-03-28#0000}). */
    public static final String SORT_SUFFIX = "#late";
    public static final String CHANGED_AT = "changedAt";

    private LateMarks() {
    }

    public static String partitionKey(String property) {
        return property + PARTITION_SUFFIX;
    }

    /** Returns the UTC days among {@code events} that are earlier than the UTC day of {@code now}, in order. */
    static List<LocalDate> lateDays(List<TrackedEvent> events, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        TreeSet<LocalDate> lateDays = new TreeSet<>();
        for (TrackedEvent event : events) {
            LocalDate day = EventItems.utcDay(event.timestampMicros());
            if (day.isBefore(today)) {
                lateDays.add(day);
            }
        }
        return List.copyOf(lateDays);
    }
}
