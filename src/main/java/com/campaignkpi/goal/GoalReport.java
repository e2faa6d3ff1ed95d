package com.campaignkpi.goal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A goal with its progress, as the {@code goals} function returns it.
 *
 * @param findings the SMART warnings and information, on create and update only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoalReport(Goal goal, GoalProgress progress, List<SmartFinding> findings) {
}
