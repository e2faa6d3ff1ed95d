package com.campaignkpi.snapshot;

import java.util.List;

/**
 * Input of the {@code schedule} function: one scheduled run, started by a self-hosted scheduler such as cron.
 *
 * @param run        {@code daily} or {@code hourly}
 * @param lateDays   days before yesterday that a daily run recomputes; 3 when missing
 * @param groupBy    groupings stored beside the ungrouped snapshots
 * @param asOf       run as the schedule would have on this day (ISO date), for history; today when missing
 * @param adminToken the server's admin token
 */
public record ScheduleRequest(String property, String run, Integer lateDays, List<String> groupBy, String asOf,
        String adminToken) {
}
