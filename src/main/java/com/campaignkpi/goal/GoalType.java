package com.campaignkpi.goal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kind of a goal, with the KPIs that show progress toward it. A goal on a KPI outside its type's set is
 * allowed with a warning, because it may still be what the marketer means, though it is rarely the best measure.
 */
public enum GoalType {
    /** More visits of the right kind: volume, whether visitors stay, and where they come from. */
    TRAFFIC("traffic", "ترافیک", List.of("sessions", "bounce_rate", "traffic_sources")),
    /** More sales at an acceptable cost. Revenue is the measure most sales goals name, so it leads the list. */
    SALES("sales", "فروش", List.of("revenue", "session_conversion_rate", "roas", "cpa")),
    /** More people who know the brand. */
    AWARENESS("awareness", "آگاهی از برند", List.of("reach", "engagement_rate", "branded_searches")),
    /** More enquiries or sign-ups at an acceptable cost. */
    LEADS("leads", "جذب سرنخ", List.of("session_conversion_rate", "cpa", "cac")),
    /** Customers who come back and buy again. */
    RETENTION("retention", "حفظ مشتری", List.of("return_rate", "clv"));

    private final String id;
    private final String nameFa;
    private final List<String> kpis;

    GoalType(String id, String nameFa, List<String> kpis) {
        this.id = id;
        this.nameFa = nameFa;
        this.kpis = kpis;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String nameFa() {
        return nameFa;
    }

    /** Returns the ids of the KPIs to watch for this type, most telling first. */
    public List<String> kpis() {
        return kpis;
    }

    /** Returns the KPIs to watch per goal type id, in declaration order. */
    public static Map<String, List<String>> watchList() {
        Map<String, List<String>> watch = new LinkedHashMap<>();
        for (GoalType type : values()) {
            watch.put(type.id, type.kpis);
        }
        return watch;
    }

    public static Optional<GoalType> fromId(String id) {
        for (GoalType type : values()) {
            if (type.id.equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
