package com.campaignkpi.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the paid-media KPIs from {@link PaidTotals}. Each money ratio is taken within one currency; when the
 * spend is in several currencies the value is null and {@code byCurrency} contains one value per currency.
 */
public final class PaidKpis {

    /** Snapshot warnings, as stable ids a dashboard can translate. */
    public static final String ROAS_BELOW_ONE = "roas_below_1";
    public static final String CLV_BELOW_CAC = "clv_below_cac";

    private PaidKpis() {
    }

    public static Map<String, KpiValue> compute(PaidTotals totals) {
        Map<String, KpiValue> kpis = new LinkedHashMap<>();
        kpis.put("impressions", KpiValue.count(totals.impressions()));
        kpis.put("clicks", KpiValue.count(totals.clicks()));
        kpis.put("reach", totals.reach() == null
                ? new KpiValue(null, null, null, KpiUnit.COUNT, null, "no report in the range states reach", null)
                : KpiValue.count(totals.reach()));
        kpis.put("cost", Money.sum(new MoneyTotals(totals.cost(), Map.of())));
        kpis.put("ctr", KpiCalculator.ratio(totals.clicks(), totals.impressions(), "no impressions in the range"));
        kpis.put("cpc", perCurrency(totals.cost(), totals.clicksByCurrency(), BigDecimal.ONE, KpiUnit.CURRENCY,
                "no clicks in the range"));
        kpis.put("cpm", perCurrency(totals.cost(), totals.impressionsByCurrency(), BigDecimal.valueOf(1000),
                KpiUnit.CURRENCY, "no impressions in the range"));
        kpis.put("platform_conversions", decimalCount(totals.platformConversions()));
        kpis.put("cpa", perCurrency(totals.cost(), totals.platformConversions(), BigDecimal.ONE, KpiUnit.CURRENCY,
                "the platforms reported no conversions"));
        kpis.put("tracked_conversions", KpiValue.count(totals.trackedConversions()));
        kpis.put("tracked_cpa", perCurrency(totals.cost(), spread(totals.cost(), totals.trackedConversions()),
                BigDecimal.ONE, KpiUnit.CURRENCY, "no tracked conversions attributed to the spend"));
        kpis.put("roas", perCurrency(totals.trackedRevenue(), totals.cost(), BigDecimal.ONE, KpiUnit.RATIO,
                "no cost in the range", true));
        kpis.put("platform_roas", perCurrency(totals.platformValue(), totals.cost(), BigDecimal.ONE, KpiUnit.RATIO,
                "no cost in the range, or no conversion value reported", false));
        kpis.put("cac", perCurrency(totals.cost(), spread(totals.cost(), totals.newCustomers()), BigDecimal.ONE,
                KpiUnit.CURRENCY, "no new customers attributed to the spend"));
        kpis.put("clv_to_cac", clvToCac(totals));
        return kpis;
    }

    /**
     * Computes the KPIs with every amount converted into {@code rates}' currency, or returns null when an amount is
     * in a currency the rates do not cover. A buyer who paid in two currencies counts once in each for CLV.
     */
    public static Map<String, KpiValue> combined(PaidTotals totals, ExchangeRates rates) {
        boolean covered = rates.covers(totals.cost()) && rates.covers(totals.trackedRevenue())
                && rates.covers(totals.platformValue()) && rates.covers(totals.clv().sums());
        if (!covered) {
            return null;
        }
        String currency = rates.currency();
        Map<String, BigDecimal> cost = totals.cost().isEmpty() ? Map.of()
                : Map.of(currency, rates.sum(totals.cost()));
        MoneyTotals clv = totals.clv().sums().isEmpty() ? MoneyTotals.NONE : new MoneyTotals(
                Map.of(currency, rates.sum(totals.clv().sums())),
                Map.of(currency, totals.clv().counts().values().stream().mapToLong(Long::longValue).sum()));
        return compute(new PaidTotals(totals.impressions(), totals.clicks(), totals.reach(), cost,
                single(currency, totals.impressionsByCurrency(), cost),
                single(currency, totals.clicksByCurrency(), cost),
                single(currency, totals.platformConversions(), cost),
                totals.platformValue().isEmpty() ? Map.of() : Map.of(currency, rates.sum(totals.platformValue())),
                totals.trackedConversions(),
                totals.trackedRevenue().isEmpty() ? Map.of() : Map.of(currency, rates.sum(totals.trackedRevenue())),
                totals.newCustomers(), clv));
    }

