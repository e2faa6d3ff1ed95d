package com.campaignkpi.benchmark;

import com.campaignkpi.kpi.KpiValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * KPI values in a form that both this project's code and the SQL produce, and their comparison. Counts and sums must
 * be equal. A ratio or an average may differ by half a unit of the last decimal that {@code KpiCalculator} keeps,
 * because the SQL computes it as a double and {@code KpiCalculator} rounds it half-even.
 */
final class KpiFigures {

    private static final BigDecimal EXACT = BigDecimal.ZERO;
    /** Half a unit of the 6 decimals of a ratio. */
    private static final BigDecimal RATIO = new BigDecimal("0.0000005");
    /** Half a unit of the 3 decimals of seconds. */
    private static final BigDecimal SECONDS = new BigDecimal("0.0005");
    /** Half a unit of the 4 decimals of a money average. */
    private static final BigDecimal MONEY_AVERAGE = new BigDecimal("0.00005");

    /** The KPIs compared, in snapshot order, each with the largest difference allowed. */
    static final Map<String, BigDecimal> TOLERANCES = tolerances();

    private KpiFigures() {
    }

    /**
     * One KPI: a number, or for money an amount per ISO 4217 currency (empty when there was none).
     *
     * @param value      the number, or null for money and for a ratio without a denominator
     * @param byCurrency the amount per currency for money, else null
     */
    record Figure(BigDecimal value, Map<String, BigDecimal> byCurrency) {

        static Figure number(BigDecimal value) {
            return new Figure(value, null);
        }

        static Figure money(Map<String, BigDecimal> byCurrency) {
            return new Figure(null, new TreeMap<>(byCurrency));
        }

        @Override
        public String toString() {
            if (byCurrency != null) {
                return byCurrency.isEmpty() ? "none" : byCurrency.toString();
            }
            return value == null ? "null" : value.toPlainString();
        }
    }

    /** Returns the compared KPIs of a snapshot's {@code kpis}. */
    static Map<String, Figure> of(Map<String, KpiValue> kpis) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (String id : TOLERANCES.keySet()) {
            KpiValue kpi = Objects.requireNonNull(kpis.get(id), () -> "the snapshot has no KPI " + id);
            figures.put(id, isMoney(id) ? Figure.money(byCurrency(kpi)) : Figure.number(kpi.value()));
        }
        return figures;
    }

    /** Returns one line per KPI whose values differ by more than its tolerance, or an empty list when all agree. */
    static List<String> differences(Map<String, Figure> ours, Map<String, Figure> duckDb) {
        List<String> differences = new ArrayList<>();
        TOLERANCES.forEach((id, tolerance) -> {
            Figure left = ours.get(id);
            Figure right = duckDb.get(id);
            if (left == null || right == null || !agree(left, right, tolerance)) {
                differences.add(id + ": ours " + left + ", DuckDB " + right + " (tolerance "
                        + tolerance.toPlainString() + ")");
            }
        });
        return differences;
    }

    /** Formats both sides as a table with one KPI a line. */
    static String table(Map<String, Figure> ours, Map<String, Figure> duckDb) {
        StringBuilder table = new StringBuilder(String.format("%-26s %-34s %-34s%n", "KPI", "ours", "DuckDB"));
        for (String id : TOLERANCES.keySet()) {
            table.append(String.format("%-26s %-34s %-34s%n", id, ours.get(id), duckDb.get(id)));
        }
        return table.toString();
    }

    private static boolean agree(Figure left, Figure right, BigDecimal tolerance) {
        if (left.byCurrency() != null || right.byCurrency() != null) {
            if (left.byCurrency() == null || right.byCurrency() == null
                    || !left.byCurrency().keySet().equals(right.byCurrency().keySet())) {
                return false;
            }
            return left.byCurrency().entrySet().stream()
                    .allMatch(entry -> close(entry.getValue(), right.byCurrency().get(entry.getKey()), tolerance));
        }
        if (left.value() == null || right.value() == null) {
            return left.value() == null && right.value() == null;
        }
        return close(left.value(), right.value(), tolerance);
    }

    private static boolean close(BigDecimal left, BigDecimal right, BigDecimal tolerance) {
        return left.subtract(right).abs().compareTo(tolerance) <= 0;
    }

    private static boolean isMoney(String id) {
        return id.equals("revenue") || id.equals("aov") || id.equals("clv");
    }

    /** Returns the amount per currency of a money KPI, which is a single value when only one currency occurred. */
    private static Map<String, BigDecimal> byCurrency(KpiValue kpi) {
        if (kpi.byCurrency() != null) {
            return kpi.byCurrency();
        }
        if (kpi.currency() != null && kpi.value() != null) {
            return Map.of(kpi.currency(), kpi.value());
        }
        return Map.of();
    }

    private static Map<String, BigDecimal> tolerances() {
        Map<String, BigDecimal> tolerances = new LinkedHashMap<>();
        tolerances.put("sessions", EXACT);
        tolerances.put("engaged_sessions", EXACT);
        tolerances.put("engagement_rate", RATIO);
        tolerances.put("bounce_rate", RATIO);
        tolerances.put("single_page_bounce_rate", RATIO);
        tolerances.put("average_engagement_time", SECONDS);
        tolerances.put("page_views", EXACT);
        tolerances.put("users", EXACT);
        tolerances.put("new_users", EXACT);
        tolerances.put("returning_users", EXACT);
        tolerances.put("return_rate", RATIO);
        tolerances.put("conversions", EXACT);
        tolerances.put("session_conversion_rate", RATIO);
        tolerances.put("user_conversion_rate", RATIO);
        tolerances.put("transactions", EXACT);
        tolerances.put("revenue", EXACT);
        tolerances.put("aov", MONEY_AVERAGE);
        tolerances.put("clv", MONEY_AVERAGE);
        tolerances.put("bot_sessions", EXACT);
        return Collections.unmodifiableMap(tolerances);
    }
}
