package com.campaignkpi.snapshot;

import com.campaignkpi.alert.Alert;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The outcome of a scheduled run: one one-day snapshot per day and grouping, in the property's zone, and alerts.
 *
 * @param property   measurement id
 * @param run        {@code daily} or {@code hourly}
 * @param timeZone   the property's zone, in which the days were counted
 * @param days       the days computed, oldest first
 * @param snapshots  snapshots stored (days × groupings, the ungrouped one included)
 * @param sessions   sessions in the newest day's ungrouped snapshot, as a sign of life in the log
 * @param alerts     alerts the run raised: a daily run the week-on-week rules, an hourly run the tracking gap
 * @param delivery   outcome of posting the new alerts to the property's webhook ({@code delivered},
 *                   {@code failed}, ...), or null when nothing was posted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduledRun(String property, String run, String timeZone, List<String> days, int snapshots,
        long sessions, List<Alert> alerts, String delivery) {
}
