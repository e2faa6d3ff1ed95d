package com.campaignkpi.goal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A SMART goal of a property, as stored.
 *
 * @param id        generated when the goal is created
 * @param kpi       id of the KPI measured, from the KPI definitions (or an item KPI for a product scope)
 * @param start     first day of the goal's window, in the property's time zone (ISO date)
 * @param deadline  last day of the window (ISO date)
 * @param createdAt instant the goal was created (ISO-8601)
 * @param updatedAt instant of the last change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Goal(String id, String property, String name, GoalType type, String kpi, GoalTarget target,
        GoalScope scope, String start, String deadline, String notes, String createdAt, String updatedAt) {
}
