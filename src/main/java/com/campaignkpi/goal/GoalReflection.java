package com.campaignkpi.goal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Registers the goal records Jackson reads and writes, including those stored as JSON, for a native image. */
@RegisterForReflection(targets = {Goal.class, GoalInput.class, GoalProgress.class, GoalReport.class,
        GoalScope.class, GoalTarget.class, GoalType.class, GoalsRequest.class, SmartFinding.class,
        GoalKpisFunction.WatchedKpi.class, GoalKpisFunction.GoalTypeKpis.class})
final class GoalReflection {

    private GoalReflection() {
    }
}
