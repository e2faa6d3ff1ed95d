package com.campaignkpi.kpi;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Money per ISO 4217 currency, with how many things (transactions, buyers) each sum is over, so an average is
 * taken within one currency and never across two.
 */
public record MoneyTotals(Map<String, BigDecimal> sums, Map<String, Long> counts) {

    public static final MoneyTotals NONE = new MoneyTotals(Map.of(), Map.of());

    public MoneyTotals {
        sums = new TreeMap<>(sums);
        counts = new TreeMap<>(counts);
    }

    /** Totals of one currency, for tests and single-currency shops. */
    public static MoneyTotals of(String currency, String sum, long count) {
        return new MoneyTotals(Map.of(currency, new BigDecimal(sum)), Map.of(currency, count));
    }
}
