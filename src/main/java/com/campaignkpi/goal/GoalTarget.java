package com.campaignkpi.goal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * The value a goal aims at over its window, from start to deadline.
 *
 * @param kind          {@code absolute}: the KPI's value itself; {@code relative}: a change against the baseline
 *                      period, as a fraction (0.20 for 20 % more, -0.10 for 10 % less)
 * @param value         the absolute value, or the relative change
 * @param baselineFrom  first day of the baseline period; by default the period of the same length just before the
 *                      start
 * @param baselineTo    last day of the baseline period
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoalTarget(String kind, BigDecimal value, String baselineFrom, String baselineTo) {

    public static final String ABSOLUTE = "absolute";
    public static final String RELATIVE = "relative";
}
