package com.campaignkpi.spend;

import java.math.BigDecimal;

/**
 * A total row that the platform wrote into the report itself, such as Google Ads' "Total: Account" or
 * "Total: Search" footer rows. Kept apart from the data rows so that summing the rows never counts them twice.
 *
 * <p>A total may cover more than the report's rows: Google Ads' "Total: Account" includes removed campaigns and
 * "Total: Search terms" excludes the terms Google does not list.
 *
 * @param label the label without the "Total: " prefix, such as "Account", "Campaigns" or "Search"
 * @param values the total's cells, read like a data row
 */
public record ReportTotal(String label, SpendRow values) {

    public ReportTotal {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("total label must not be blank");
        }
        if (values == null) {
            throw new IllegalArgumentException("total values are required");
        }
    }

    public Long impressions() {
        return values.impressions();
    }

    public Long clicks() {
        return values.clicks();
    }

    public Long interactions() {
        return values.interactions();
    }

    public BigDecimal cost() {
        return values.cost();
    }

    public BigDecimal conversions() {
        return values.conversions();
    }

    public String currency() {
        return values.currency();
    }
}
