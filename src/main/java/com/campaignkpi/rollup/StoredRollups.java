package com.campaignkpi.rollup;

import java.time.LocalDate;
import java.util.Map;

/**
 * Rollups and late marks read for a span of days. Only rollups that are whole and readable are included.
 *
 * @param rollups   readable rollups by UTC day; a day whose chunks are missing, mixed or of another format is absent
 * @param lateMarks when each day last received events after it ended, in microseconds since the epoch
 */
public record StoredRollups(Map<LocalDate, DailyRollup> rollups, Map<LocalDate, Long> lateMarks) {

    public StoredRollups {
        rollups = Map.copyOf(rollups);
        lateMarks = Map.copyOf(lateMarks);
    }
}
