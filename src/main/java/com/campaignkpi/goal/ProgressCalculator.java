package com.campaignkpi.goal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Computes a goal's progress from three measured values. Pure arithmetic, so every case can be worked out by hand.
 *
 * <p>A KPI that adds up over days (sessions, revenue, cost) is compared as a total: its straight-line pace starts at
 * 0 and reaches the target at the deadline, and its projection scales the total so far to the whole window. A rate
 * or an average (conversion rate, ROAS, AOV) does not add up: its line runs from the baseline to the target, and its
 * projection is the rate so far.
 */
final class ProgressCalculator {

    /** Share of the way from baseline to target a projection must reach to count as at risk rather than off track. */
    static final BigDecimal AT_RISK_SHARE = new BigDecimal("0.9");

    private static final int SHARE_SCALE = 6;

    private ProgressCalculator() {
    }

    /**
     * A measured value, or null with the reason.
     *
     * @param value  the value, or null
     * @param reason why it is null
     */
    record Measure(BigDecimal value, String reason) {
    }

    /**
     * Returns the progress on {@code today}.
     *
     * @param cumulative whether the KPI adds up over days
     * @param increase   whether the goal is to reach at least the target (else at most)
     * @param scale      decimal places of expected and projected values: 6 for a rate, 2 otherwise
     */
    static GoalProgress progress(boolean cumulative, boolean increase, int scale, Measure baseline, Measure current,
            Measure target, LocalDate start, LocalDate deadline, LocalDate today) {
        int total = (int) ChronoUnit.DAYS.between(start, deadline) + 1;
        BigDecimal base = baseline.value();
        BigDecimal goal = target.value();
        if (today.isBefore(start)) {
            BigDecimal expected = cumulative ? BigDecimal.ZERO.setScale(scale) : base;
            return new GoalProgress(today.toString(), 0, total, base, null, goal, null, expected, null,
                    GoalProgress.NOT_STARTED, null);
        }

        LocalDate asOf = today.isAfter(deadline) ? deadline : today;
        int elapsed = (int) ChronoUnit.DAYS.between(start, asOf) + 1;
        BigDecimal fraction = BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), 12, RoundingMode.HALF_EVEN);
        BigDecimal now = current.value();
        if (goal == null || now == null) {
            String reason = goal == null ? "no target: " + target.reason() : "no current value: " + current.reason();
            return new GoalProgress(asOf.toString(), elapsed, total, base, now, goal, null, null, null, null,
                    reason);
        }

        // The way to go starts at the baseline when the target lies beyond it in the goal's direction. A target
        // already behind the baseline is measured against the target alone.
        boolean fromBase = base != null && (increase ? goal.compareTo(base) > 0 : goal.compareTo(base) < 0);
        BigDecimal expected;
        BigDecimal projected;
        BigDecimal share;
        if (cumulative) {
            expected = goal.multiply(fraction).setScale(scale, RoundingMode.HALF_EVEN);
            projected = now.multiply(BigDecimal.valueOf(total))
                    .divide(BigDecimal.valueOf(elapsed), scale, RoundingMode.HALF_EVEN);
            share = ratio(now, goal);
        } else {
            expected = fromBase ? base.add(goal.subtract(base).multiply(fraction)).setScale(scale,
                    RoundingMode.HALF_EVEN) : goal;
            projected = now;
            share = way(now, base, goal, increase, fromBase);
        }

        String status = status(cumulative, increase, fromBase, today.isAfter(deadline), base, goal, now,
                projected);
        return new GoalProgress(asOf.toString(), elapsed, total, base, now, goal, share, expected, projected, status,
                null);
    }

    private static String status(boolean cumulative, boolean increase, boolean fromBase, boolean finished,
            BigDecimal base, BigDecimal goal, BigDecimal now, BigDecimal projected) {
        if (finished) {
            return reaches(now, goal, increase) ? GoalProgress.ACHIEVED : GoalProgress.MISSED;
        }
        // A total that has reached its target can only grow further, so the goal is met early.
        if (cumulative && increase && now.compareTo(goal) >= 0) {
            return GoalProgress.ACHIEVED;
        }
        if (reaches(projected, goal, increase)) {
            return GoalProgress.ON_TRACK;
        }
        BigDecimal way = way(projected, base, goal, increase, fromBase);
        return way != null && way.compareTo(AT_RISK_SHARE) >= 0 ? GoalProgress.AT_RISK : GoalProgress.OFF_TRACK;
    }

    /**
     * Returns how much of the way to the target {@code value} covers: from the baseline when {@code fromBase},
     * else as the value over the target (the target over the value for a goal to lower a KPI).
     */
    private static BigDecimal way(BigDecimal value, BigDecimal base, BigDecimal goal, boolean increase,
            boolean fromBase) {
        if (fromBase) {
            return ratio(value.subtract(base), goal.subtract(base));
        }
        return increase ? ratio(value, goal) : ratio(goal, value);
    }

    private static boolean reaches(BigDecimal value, BigDecimal goal, boolean increase) {
        int comparison = value.compareTo(goal);
        return increase ? comparison >= 0 : comparison <= 0;
    }

    /** Returns {@code numerator / denominator} to 6 places, or null when the denominator is zero. */
    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SHARE_SCALE, RoundingMode.HALF_EVEN);
    }
}
