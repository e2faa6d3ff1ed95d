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

    /**
     * Groups listed one by one; smaller ones are merged into {@link #OTHER}, as GA4 does with high-cardinality
     * rows, so a snapshot by landing page stays small enough to store and to send.
     */
    static final int MAX_GROUPS = 500;
    static final String OTHER = "(other)";

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
        Comparator<Map.Entry<String, List<Session>>> byKey = Map.Entry.comparingByKey();
        List<Map.Entry<String, List<Session>>> sorted = parts.entrySet().stream()
                .sorted(groupBy.isTimeSeries() ? byKey : bySize())
                .toList();
        List<SnapshotGroup> groups = new ArrayList<>();
        List<Session> rest = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (i < MAX_GROUPS) {
                groups.add(new SnapshotGroup(sorted.get(i).getKey(),
                        KpiCalculator.compute(SessionTotals.of(sorted.get(i).getValue(), history))));
            } else {
                rest.addAll(sorted.get(i).getValue());
            }
        }
        if (!rest.isEmpty()) {
            groups.add(new SnapshotGroup(OTHER, KpiCalculator.compute(SessionTotals.of(rest, history))));
        }
        return groups;
    }

    private static Comparator<Map.Entry<String, List<Session>>> bySize() {
        return Comparator.<Map.Entry<String, List<Session>>>comparingInt(entry -> -entry.getValue().size())
                .thenComparing(Map.Entry.comparingByKey());
    }

    static Map<String, List<TrafficShare>> trafficSources(List<Session> sessions) {
        Map<String, List<TrafficShare>> result = new LinkedHashMap<>();
        result.put("channel_group", shares(sessions, session -> session.trafficSource().channelGroup().label()));
        result.put("source", shares(sessions, session -> session.trafficSource().source()));
        result.put("medium", shares(sessions, session -> session.trafficSource().medium()));
        return result;
    }

    private static List<TrafficShare> shares(List<Session> sessions, Function<Session, String> keyOf) {
        Map<String, List<Session>> parts = new HashMap<>();
        for (Session session : sessions) {
            parts.computeIfAbsent(keyOf.apply(session), key -> new ArrayList<>()).add(session);
        }
        List<Map.Entry<String, List<Session>>> sorted = parts.entrySet().stream().sorted(bySize()).toList();

        List<TrafficShare> shares = new ArrayList<>();
        List<Session> rest = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (i < MAX_GROUPS) {
                shares.add(share(sorted.get(i).getKey(), sorted.get(i).getValue(), sessions.size()));
            } else {
                rest.addAll(sorted.get(i).getValue());
            }
        }
        if (!rest.isEmpty()) {
            shares.add(share(OTHER, rest, sessions.size()));
        }
        return shares;
    }

    private static TrafficShare share(String key, List<Session> part, int totalSessions) {
        Set<String> users = new HashSet<>();
        part.forEach(session -> users.add(session.clientId()));
        return new TrafficShare(key, part.size(), users.size(), BigDecimal.valueOf(part.size())
                .divide(BigDecimal.valueOf(totalSessions), 6, RoundingMode.HALF_EVEN));
    }
}
