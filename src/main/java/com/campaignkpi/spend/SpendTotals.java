package com.campaignkpi.spend;

import java.math.BigDecimal;

/**
 * Sums of imported rows in one currency ({@code null} when the file names none). A sum is null when no row had the
 * value, so "not in the file" stays apart from 0.
 */
public record SpendTotals(String currency, long rows, Long impressions, Long reach, Long clicks, BigDecimal cost,
        BigDecimal conversions, BigDecimal conversionValue) {

    static SpendTotals empty(String currency) {
        return new SpendTotals(currency, 0, null, null, null, null, null, null);
    }

    SpendTotals plus(SpendRow row) {
        return new SpendTotals(currency, rows + 1, add(impressions, row.impressions()), add(reach, row.reach()),
                add(clicks, row.clicks()), add(cost, row.cost()), add(conversions, row.conversions()),
                add(conversionValue, row.conversionValue()));
    }

    private static Long add(Long sum, Long value) {
        if (value == null) {
            return sum;
        }
        return sum == null ? value : Long.valueOf(sum + value);
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal value) {
        if (value == null) {
            return sum;
        }
        return sum == null ? value : sum.add(value);
    }
}
