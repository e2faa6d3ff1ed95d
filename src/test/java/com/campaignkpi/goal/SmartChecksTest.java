package com.campaignkpi.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.campaignkpi.api.RequestException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each SMART check on its own, with the field and message a marketer gets. */
class SmartChecksTest {

    private static final GoalTarget PLUS_20 = new GoalTarget("relative", new BigDecimal("0.20"), null, null);
    private static final GoalScope SKU = new GoalScope("product", "SKU-X");

    @Test
    void validGoalHasNoFindings() {
        assertEquals(List.of(), SmartChecks.check(goal("sales", "item_revenue", PLUS_20, SKU, "2026-06-01",
                "2026-06-30")));
    }

    @Test
    void specificNeedsScopeValue() {
        assertInvalid("goal.scope.value", "goal.scope.value is missing",
                goal("sales", "revenue", PLUS_20, new GoalScope("campaign", " "), "2026-06-01", "2026-06-30"));
    }

    @Test
    void measurableNeedsKnownKpi() {
        assertInvalid("goal.kpi", "goal.kpi 'happiness' is not a KPI this product computes; see the kpis function "
                + "for the ids (measurable)", goal("sales", "happiness", PLUS_20, GoalScope.WHOLE_PROPERTY,
                        "2026-06-01", "2026-06-30"));
    }

    @Test
    void measurableItemScopeNeedsItemKpi() {
        assertInvalid("goal.kpi", "goal.kpi 'sessions' is not measured per product; use one of item_revenue, "
                + "items_purchased, item_purchases (measurable)",
                goal("sales", "sessions", PLUS_20, SKU, "2026-06-01", "2026-06-30"));
    }

    @Test
    void measurablePaidKpiNotPerSourceMedium() {
        assertInvalid("goal.kpi", "goal.kpi 'roas' comes from ad spend, which is matched per campaign, not per "
                + "source / medium; use a campaign or property scope (measurable)", goal("sales", "roas", PLUS_20,
                        new GoalScope("source_medium", "google / cpc"), "2026-06-01", "2026-06-30"));
    }

    @Test
    void measurableBrandKpiOnlyForProperty() {
        assertInvalid("goal.kpi", "goal.kpi 'branded_searches' is counted for the whole property only; use a "
                + "property scope (measurable)", goal("awareness", "branded_searches", PLUS_20,
                        new GoalScope("campaign", "autumn"), "2026-06-01", "2026-06-30"));
    }

    @Test
    void relativeTargetMustChange() {
        assertInvalid("goal.target.value", "goal.target.value 0 is not a change: give a fraction above -1 and not "
                + "0, such as 0.20 for 20 % more or -0.10 for 10 % less", goal("sales", "revenue",
                        new GoalTarget("relative", BigDecimal.ZERO, null, null), GoalScope.WHOLE_PROPERTY,
                        "2026-06-01", "2026-06-30"));
    }

    @Test
    void timeBoundNeedsOrderedDates() {
        assertInvalid("goal.deadline", "goal.deadline 2026-05-31 is before goal.start 2026-06-01",
                goal("sales", "revenue", PLUS_20, GoalScope.WHOLE_PROPERTY, "2026-06-01", "2026-05-31"));
        assertInvalid("goal.deadline", "the goal spans 401 days; the limit is 400",
                goal("sales", "revenue", PLUS_20, GoalScope.WHOLE_PROPERTY, "2026-01-01", "2027-02-05"));
    }

    @Test
    void baselineMustEndBeforeStart() {
        GoalTarget overlapping = new GoalTarget("relative", new BigDecimal("0.1"), "2026-05-20", "2026-06-05");

        assertInvalid("goal.target.baselineTo", "the baseline 2026-05-20 to 2026-06-05 must end before goal.start "
                + "2026-06-01 and not before it begins", goal("sales", "revenue", overlapping,
                        GoalScope.WHOLE_PROPERTY, "2026-06-01", "2026-06-30"));
    }

    @Test
    void relevantWarnsOutsideTypeSet() {
        List<SmartFinding> findings = SmartChecks.check(goal("retention", "page_views", PLUS_20,
                GoalScope.WHOLE_PROPERTY, "2026-06-01", "2026-06-30"));

        assertEquals(List.of(new SmartFinding("relevant", "warning", "goal.kpi", "page_views is not among the KPIs "
                + "to watch for a retention goal (return_rate, clv); 'Goal' may be better measured by one of them")),
                findings);
    }

    private static GoalInput goal(String type, String kpi, GoalTarget target, GoalScope scope, String start,
            String deadline) {
        return new GoalInput("Goal", type, kpi, target, scope, start, deadline, null);
    }

    private static void assertInvalid(String field, String message, GoalInput input) {
        RequestException error = assertThrows(RequestException.class, () -> SmartChecks.check(input));
        assertEquals(field, error.field());
        assertEquals(message, error.getMessage());
    }
}
