package com.campaignkpi.rollup;

import com.campaignkpi.session.Session;
import java.time.LocalDate;
import java.util.List;

/**
 * The sessions that start on one UTC day, as computed from the events of that day and the days on either side.
 *
 * @param day              the UTC day the sessions start on
 * @param generationMicros when the events were read, in microseconds since the epoch; events stored later are not in
 *                         it, and a {@link com.campaignkpi.ingest.LateMarks late mark} newer than this makes it stale
 * @param settings         the property's session settings it was built with (see {@link RollupSettings})
 * @param sessions         every session of the day, bots included, in start order
 */
public record DailyRollup(LocalDate day, long generationMicros, String settings, List<Session> sessions) {

    public DailyRollup {
        sessions = List.copyOf(sessions);
    }
}
