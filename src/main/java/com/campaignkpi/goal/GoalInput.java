package com.campaignkpi.goal;

/**
 * A goal as a marketer states it, before the SMART checks.
 *
 * @param type     {@code traffic}, {@code sales}, {@code leads}, {@code awareness} or {@code retention}
 * @param kpi      the KPI to move, such as {@code revenue} or {@code session_conversion_rate}
 * @param start    first day (ISO date, in the property's zone)
 * @param deadline last day (ISO date)
 */
public record GoalInput(String name, String type, String kpi, GoalTarget target, GoalScope scope, String start,
        String deadline, String notes) {
}
