package com.campaignkpi.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One computed KPI. A ratio whose denominator is zero has a null value and a {@code reason}; it is never 0 or NaN.
 *
 * @param value       the KPI, or null with a reason
 * @param numerator   what was counted or summed above the line, null for plain counts
 * @param denominator what it was divided by, null for plain counts and sums
 * @param currency    ISO 4217 code for money values
 * @param byCurrency  the value per currency (a sum or an average, as the KPI is) when amounts came in several
 *                    currencies and so cannot be added up
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiValue(BigDecimal value, BigDecimal numerator, BigDecimal denominator, KpiUnit unit, String currency,
        String reason, Map<String, BigDecimal> byCurrency) {

    static KpiValue count(long count) {
        return new KpiValue(BigDecimal.valueOf(count), null, null, KpiUnit.COUNT, null, null, null);
    }
}
