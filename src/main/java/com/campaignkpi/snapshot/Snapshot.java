package com.campaignkpi.snapshot;

import com.campaignkpi.goal.GoalReport;
import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.spend.PaidReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * KPIs of one property over an inclusive range of days in a time zone, as stored and returned.
 *
 * @param computedAt     ISO-8601 instant the snapshot was computed
 * @param groupBy        the dimension of {@code groups}, or null
 * @param kpis           every KPI over the whole range, by id
 * @param groups         the KPIs per group: by date in date order, otherwise largest (by sessions) first; empty
 *                       without {@code groupBy}
 * @param trafficSources sessions by {@code channel_group}, {@code source} and {@code medium}, largest first
 * @param eventsRead     events read to compute the snapshot, including the day on each side of each span of days
 *                       read from events
 * @param rollupDays     UTC days whose sessions were read from their daily rollup instead of their events; absent
 *                       when none was
 * @param paid           paid-media KPIs from imported ad spend and the sessions attributed to it; absent when the
 *                       range has no spend
 * @param comparisons    the KPIs compared with each requested base period, in request order, or absent when none
 *                       was requested
 * @param goals          progress of the property's goals whose window overlaps the range, as of the range's last
 *                       day (or today, if earlier). It is measured when the snapshot is returned, not stored.
 * @param goalKpis       for each goal type, the KPIs to watch
 * @param includeBots    true when sessions with a bot event count in the KPIs; absent when they are left out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Snapshot(String property, String from, String to, String timeZone, String groupBy, String computedAt,
        Map<String, KpiValue> kpis, List<SnapshotGroup> groups, Map<String, List<TrafficShare>> trafficSources,
        long eventsRead, Integer rollupDays, PaidReport paid, List<PeriodComparison> comparisons, List<GoalReport> goals,
        Map<String, List<String>> goalKpis, Boolean includeBots) {

    /** Returns this snapshot with {@code comparisons} in place of its own. */
    Snapshot withComparisons(List<PeriodComparison> comparisons) {
        return new Snapshot(property, from, to, timeZone, groupBy, computedAt, kpis, groups, trafficSources,
                eventsRead, rollupDays, paid, comparisons, goals, goalKpis, includeBots);
    }

    /** Returns this snapshot with the goals' progress and the KPIs to watch per goal type. */
    Snapshot withGoals(List<GoalReport> goals, Map<String, List<String>> goalKpis) {
        return new Snapshot(property, from, to, timeZone, groupBy, computedAt, kpis, groups, trafficSources,
                eventsRead, rollupDays, paid, comparisons, goals, goalKpis, includeBots);
    }
}
