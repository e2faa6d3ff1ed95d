package com.campaignkpi.snapshot;

import java.util.Map;

/**
 * The snapshot's KPIs compared with those of a base period in the same time zone.
 *
 * @param id   {@code previous_period} or {@code previous_year}
 * @param from first day of the base period, inclusive
 * @param to   last day of the base period, inclusive
 * @param kpis the change of each ungrouped KPI, in the order of the snapshot's {@code kpis}
 */
public record PeriodComparison(String id, String from, String to, Map<String, KpiChange> kpis) {
}
