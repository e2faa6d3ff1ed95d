package com.campaignkpi.goal;

import com.campaignkpi.goal.ProgressCalculator.Measure;
import com.campaignkpi.kpi.KpiDefinition;
import com.campaignkpi.kpi.KpiRegistry;
import com.campaignkpi.kpi.KpiUnit;
import com.campaignkpi.property.Property;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Measures goals: their progress on a day, and how their required change compares with the history. */
@ApplicationScoped
public class GoalTracker {

    /** Earlier windows of the goal's length compared to find the largest change the history shows. */
    static final int HISTORY_WINDOWS = 4;

    /** Days of history read at most for that comparison, so a long goal compares fewer windows. */
    static final int HISTORY_DAYS = 400;

    /** KPIs a goal lowers: costs, cost ratios and bounce rates. */
    static final java.util.Set<String> LOWER_IS_BETTER = java.util.Set.of("bounce_rate", "single_page_bounce_rate",
            "cost", "cpc", "cpm", "cpa", "tracked_cpa", "cac");

    @Inject
    GoalKpis kpis;

    /** Returns the progress of {@code goal} on {@code today}, a day in the property's zone. */
    public GoalProgress progress(Property property, Goal goal, LocalDate today) {
        LocalDate start = LocalDate.parse(goal.start());
        LocalDate deadline = LocalDate.parse(goal.deadline());
        LocalDate[] baseline = baseline(goal);

        Measure base = kpis.measure(property, goal, baseline[0], baseline[1]);
        Measure target = target(goal, base);
        Measure current = today.isBefore(start) ? new Measure(null, "the goal has not started")
                : kpis.measure(property, goal, start, today.isAfter(deadline) ? deadline : today);
        return ProgressCalculator.progress(cumulative(goal.kpi()), increase(goal), scale(goal.kpi()), base, current,
                target, start, deadline, today);
    }

    /**
     * Compares the change the goal requires with the largest change between consecutive windows of the goal's
     * length before its baseline, as information: history is not a limit, but a goal far beyond it deserves a
     * second look.
     */
    public SmartFinding achievable(Property property, Goal goal) {
        LocalDate[] baseline = baseline(goal);
        long length = ChronoUnit.DAYS.between(LocalDate.parse(goal.start()), LocalDate.parse(goal.deadline())) + 1;
        Measure base = kpis.measure(property, goal, baseline[0], baseline[1]);
        Measure target = target(goal, base);
        BigDecimal required = change(base.value(), target.value());
        if (required == null) {
            return new SmartFinding("achievable", "info", "goal.target", "The required change cannot be computed: "
                    + (base.value() == null ? base.reason() : "the baseline is zero"));
        }

        List<BigDecimal> values = new ArrayList<>();
        LocalDate windowEnd = baseline[0].minusDays(1);
        long windows = Math.max(1, Math.min(HISTORY_WINDOWS, HISTORY_DAYS / length));
        for (int i = 0; i < windows && windowEnd.minusDays(length - 1).getYear() >= 1970; i++) {
            LocalDate windowStart = windowEnd.minusDays(length - 1);
            values.add(kpis.measure(property, goal, windowStart, windowEnd).value());
            windowEnd = windowStart.minusDays(1);
        }
        values.add(0, base.value());

        BigDecimal largest = null;
        for (int i = 0; i + 1 < values.size(); i++) {
            BigDecimal step = change(values.get(i + 1), values.get(i));
            if (step != null && (largest == null || step.abs().compareTo(largest.abs()) > 0)) {
                largest = step;
            }
        }
        String need = percent(required);
        if (largest == null) {
            return new SmartFinding("achievable", "info", "goal.target", "The goal needs " + need + "; the history "
                    + "before the baseline has no comparable " + length + "-day periods to compare it with");
        }
        boolean beyond = required.abs().compareTo(largest.abs()) > 0;
        return new SmartFinding("achievable", "info", "goal.target", "The goal needs " + need + "; the largest "
                + "change between consecutive " + length + "-day periods in the " + (values.size() - 1)
                + " before it was " + percent(largest) + (beyond ? ", so the goal asks for more than the history "
                + "shows" : ", so the history has seen a change this large"));
    }

    /** Returns the baseline period: the goal's own, or the one of the same length just before the start. */
    static LocalDate[] baseline(Goal goal) {
        if (goal.target().baselineFrom() != null) {
            return new LocalDate[] {LocalDate.parse(goal.target().baselineFrom()),
                    LocalDate.parse(goal.target().baselineTo())};
        }
        LocalDate start = LocalDate.parse(goal.start());
        long length = ChronoUnit.DAYS.between(start, LocalDate.parse(goal.deadline())) + 1;
        return new LocalDate[] {start.minusDays(length), start.minusDays(1)};
    }

    private static Measure target(Goal goal, Measure base) {
        BigDecimal value = goal.target().value();
        if (GoalTarget.ABSOLUTE.equals(goal.target().kind())) {
            return new Measure(value, null);
        }
        if (base.value() == null) {
            return new Measure(null, "the baseline has no value (" + base.reason() + ")");
        }
        if (base.value().signum() == 0) {
            return new Measure(null, "the baseline is zero, so a relative target has no value; give an absolute "
                    + "target");
        }
        return new Measure(base.value().multiply(BigDecimal.ONE.add(value)).setScale(scale(goal.kpi()),
                RoundingMode.HALF_EVEN), null);
    }

    /** Returns {@code (to - from) / from}, or null when either is null or {@code from} is zero. */
    private static BigDecimal change(BigDecimal from, BigDecimal to) {
        if (from == null || to == null || from.signum() == 0) {
            return null;
        }
        return to.subtract(from).divide(from, 6, RoundingMode.HALF_EVEN);
    }

    private static String percent(BigDecimal fraction) {
        BigDecimal value = fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_EVEN);
        return (value.signum() > 0 ? "+" : "") + value.toPlainString() + " %";
    }

    /**
     * Returns whether the goal is to reach at least its target: the sign of a relative target, else the KPI's
     * better direction, so an absolute target of 3 sessions means at least 3 even after a month of 5.
     */
    static boolean increase(Goal goal) {
        if (GoalTarget.RELATIVE.equals(goal.target().kind())) {
            return goal.target().value().signum() > 0;
        }
        return !LOWER_IS_BETTER.contains(goal.kpi());
    }

    /** Returns whether the KPI adds up over days: counts and sums do, rates and averages do not. */
    static boolean cumulative(String kpi) {
        Optional<KpiDefinition> definition = KpiRegistry.find(kpi);
        return definition.map(found -> !found.isRatio()).orElse(true);
    }

    private static int scale(String kpi) {
        return KpiRegistry.find(kpi).map(found -> found.unit() == KpiUnit.RATIO ? 6 : 2)
                .orElse(2);
    }
}
