package com.campaignkpi.snapshot;

import com.campaignkpi.kpi.KpiCalculator;
import com.campaignkpi.kpi.SessionTotals;
import com.campaignkpi.kpi.VisitorHistory;
import com.campaignkpi.session.Session;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Splits a range's sessions by a dimension and computes the KPIs of each part. */
final class SnapshotGroups {

    private SnapshotGroups() {
    }

    static List<SnapshotGroup> group(List<Session> sessions, GroupBy groupBy, ZoneId zone, VisitorHistory history) {
        if (groupBy == null) {
            return List.of();
        }
        Map<String, List<Session>> parts = new HashMap<>();
        for (Session session : sessions) {
            parts.computeIfAbsent(groupBy.keyOf(session, zone), key -> new ArrayList<>()).add(session);
        }
        Comparator<Map.Entry<String, List<Session>>> order = groupBy == GroupBy.DATE
                ? Map.Entry.comparingByKey()
                : Comparator.<Map.Entry<String, List<Session>>>comparingInt(entry -> -entry.getValue().size())
                        .thenComparing(Map.Entry.comparingByKey());
        return parts.entrySet().stream()
                .sorted(order)
                .map(entry -> new SnapshotGroup(entry.getKey(),
                        KpiCalculator.compute(SessionTotals.of(entry.getValue(), history))))
                .toList();
    }

    static Map<String, List<TrafficShare>> trafficSources(List<Session> sessions) {
        Map<String, List<TrafficShare>> result = new LinkedHashMap<>();
        result.put("channel_group", shares(sessions, session -> session.trafficSource().channelGroup().label()));
        result.put("source", shares(sessions, session -> session.trafficSource().source()));
        result.put("medium", shares(sessions, session -> session.trafficSource().medium()));
        return result;
    }

    private static List<TrafficShare> shares(List<Session> sessions, Function<Session, String> keyOf) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Set<String>> users = new HashMap<>();
        for (Session session : sessions) {
            String key = keyOf.apply(session);
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            users.computeIfAbsent(key, k -> new HashSet<>()).add(session.clientId());
        }
        BigDecimal total = BigDecimal.valueOf(sessions.size());
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> -entry.getValue()[0])
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new TrafficShare(entry.getKey(), entry.getValue()[0], users.get(entry.getKey()).size(),
                        BigDecimal.valueOf(entry.getValue()[0]).divide(total, 6, RoundingMode.HALF_EVEN)))
                .toList();
    }
}
