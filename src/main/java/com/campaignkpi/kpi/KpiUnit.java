package com.campaignkpi.kpi;

import com.fasterxml.jackson.annotation.JsonValue;

/** Unit of a KPI value, as dashboards format it. */
public enum KpiUnit {
    /** A whole number of things: sessions, users, events. */
    COUNT("count"),
    /** A fraction from 0 to 1 (dashboards show it as a percentage). */
    RATIO("ratio"),
    /** An amount of money in the currency named beside the value. */
    CURRENCY("currency"),
    /** A duration in seconds. */
    SECONDS("seconds");

    private final String id;

    KpiUnit(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
