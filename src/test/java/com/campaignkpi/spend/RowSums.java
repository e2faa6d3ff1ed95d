package com.campaignkpi.spend;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;

/** Sums of the data rows of a report, skipping null values, to compare with the report's own totals. */
record RowSums(long rows, long impressions, long clicks, long interactions, BigDecimal cost, BigDecimal conversions,
        BigDecimal costConverted, BigDecimal leads) {

    static RowSums of(List<SpendRow> rows) {
        return of(rows, row -> true);
    }

    static RowSums of(List<SpendRow> rows, Predicate<SpendRow> filter) {
        long count = 0;
        long impressions = 0;
        long clicks = 0;
        long interactions = 0;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal conversions = BigDecimal.ZERO;
        BigDecimal costConverted = BigDecimal.ZERO;
        BigDecimal leads = BigDecimal.ZERO;
        for (SpendRow row : rows) {
            if (!filter.test(row)) {
                continue;
            }
            count++;
            impressions += row.impressions() == null ? 0 : row.impressions();
            clicks += row.clicks() == null ? 0 : row.clicks();
            interactions += row.interactions() == null ? 0 : row.interactions();
            cost = row.cost() == null ? cost : cost.add(row.cost());
            conversions = row.conversions() == null ? conversions : conversions.add(row.conversions());
            String converted = row.extra().get("cost_converted");
            costConverted = converted == null ? costConverted : costConverted.add(new BigDecimal(converted));
            leads = row.leads() == null ? leads : leads.add(row.leads());
        }
        return new RowSums(count, impressions, clicks, interactions, cost, conversions, costConverted, leads);
    }
}
