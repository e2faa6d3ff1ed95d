package com.campaignkpi.kpi;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Inputs of the paid-media KPIs, for one set of spend rows and the sessions attributed to them. Money and
 * the counts that money is divided by are kept per ISO 4217 currency, because a cost in one currency is never
 * divided by clicks bought in another.
 *
 * @param impressions         impressions of all rows
 * @param clicks              clicks of all rows
 * @param reach               sum of the rows' reach, null when no row states it; people reached by two campaigns
 *                            count twice
 * @param cost                cost per currency
 * @param impressionsByCurrency impressions of the rows with a cost in that currency
 * @param clicksByCurrency    clicks of those rows
 * @param platformConversions conversions the platforms reported, per currency of the rows
 * @param platformValue       conversion value the platforms reported, per currency
 * @param trackedConversions  key events in the tracked sessions attributed to the spend
 * @param trackedRevenue      revenue of those sessions, per currency
 * @param newCustomers        customers whose first purchase falls in the range, in the attributed sessions
 * @param clv                 lifetime value of the attributed buyers, per currency (sum and buyer count)
 */
public record PaidTotals(long impressions, long clicks, Long reach, Map<String, BigDecimal> cost,
        Map<String, BigDecimal> impressionsByCurrency, Map<String, BigDecimal> clicksByCurrency,
        Map<String, BigDecimal> platformConversions, Map<String, BigDecimal> platformValue, long trackedConversions,
        Map<String, BigDecimal> trackedRevenue, long newCustomers, MoneyTotals clv) {

    public PaidTotals {
        cost = Map.copyOf(cost);
        impressionsByCurrency = Map.copyOf(impressionsByCurrency);
        clicksByCurrency = Map.copyOf(clicksByCurrency);
        platformConversions = Map.copyOf(platformConversions);
        platformValue = Map.copyOf(platformValue);
        trackedRevenue = Map.copyOf(trackedRevenue);
    }
}
