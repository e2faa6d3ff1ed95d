package com.campaignkpi.snapshot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.rollup.DailyRollup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a day may be rolled up, and when a stored rollup is still current. */
class SessionLoaderTest {

    private static final LocalDate DAY = LocalDate.parse("2024-04-03");
    private static final long READ_MICROS = 1_712_300_000_000_000L;
    private static final long MARGIN_MICROS = 60_000_000L;
    private static final String SETTINGS = "timeout=30m;keyEvents=purchase";
    private static final DailyRollup ROLLUP = new DailyRollup(DAY, READ_MICROS, SETTINGS, List.of());

    @Test
    void daySettlesHourAfterNextDay() {
        assertFalse(SessionLoader.settled(DAY, Instant.parse("2024-04-05T00:59:59Z")));
        assertTrue(SessionLoader.settled(DAY, Instant.parse("2024-04-05T01:00:00Z")));
    }

    @Test
    void recentLateMarkMakesRollupStale() {
        assertTrue(SessionLoader.isCurrent(ROLLUP, Map.of(), SETTINGS, MARGIN_MICROS));
        assertTrue(SessionLoader.isCurrent(ROLLUP, Map.of(DAY, READ_MICROS - MARGIN_MICROS - 1), SETTINGS,
                MARGIN_MICROS));
        assertFalse(SessionLoader.isCurrent(ROLLUP, Map.of(DAY, READ_MICROS - MARGIN_MICROS), SETTINGS,
                MARGIN_MICROS));
        assertFalse(SessionLoader.isCurrent(ROLLUP, Map.of(DAY.minusDays(1), READ_MICROS), SETTINGS,
                MARGIN_MICROS));
        assertFalse(SessionLoader.isCurrent(ROLLUP, Map.of(DAY.plusDays(1), READ_MICROS + 5), SETTINGS,
                MARGIN_MICROS));
        assertTrue(SessionLoader.isCurrent(ROLLUP, Map.of(DAY.plusDays(2), READ_MICROS + 5), SETTINGS,
                MARGIN_MICROS));
    }

    @Test
    void otherSessionSettingsMakeItStale() {
        assertFalse(SessionLoader.isCurrent(ROLLUP, Map.of(), "timeout=45m;keyEvents=purchase", MARGIN_MICROS));
    }
}