    private static Map<String, BigDecimal> single(String currency, Map<String, BigDecimal> counts,
            Map<String, BigDecimal> cost) {
        return counts.isEmpty() || cost.isEmpty() ? Map.of() : Map.of(currency, ExchangeRates.count(counts));
    }

    /** Ids of the warnings the KPIs call for: ROAS below 1 or lifetime value below acquisition cost. */
    public static List<String> warnings(Map<String, KpiValue> kpis) {
        List<String> warnings = new ArrayList<>();
        if (below(kpis.get("roas"), BigDecimal.ONE)) {
            warnings.add(ROAS_BELOW_ONE);
        }
        if (below(kpis.get("clv_to_cac"), BigDecimal.ONE)) {
            warnings.add(CLV_BELOW_CAC);
        }
        return warnings;
    }

    private static boolean below(KpiValue kpi, BigDecimal limit) {
        if (kpi.value() != null) {
            return kpi.value().compareTo(limit) < 0;
        }
        return kpi.byCurrency() != null && kpi.byCurrency().values().stream().anyMatch(v -> v.compareTo(limit) < 0);
    }

    private static KpiValue clvToCac(PaidTotals totals) {
        Map<String, BigDecimal> clv = new HashMap<>();
        totals.clv().sums().forEach((currency, sum) -> clv.put(currency,
                sum.divide(BigDecimal.valueOf(totals.clv().counts().get(currency)), 10, RoundingMode.HALF_EVEN)));
        Map<String, BigDecimal> cac = new HashMap<>();
        totals.cost().forEach((currency, cost) -> {
            if (totals.newCustomers() > 0) {
                cac.put(currency, cost.divide(BigDecimal.valueOf(totals.newCustomers()), 10, RoundingMode.HALF_EVEN));
            }
        });
        return perCurrency(clv, cac, BigDecimal.ONE, KpiUnit.RATIO, "no acquisition cost: no cost or no new "
                + "customers attributed to it");
    }

    /** Returns the same count for every currency that has a cost, for ratios whose denominator has no currency. */
    private static Map<String, BigDecimal> spread(Map<String, BigDecimal> cost, long count) {
        Map<String, BigDecimal> counts = new HashMap<>();
        cost.keySet().forEach(currency -> counts.put(currency, BigDecimal.valueOf(count)));
        return counts;
    }

    private static KpiValue decimalCount(Map<String, BigDecimal> perCurrency) {
        BigDecimal total = perCurrency.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new KpiValue(total, null, null, KpiUnit.COUNT, null, null, null);
    }

    /** Divides within each currency present in both maps, skipping currencies without a numerator. */
    static KpiValue perCurrency(Map<String, BigDecimal> numerators, Map<String, BigDecimal> denominators,
            BigDecimal factor, KpiUnit unit, String reasonWhenEmpty) {
        return perCurrency(numerators, denominators, factor, unit, reasonWhenEmpty, false);
    }

    /**
     * Divides numerator by denominator within each currency whose denominator is not zero, times {@code factor}.
     * A currency without a numerator is skipped, or counts 0 when {@code missingIsZero} (no revenue is a ROAS of 0).
     * One currency gives a value with its numerator and denominator; several give null with a value per currency.
     */
    static KpiValue perCurrency(Map<String, BigDecimal> numerators, Map<String, BigDecimal> denominators,
            BigDecimal factor, KpiUnit unit, String reasonWhenEmpty, boolean missingIsZero) {
        Map<String, BigDecimal> values = new TreeMap<>();
        denominators.forEach((currency, bottom) -> {
            BigDecimal top = numerators.containsKey(currency) || !missingIsZero ? numerators.get(currency)
                    : BigDecimal.ZERO;
            if (top != null && bottom.signum() != 0) {
                int scale = unit == KpiUnit.RATIO ? KpiCalculator.RATIO_SCALE : KpiCalculator.MONEY_SCALE;
                values.put(currency, top.multiply(factor).divide(bottom, scale, RoundingMode.HALF_EVEN));
            }
        });
        if (values.isEmpty()) {
            return new KpiValue(null, null, null, unit, null, reasonWhenEmpty, null);
        }
        if (values.size() > 1) {
            return new KpiValue(null, null, null, unit, null, "amounts are in " + values.size() + " currencies ("
                    + String.join(", ", values.keySet()) + ") and are not combined without an exchange rate; see "
                    + "byCurrency", values);
        }
        String currency = values.keySet().iterator().next();
        return new KpiValue(values.get(currency), numerators.getOrDefault(currency, BigDecimal.ZERO).multiply(factor),
                denominators.get(currency), unit, currency, null, null);
    }
}
