package com.campaignkpi.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * The change of one KPI from a base period to the snapshot's range. A change that cannot be computed is null, with
 * the cause in {@code reason}.
 *
 * @param base             the KPI's value in the base period, or null
 * @param current          the KPI's value in the snapshot's range, or null
 * @param absolute         current − base, in the KPI's unit (a fraction for ratios)
 * @param relative         (current − base) / base as a fraction, 6 decimals; null when the base is zero
 * @param percentagePoints for ratios only: (current − base) × 100, 4 decimals
 * @param reason           why a change is null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiChange(BigDecimal base, BigDecimal current, BigDecimal absolute, BigDecimal relative,
        BigDecimal percentagePoints, String reason) {
}
