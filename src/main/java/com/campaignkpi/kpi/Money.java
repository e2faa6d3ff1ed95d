package com.campaignkpi.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Money KPIs: a sum or an average in one currency, or null with a reason and per-currency values when amounts are
 * in several.
 */
final class Money {

    private Money() {
    }

    static KpiValue sum(MoneyTotals totals) {
        Map<String, BigDecimal> sums = totals.sums();
        if (sums.isEmpty()) {
            return new KpiValue(BigDecimal.ZERO, null, null, KpiUnit.CURRENCY, null, null, null);
        }
        if (sums.size() > 1) {
            return new KpiValue(null, null, null, KpiUnit.CURRENCY, null, mixed(sums), sums);
        }
        Map.Entry<String, BigDecimal> only = sums.entrySet().iterator().next();
        return new KpiValue(only.getValue(), null, null, KpiUnit.CURRENCY, only.getKey(), null, null);
    }

    /**
     * Averages within each currency: the sum in that currency over the count of things that carried it.
     *
     * @param total           how many things there are in all, valued or not
     * @param reasonWhenEmpty why the average is null when {@code total} is 0
     */
    static KpiValue average(MoneyTotals totals, long total, String reasonWhenEmpty) {
        if (total == 0) {
            return new KpiValue(null, BigDecimal.ZERO, BigDecimal.ZERO, KpiUnit.CURRENCY, null, reasonWhenEmpty,
                    null);
        }
        Map<String, BigDecimal> sums = totals.sums();
        if (sums.isEmpty()) {
            return new KpiValue(null, BigDecimal.ZERO, BigDecimal.ZERO, KpiUnit.CURRENCY, null,
                    "no purchase carried a value and currency", null);
        }
        if (sums.size() > 1) {
            Map<String, BigDecimal> averages = new TreeMap<>();
            sums.forEach((currency, sum) -> averages.put(currency, divide(sum, totals.counts().get(currency))));
            return new KpiValue(null, null, null, KpiUnit.CURRENCY, null, mixed(sums), averages);
        }
        String currency = sums.keySet().iterator().next();
        BigDecimal sum = sums.get(currency);
        long count = totals.counts().get(currency);
        return new KpiValue(divide(sum, count), sum, BigDecimal.valueOf(count), KpiUnit.CURRENCY, currency, null,
                null);
    }

    private static BigDecimal divide(BigDecimal sum, long count) {
        return sum.divide(BigDecimal.valueOf(count), KpiCalculator.MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    private static String mixed(Map<String, BigDecimal> byCurrency) {
        return "amounts are in " + byCurrency.size() + " currencies (" + String.join(", ", byCurrency.keySet())
                + ") and are not added up without an exchange rate; see byCurrency";
    }
}
