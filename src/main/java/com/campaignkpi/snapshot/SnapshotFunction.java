package com.campaignkpi.snapshot;

import com.campaignkpi.api.RequestException;
import com.campaignkpi.goal.GoalReport;
import com.campaignkpi.goal.GoalReports;
import com.campaignkpi.goal.GoalType;
import com.campaignkpi.kpi.ExchangeRates;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code snapshot} function: returns the newest stored snapshot for a property, range, grouping, comparisons
 * and bot setting, and computes and stores one when none exists or {@code refresh} is set.
 */
public class SnapshotFunction {

    @Inject
    PropertyStore properties;

    @Inject
    SnapshotService service;

    @Inject
    SnapshotStore store;

    @Inject
    GoalReports goals;

    @Funq("snapshot")
    public Snapshot snapshot(SnapshotRequest request) {
        if (request == null) {
            throw RequestException.invalid("$", "Request body is missing; send property, from and to");
        }
        Property property = properties.require("property", request.property());
        SnapshotRange range = SnapshotRange.parse(request.from(), request.to(), request.timeZone(),
                property.timeZone());
        GroupBy groupBy = groupBy(request.groupBy());
        ExchangeRates rates = ExchangeRateParser.parse(request.exchangeRates(), range);
        List<ComparisonPeriod> compare = ComparisonPeriod.parse(request.compare(), range);
        boolean includeBots = Boolean.TRUE.equals(request.includeBots());

        if (!Boolean.TRUE.equals(request.refresh())) {
            var stored = store.latest(property, range, groupBy, rates, compare, includeBots);
            if (stored.isPresent()) {
                return withGoals(property, stored.get(), range);
            }
        }
        Snapshot snapshot = service.compute(property, range, groupBy, rates, compare, includeBots);
        store.put(property, snapshot, range, groupBy, rates, compare, includeBots);
        return withGoals(property, snapshot, range);
    }

    /** Adds the progress of the goals active in the range, measured now: goals change after a snapshot is stored. */
    private Snapshot withGoals(Property property, Snapshot snapshot, SnapshotRange range) {
        List<GoalReport> active = goals.active(property, range.from(), range.to());
        return snapshot.withGoals(active.isEmpty() ? null : active, GoalType.watchList());
    }

    private static GroupBy groupBy(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return GroupBy.fromId(id).orElseThrow(() -> RequestException.invalid("groupBy", "groupBy '" + id
                + "' is unknown: use one of " + Arrays.stream(GroupBy.values()).map(GroupBy::id)
                        .collect(Collectors.joining(", "))));
    }
}
