package com.campaignkpi.rollup;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the store holds for a span of days: the rollups that are whole and readable, and the late marks.
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
