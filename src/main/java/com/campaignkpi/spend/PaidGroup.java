package com.campaignkpi.spend;

import com.campaignkpi.kpi.KpiValue;
import java.util.Map;

/** Paid-media KPIs of one platform or campaign, with the tracked sessions attributed to it. */
public record PaidGroup(String platform, String campaign, long attributedSessions, Map<String, KpiValue> kpis) {
}
