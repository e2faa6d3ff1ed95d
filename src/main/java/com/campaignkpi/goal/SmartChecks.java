package com.campaignkpi.goal;

import com.campaignkpi.api.Days;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.api.Texts;
import com.campaignkpi.kpi.KpiDefinition;
import com.campaignkpi.kpi.KpiRegistry;
import com.campaignkpi.property.PropertyIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SMART checks a goal passes before it is stored. Specific (a scope and a KPI), measurable (a KPI the product
 * computes for that scope) and time-bound (a start and a deadline within the snapshot limit) are required, and a
 * failure raises 400 naming the field. Relevant (the KPI is among those to watch for the goal's type) only warns.
 * Achievable is information that {@link GoalTracker} adds from the history.
 */
final class SmartChecks {

    /** Maximum days of a goal window or baseline, the most one snapshot covers. */
    static final int MAX_DAYS = 400;

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_SCOPE_LENGTH = 500;
    static final int MAX_NOTES_LENGTH = 2000;

    /** Largest absolute target: far above any count or amount a property reaches. */
    static final BigDecimal MAX_TARGET = new BigDecimal("1E15");

    /** Largest relative target: 1000 is 100,000 % more. */
    static final BigDecimal MAX_RELATIVE_TARGET = new BigDecimal("1000");

    static final int MAX_TARGET_PLACES = 6;

    private SmartChecks() {
    }

    /** Checks {@code input}, returns the warnings, and raises 400 on the first failed requirement. */
    static List<SmartFinding> check(GoalInput input) {
        if (input == null) {
            throw RequestException.invalid("goal", "goal is missing: pass name, type, kpi, target, scope, start "
                    + "and deadline");
        }
        String name = text("goal.name", input.name(), MAX_NAME_LENGTH);
        GoalType type = GoalType.fromId(input.type()).orElseThrow(() -> RequestException.invalid("goal.type",
                "goal.type '" + PropertyIds.abbreviate(String.valueOf(input.type())) + "' is unknown: use one of "
                        + Arrays.stream(GoalType.values()).map(GoalType::id).collect(Collectors.joining(", "))));
        GoalScope scope = scope(input.scope());
        String kpi = measurableKpi(input.kpi(), scope);
        target(input.target());
        timeBound(input);
        if (input.notes() != null) {
            text("goal.notes", input.notes(), MAX_NOTES_LENGTH);
        }

        List<SmartFinding> findings = new ArrayList<>();
        boolean itemSales = type == GoalType.SALES && ItemSales.KPIS.contains(kpi);
        if (!type.kpis().contains(kpi) && !itemSales) {
            findings.add(new SmartFinding("relevant", "warning", "goal.kpi", kpi + " is not among the KPIs to "
                    + "watch for a " + type.id() + " goal (" + String.join(", ", type.kpis()) + "); '" + name
                    + "' may be better measured by one of them"));
        }
        return findings;
    }

    private static GoalScope scope(GoalScope scope) {
        if (scope == null || scope.kind() == null) {
            throw RequestException.invalid("goal.scope", "goal.scope is missing: say what the goal measures, "
                    + "{\"kind\":\"property\"} for the whole property or a campaign, source_medium, product or item "
                    + "with its value (specific)");
        }
        List<String> kinds = List.of(GoalScope.PROPERTY, GoalScope.CAMPAIGN, GoalScope.SOURCE_MEDIUM,
                GoalScope.PRODUCT, GoalScope.ITEM);
        if (!kinds.contains(scope.kind())) {
            throw RequestException.invalid("goal.scope.kind", "goal.scope.kind '"
                    + PropertyIds.abbreviate(scope.kind()) + "' is unknown: use one of " + String.join(", ", kinds));
        }
        if (scope.kind().equals(GoalScope.PROPERTY)) {
            return GoalScope.WHOLE_PROPERTY;
        }
        text("goal.scope.value", scope.value(), MAX_SCOPE_LENGTH);
        return scope;
    }

    private static String measurableKpi(String kpi, GoalScope scope) {
        if (kpi == null || kpi.isBlank()) {
            throw RequestException.invalid("goal.kpi", "goal.kpi is missing: name the KPI the goal moves, such as "
                    + "revenue or session_conversion_rate (specific)");
        }
        if (scope.isItem()) {
            if (!ItemSales.KPIS.contains(kpi)) {
                throw RequestException.invalid("goal.kpi", "goal.kpi '" + PropertyIds.abbreviate(kpi) + "' is not "
                        + "measured per " + scope.kind() + "; use one of " + String.join(", ", ItemSales.KPIS)
                        + " (measurable)");
            }
            return kpi;
        }
        KpiDefinition definition = KpiRegistry.find(kpi).orElseThrow(() -> RequestException.invalid("goal.kpi",
                "goal.kpi '" + PropertyIds.abbreviate(kpi) + "' is not a KPI this product computes; see the kpis "
                        + "function for the ids (measurable)"));
        if (KpiRegistry.brand().contains(definition) && !scope.kind().equals(GoalScope.PROPERTY)) {
            throw RequestException.invalid("goal.kpi", "goal.kpi '" + kpi + "' is counted for the whole property "
                    + "only; use a property scope (measurable)");
        }
        boolean paid = KpiRegistry.paid().contains(definition);
        if (paid && scope.kind().equals(GoalScope.SOURCE_MEDIUM)) {
            throw RequestException.invalid("goal.kpi", "goal.kpi '" + kpi + "' comes from ad spend, which is "
                    + "matched per campaign, not per source / medium; use a campaign or property scope "
                    + "(measurable)");
        }
        return kpi;
    }

    private static void target(GoalTarget target) {
        if (target == null || target.value() == null) {
            throw RequestException.invalid(target == null ? "goal.target" : "goal.target.value", "goal.target "
                    + (target == null ? "is missing" : "has no value") + ": give kind (absolute or relative) and "
                    + "value, such as {\"kind\":\"relative\",\"value\":0.20} for 20 % more (measurable)");
        }
        bounded(target.value(), GoalTarget.RELATIVE.equals(target.kind()) ? MAX_RELATIVE_TARGET : MAX_TARGET);
        if (GoalTarget.RELATIVE.equals(target.kind())) {
            if (target.value().compareTo(BigDecimal.valueOf(-1)) <= 0 || target.value().signum() == 0) {
                throw RequestException.invalid("goal.target.value", "goal.target.value " + target.value()
                        + " is not a change: give a fraction above -1 and not 0, such as 0.20 for 20 % more or "
                        + "-0.10 for 10 % less");
            }
        } else if (GoalTarget.ABSOLUTE.equals(target.kind())) {
            if (target.value().signum() < 0) {
                throw RequestException.invalid("goal.target.value", "goal.target.value " + target.value()
                        + " is negative; no KPI of this product is");
            }
        } else {
            throw RequestException.invalid("goal.target.kind", "goal.target.kind '"
                    + PropertyIds.abbreviate(String.valueOf(target.kind())) + "' is unknown: use absolute or "
                    + "relative");
        }
        if ((target.baselineFrom() == null) != (target.baselineTo() == null)) {
            throw RequestException.invalid(target.baselineFrom() == null ? "goal.target.baselineFrom"
                    : "goal.target.baselineTo", "goal.target needs both baselineFrom and baselineTo, or neither "
                    + "for the period of the same length just before the start");
        }
    }

    private static void timeBound(GoalInput input) {
        if (input.deadline() == null) {
            throw RequestException.invalid("goal.deadline", "goal.deadline is missing: a goal needs a last day "
                    + "(time-bound)");
        }
        LocalDate start = Days.require("goal.start", input.start());
        LocalDate deadline = Days.require("goal.deadline", input.deadline());
        for (LocalDate day : List.of(start, deadline)) {
            if (day.getYear() < 1970 || day.getYear() > 9999) {
                throw RequestException.invalid(day == start ? "goal.start" : "goal.deadline", day
                        + " is outside the years 1970 to 9999");
            }
        }
        if (deadline.isBefore(start)) {
            throw RequestException.invalid("goal.deadline", "goal.deadline " + deadline + " is before goal.start "
                    + start);
        }
        long days = ChronoUnit.DAYS.between(start, deadline) + 1;
        if (days > MAX_DAYS) {
            throw RequestException.invalid("goal.deadline", "the goal spans " + days + " days; the limit is "
                    + MAX_DAYS);
        }
        GoalTarget target = input.target();
        if (target.baselineFrom() != null) {
            LocalDate from = Days.require("goal.target.baselineFrom", target.baselineFrom());
            LocalDate to = Days.require("goal.target.baselineTo", target.baselineTo());
            if (from.getYear() < 1970 || to.getYear() > 9999) {
                throw RequestException.invalid("goal.target.baselineFrom", "the baseline " + from + " to " + to
                        + " is outside the years 1970 to 9999");
            }
            if (to.isBefore(from) || !to.isBefore(start)) {
                throw RequestException.invalid("goal.target.baselineTo", "the baseline " + from + " to " + to
                        + " must end before goal.start " + start + " and not before it begins");
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                throw RequestException.invalid("goal.target.baselineFrom", "the baseline spans more than "
                        + MAX_DAYS + " days");
            }
        } else if (start.minusDays(days).getYear() < 1970) {
            throw RequestException.invalid("goal.start", "the default baseline before goal.start " + start
                    + " would begin before 1970; give goal.target.baselineFrom and baselineTo");
        }
    }

    private static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw RequestException.invalid(field, field + " is missing");
        }
        if (!Texts.isWellFormed(value)) {
            throw RequestException.invalid(field, field + " contains half of a UTF-16 surrogate pair, which is not "
                    + "a character; send valid Unicode text");
        }
        int length = Texts.length(value);
        if (length > maxLength) {
            throw RequestException.invalid(field, field + " has " + length + " characters; the limit is "
                    + maxLength);
        }
        return value;
    }

    /** Checks that a target value is a plain decimal: at most 6 places and below {@link #MAX_TARGET}. */
    private static void bounded(BigDecimal value, BigDecimal max) {
        if (value.stripTrailingZeros().scale() > MAX_TARGET_PLACES) {
            throw RequestException.invalid("goal.target.value", "goal.target.value has more than "
                    + MAX_TARGET_PLACES + " decimal places");
        }
        if (value.abs().compareTo(max) > 0) {
            throw RequestException.invalid("goal.target.value", "goal.target.value is above the limit of "
                    + max.toPlainString());
        }
    }
}
