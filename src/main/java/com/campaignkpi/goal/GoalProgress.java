package com.campaignkpi.goal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * The progress of a goal on a day.
 *
 * @param asOf                the day measured up to, in the property's zone: today, or the deadline once passed
 * @param daysElapsed         days of the window up to and including {@code asOf}; 0 before the start
 * @param daysTotal           days from start to deadline, both included
 * @param baseline            the KPI over the baseline period, or null
 * @param current             the KPI from the start up to {@code asOf}
 * @param target              the value aimed at: the absolute target, or the baseline changed by the relative one
 * @param shareDone           how much of the way is done as a fraction: current over target for a KPI that adds up
 *                            (sessions, revenue), or the share of the change from baseline to target for a rate
 * @param expectedByToday     the value a straight-line pace from the start (from 0, or from the baseline for a rate)
 *                            would have reached by {@code asOf}
 * @param projectedAtDeadline the value at the deadline if the pace so far goes on: a sum extrapolated, a rate as it
 *                            is now
 * @param status              {@code not_started}, {@code on_track}, {@code at_risk} (projected to reach at least
 *                            90 % of the way), {@code off_track}, {@code achieved} or {@code missed}; null with a
 *                            reason when the data cannot tell
 * @param reason              why a value or the status is null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoalProgress(String asOf, int daysElapsed, int daysTotal, BigDecimal baseline, BigDecimal current,
        BigDecimal target, BigDecimal shareDone, BigDecimal expectedByToday, BigDecimal projectedAtDeadline,
        String status, String reason) {

    public static final String NOT_STARTED = "not_started";
    public static final String ON_TRACK = "on_track";
    public static final String AT_RISK = "at_risk";
    public static final String OFF_TRACK = "off_track";
    public static final String ACHIEVED = "achieved";
    public static final String MISSED = "missed";
}
