package com.campaignkpi.snapshot;

import com.campaignkpi.kpi.KpiUnit;
import com.campaignkpi.kpi.KpiValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Computes how each KPI changed from a base period: the absolute and relative change, and for ratios the change in
 * percentage points. Changes are null with a reason when a value is null, when the base is zero (relative change
 * only), or when money is in different currencies.
 */
public final class KpiChanges {

    static final int RELATIVE_SCALE = 6;
    static final int PERCENTAGE_POINTS_SCALE = 4;
    static final String ZERO_BASE = "the base is zero";

    private KpiChanges() {
    }

    /** Compares every KPI of {@code current} with the same KPI of {@code base}, in {@code current}'s order. */
    public static Map<String, KpiChange> compare(Map<String, KpiValue> current, Map<String, KpiValue> base) {
        Map<String, KpiChange> changes = new LinkedHashMap<>();
        current.forEach((id, value) -> changes.put(id, change(value, base.get(id))));
        return changes;
    }

    static KpiChange change(KpiValue current, KpiValue base) {
        if (base == null) {
            return new KpiChange(null, current.value(), null, null, null, "the base period has no value of this KPI");
        }
        KpiUnit unit = current.unit() != null ? current.unit() : base.unit();
        if (unit == KpiUnit.CURRENCY) {
            String mismatch = currencyMismatch(base, current);
            if (mismatch != null) {
                return new KpiChange(base.value(), current.value(), null, null, null, mismatch);
            }
        }
        if (base.value() == null || current.value() == null) {
            return new KpiChange(base.value(), current.value(), null, null, null, nullReason(base, current));
        }

        BigDecimal absolute = current.value().subtract(base.value());
        BigDecimal relative = base.value().signum() == 0 ? null
                : absolute.divide(base.value(), RELATIVE_SCALE, RoundingMode.HALF_EVEN);
        String reason = relative == null ? ZERO_BASE : null;
        BigDecimal percentagePoints = unit == KpiUnit.RATIO
                ? absolute.movePointRight(2).setScale(PERCENTAGE_POINTS_SCALE, RoundingMode.HALF_EVEN)
                : null;
        return new KpiChange(base.value(), current.value(), absolute, relative, percentagePoints, reason);
    }

    /**
     * Returns why two money values cannot be subtracted, or null when they can. A value without a currency is a
     * zero sum with no purchases, so it matches any currency.
     */
    private static String currencyMismatch(KpiValue base, KpiValue current) {
        String notCompared = ", and amounts in different currencies are not compared";
        if (base.byCurrency() != null && current.byCurrency() != null) {
            return "the base (" + currencies(base) + ") and the current value (" + currencies(current)
                    + ") are in several currencies" + notCompared;
        }
        if (base.byCurrency() != null) {
            return "the base is in several currencies (" + currencies(base) + ")" + notCompared;
        }
        if (current.byCurrency() != null) {
            return "the current value is in several currencies (" + currencies(current) + ")" + notCompared;
        }
        if (base.currency() != null && current.currency() != null && !base.currency().equals(current.currency())) {
            return "the base is in " + base.currency() + " but the current value is in " + current.currency()
                    + notCompared;
        }
        return null;
    }

    private static String currencies(KpiValue value) {
        return String.join(", ", new TreeSet<>(value.byCurrency().keySet()));
    }

    private static String nullReason(KpiValue base, KpiValue current) {
        if (base.value() == null && current.value() == null) {
            if (base.reason() != null && base.reason().equals(current.reason())) {
                return "the base and current values are null: " + base.reason();
            }
            return nullSide("base", base) + ", and " + nullSide("current", current);
        }
        return base.value() == null ? nullSide("base", base) : nullSide("current", current);
    }

    private static String nullSide(String side, KpiValue value) {
        return "the " + side + " value is null" + (value.reason() == null ? "" : ": " + value.reason());
    }
}
