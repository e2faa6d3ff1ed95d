package com.campaignkpi.snapshot;

import com.campaignkpi.session.Session;
import java.util.List;

/**
 * The sessions of a range and what reading them took.
 *
 * @param sessions   sessions that start in the range, bots included, in start order
 * @param eventsRead events read from the events table, including the day on each side of each span of days read
 * @param rollupDays UTC days whose sessions came from their daily rollup instead of their events
 */
record LoadedSessions(List<Session> sessions, long eventsRead, int rollupDays) {
}
