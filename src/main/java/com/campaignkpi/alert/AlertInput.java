package com.campaignkpi.alert;

import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.spend.PaidReport;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Input of {@link AlertEvaluator} for one property and day.
 *
 * @param property     the property id
 * @param day          ISO date the KPIs cover, in the property's time zone
 * @param current      behaviour KPIs of the period being checked, by id, as in a snapshot's {@code kpis}
 * @param previous     the same KPIs of the period before it, for the drop and spike rules; empty when unknown
 * @param paid         the paid-media section of the current period's snapshot, or null without spend
 * @param previousPaid the paid-media section of the previous period, for {@code ctr_drop}, or null
 * @param tracking     recent event activity for {@code tracking_gap}, or null to skip that rule
 */
public record AlertInput(String property, String day, Map<String, KpiValue> current, Map<String, KpiValue> previous,
        PaidReport paid, PaidReport previousPaid, TrackingActivity tracking) {

    /**
     * Checks the property and day.
     *
     * @throws NullPointerException                    when {@code property} or {@code day} is null
     * @throws java.time.format.DateTimeParseException when {@code day} is not yyyy-MM-dd
     */
    public AlertInput {
        Objects.requireNonNull(property, "property");
        LocalDate.parse(Objects.requireNonNull(day, "day"));
        current = current == null ? Map.of() : current;
        previous = previous == null ? Map.of() : previous;
    }

    /** Builds an input without a previous paid report, for a run that compares no paid-media periods. */
    public AlertInput(String property, String day, Map<String, KpiValue> current, Map<String, KpiValue> previous,
            PaidReport paid, TrackingActivity tracking) {
        this(property, day, current, previous, paid, null, tracking);
    }
}
