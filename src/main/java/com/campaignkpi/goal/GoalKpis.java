package com.campaignkpi.goal;

import com.campaignkpi.goal.ProgressCalculator.Measure;
import com.campaignkpi.ingest.EventPartitions;
import com.campaignkpi.ingest.EventStore;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.property.Property;
import com.campaignkpi.snapshot.GroupBy;
import com.campaignkpi.snapshot.KpiQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Measures a goal's KPI over a date range, in the goal's scope. */
@ApplicationScoped
public class GoalKpis {

    @Inject
    KpiQuery query;

    @Inject
    EventStore events;

    /** Returns the KPIs of the goal's scope from {@code from} to {@code to}, in the property's zone. */
    public Map<String, KpiValue> kpis(Property property, GoalScope scope, LocalDate from, LocalDate to) {
        if (scope.isItem()) {
            return ItemSales.of(purchases(property, from, to), scope.value());
        }
        GroupBy groupBy = switch (scope.kind()) {
            case GoalScope.CAMPAIGN -> GroupBy.CAMPAIGN;
            case GoalScope.SOURCE_MEDIUM -> GroupBy.SOURCE_MEDIUM;
            default -> null;
        };
        return query.kpis(property, from, to, groupBy, scope.value());
    }

    /** Returns the goal's KPI from {@code from} to {@code to}, or null with the reason. */
    Measure measure(Property property, Goal goal, LocalDate from, LocalDate to) {
        KpiValue value = kpis(property, goal.scope(), from, to).get(goal.kpi());
        if (value == null) {
            return new Measure(null, goal.kpi() + " has no value for " + describe(goal.scope()) + " from " + from
                    + " to " + to);
        }
        return new Measure(value.value(), value.reason());
    }

    static String describe(GoalScope scope) {
        return scope.value() == null ? "the property" : scope.kind() + " '" + scope.value() + "'";
    }

    private List<TrackedEvent> purchases(Property property, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(property.timeZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(property.timeZone()).toInstant();
        long startMicros = start.getEpochSecond() * 1_000_000L;
        long endMicros = end.getEpochSecond() * 1_000_000L;
        List<TrackedEvent> purchases = new ArrayList<>();
        EventPartitions partitions = EventPartitions.of(property);
        LocalDate last = LocalDate.ofInstant(end.minusNanos(1), ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC); !day.isAfter(last); day = day.plusDays(1)) {
            for (TrackedEvent event : events.readDay(partitions, day)) {
                if (event.name().equals("purchase") && event.timestampMicros() >= startMicros
                        && event.timestampMicros() < endMicros) {
                    purchases.add(event);
                }
            }
        }
        return purchases;
    }
}
