package com.campaignkpi.snapshot;

import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.property.Property;
import com.campaignkpi.spend.PaidGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes the KPIs of a date range for other features, such as goals, without storing a snapshot: the behaviour
 * KPIs and, where spend was imported, the paid ones, for the whole property or one group.
 */
@ApplicationScoped
public class KpiQuery {

    @Inject
    SnapshotService service;

    /**
     * Returns the KPIs of {@code from} to {@code to} in the property's zone, behaviour KPIs first and paid KPIs after
     * them under their own ids. With a grouping, returns the group whose key equals {@code groupKey}, or an empty
     * map when no session fell into it.
     *
     * @param groupBy {@link GroupBy#CAMPAIGN} or {@link GroupBy#SOURCE_MEDIUM}, or null for the whole property
     */
    public Map<String, KpiValue> kpis(Property property, LocalDate from, LocalDate to, GroupBy groupBy,
            String groupKey) {
        SnapshotRange range = new SnapshotRange(from, to, property.timeZone());
        Snapshot snapshot = service.compute(property, range, groupBy, null);

        Map<String, KpiValue> kpis = new LinkedHashMap<>();
        if (groupBy == null) {
            kpis.putAll(snapshot.kpis());
        } else if (snapshot.groups() != null) {
            snapshot.groups().stream().filter(group -> group.key().equals(groupKey)).findFirst()
                    .ifPresent(group -> kpis.putAll(group.kpis()));
        }
        if (snapshot.paid() != null) {
            Map<String, KpiValue> paid = paidKpis(snapshot, groupBy, groupKey);
            paid.forEach(kpis::putIfAbsent);
        }
        return kpis;
    }

    private static Map<String, KpiValue> paidKpis(Snapshot snapshot, GroupBy groupBy, String groupKey) {
        if (groupBy == null) {
            return snapshot.paid().kpis();
        }
        if (groupBy != GroupBy.CAMPAIGN || snapshot.paid().byCampaign() == null) {
            return Map.of();
        }
        return snapshot.paid().byCampaign().stream().filter(group -> groupKey.equals(group.campaign()))
                .findFirst().map(PaidGroup::kpis).orElse(Map.of());
    }
}
