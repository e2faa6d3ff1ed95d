package com.campaignkpi.snapshot;

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
 * @param eventsRead     events read to compute the snapshot, including the day on each side of the range
 * @param paid           paid-media KPIs from imported ad spend and the sessions attributed to it; absent when the
 *                       range has no spend
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Snapshot(String property, String from, String to, String timeZone, String groupBy, String computedAt,
        Map<String, KpiValue> kpis, List<SnapshotGroup> groups, Map<String, List<TrafficShare>> trafficSources,
        long eventsRead, PaidReport paid) {
}
