package com.campaignkpi.snapshot;

import com.campaignkpi.kpi.KpiValue;
import java.util.Map;

/** The KPIs of the sessions that share one value of the snapshot's group-by dimension. */
public record SnapshotGroup(String key, Map<String, KpiValue> kpis) {
}
