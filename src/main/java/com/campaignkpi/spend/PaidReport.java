package com.campaignkpi.spend;

import com.campaignkpi.kpi.KpiValue;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The paid-media part of a snapshot.
 *
 * @param kpis               KPIs over all spend in the range and the sessions attributed to it
 * @param warnings           {@code roas_below_1}, {@code clv_below_cac}
 * @param byPlatform         the KPIs per ad platform
 * @param byCampaign         the KPIs per campaign, largest cost first
 * @param unmatchedSpend     campaigns with cost but no tracked session attributed to them
 * @param unmatchedRevenue   revenue of paid sessions whose campaign has no spend in the range, per currency
 * @param excludedPeriodRows spend rows totalling a period that reaches outside the range; they are left out rather
 *                           than spread over days
 * @param combinedCurrency   the reporting currency of {@code combined}, when the request gave exchange rates
 * @param combined           {@code kpis} with every amount converted at the given rates; absent without rates or
 *                           when an amount is in a currency they do not cover
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaidReport(Map<String, KpiValue> kpis, List<String> warnings, List<PaidGroup> byPlatform,
        List<PaidGroup> byCampaign, List<String> unmatchedSpend, Map<String, BigDecimal> unmatchedRevenue,
        int excludedPeriodRows, String combinedCurrency, Map<String, KpiValue> combined) {
}
