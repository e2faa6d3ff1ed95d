package com.campaignkpi.snapshot;

import com.campaignkpi.api.RequestException;
import com.campaignkpi.kpi.ExchangeRates;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The {@code snapshot} function: returns the newest stored snapshot for a property, range and grouping, and
 * computes and stores one when none exists or {@code refresh} is set.
 */
public class SnapshotFunction {

    @Inject
    PropertyStore properties;

    @Inject
    SnapshotService service;

    @Inject
    SnapshotStore store;

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

        if (!Boolean.TRUE.equals(request.refresh())) {
            var stored = store.latest(property, range, groupBy, rates);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        Snapshot snapshot = service.compute(property, range, groupBy, rates);
        store.put(property, snapshot, range, groupBy, rates);
        return snapshot;
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
