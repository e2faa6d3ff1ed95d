package com.campaignkpi.kpi;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Direction in which a KPI moves when the business does better, so that a dashboard can colour a change as good or
 * bad. More sessions are good, and a higher bounce rate or cost per acquisition is bad. Cost itself is
 * {@code lower} because the same results for less money are better. A rise in cost that bought more results shows
 * in CPA.
 */
public enum KpiDirection {
    HIGHER("higher"),
    LOWER("lower");

    private final String id;

    KpiDirection(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
