package com.campaignkpi.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Money KPIs: a sum or an average in one currency, or null with a reason when amounts are in several. */
final class Money {

    private Money() {
    }

    static KpiValue sum(Map<String, BigDecimal> byCurrency) {
        if (byCurrency.isEmpty()) {
            return new KpiValue(BigDecimal.ZERO, null, null, KpiUnit.CURRENCY, null, null, null);
        }
        if (byCurrency.size() > 1) {
            return new KpiValue(null, null, null, KpiUnit.CURRENCY, null, mixed(byCurrency), Map.copyOf(byCurrency));
        }
        Map.Entry<String, BigDecimal> only = byCurrency.entrySet().iterator().next();
        return new KpiValue(only.getValue(), null, null, KpiUnit.CURRENCY, only.getKey(), null, null);
    }

    static KpiValue average(Map<String, BigDecimal> byCurrency, long count, String reasonWhenEmpty) {
        BigDecimal bottom = BigDecimal.valueOf(count);
        if (count == 0) {
            return new KpiValue(null, BigDecimal.ZERO, bottom, KpiUnit.CURRENCY, null, reasonWhenEmpty, null);
        }
        if (byCurrency.size() > 1) {
            return new KpiValue(null, null, bottom, KpiUnit.CURRENCY, null, mixed(byCurrency),
                    Map.copyOf(byCurrency));
        }
        if (byCurrency.isEmpty()) {
            return new KpiValue(null, BigDecimal.ZERO, bottom, KpiUnit.CURRENCY, null,
                    "no purchase carried a value and currency", null);
        }
        Map.Entry<String, BigDecimal> only = byCurrency.entrySet().iterator().next();
        return new KpiValue(only.getValue().divide(bottom, KpiCalculator.MONEY_SCALE, RoundingMode.HALF_EVEN),
                only.getValue(), bottom, KpiUnit.CURRENCY, only.getKey(), null, null);
    }

    private static String mixed(Map<String, BigDecimal> byCurrency) {
        return "amounts are in " + byCurrency.size() + " currencies (" + String.join(", ", byCurrency.keySet())
                + ") and are not added up without an exchange rate; see byCurrency";
    }
}
