package com.campaignkpi.lambda;

import java.util.List;

/**
 * The fixed input an EventBridge Scheduler schedule passes to {@code scheduled-snapshot}.
 *
 * @param property measurement id
 * @param timeZone the zone the schedule runs in; days are counted in the property's own zone, so a different one
 *                 is logged as a warning
 * @param run      {@code daily} (yesterday and the late days before it) or {@code hourly} (today so far)
 * @param lateDays days before yesterday that a daily run recomputes; 3 when missing
 * @param groupBy  groupings stored beside the ungrouped snapshot, such as {@code channel_group}
 */
public record ScheduledSnapshotRequest(String property, String timeZone, String run, Integer lateDays,
        List<String> groupBy) {
}
