package com.campaignkpi.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats a KPI snapshot response as two text tables: the property's KPIs, then one row per group. */
final class SnapshotTables {

    private static final String MISSING = "-";

    private SnapshotTables() {
    }

    static String render(JsonNode snapshot) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.US, "KPIs of %s from %s to %s (%s)\n", snapshot.path("property").asText(),
                snapshot.path("from").asText(), snapshot.path("to").asText(), snapshot.path("timeZone").asText()));
        text.append(kpiTable(snapshot.path("kpis")).render());

        JsonNode groups = snapshot.path("groups");
        if (groups.isArray() && !groups.isEmpty()) {
            text.append('\n');
            text.append(groupTable(groups).render());
        }
        return text.toString();
    }

    private static TextTable kpiTable(JsonNode kpis) {
        TextTable table = new TextTable(TextTable.Column.left("KPI"), TextTable.Column.right("Value"),
                TextTable.Column.right("Numerator"), TextTable.Column.right("Denominator"),
                TextTable.Column.left("Note"));
        for (Map.Entry<String, JsonNode> kpi : kpis.properties()) {
            JsonNode value = kpi.getValue();
            table.addRow(kpi.getKey(), formatValue(value), formatNumber(value.get("numerator")),
                    formatNumber(value.get("denominator")), text(value.get("reason")));
        }
        return table;
    }

    private static TextTable groupTable(JsonNode groups) {
        TextTable table = new TextTable(TextTable.Column.left("Group"), TextTable.Column.right("Sessions"),
                TextTable.Column.right("Engaged sessions"), TextTable.Column.right("Engagement rate"),
                TextTable.Column.right("Conversions"), TextTable.Column.right("Revenue"));
        for (JsonNode group : groups) {
            JsonNode kpis = group.path("kpis");
            JsonNode engaged = kpis.has("engaged_sessions")
                    ? kpis.get("engaged_sessions").get("value")
                    : kpis.path("engagement_rate").get("numerator");
            table.addRow(group.path("key").asText(), formatValue(kpis.get("sessions")), formatNumber(engaged),
                    formatValue(kpis.get("engagement_rate")), formatValue(kpis.get("conversions")),
                    formatValue(kpis.get("revenue")));
        }
        return table;
    }

    /**
     * Formats a KPI value by its unit: counts with thousands separators, ratios as percentages with 2 decimals,
     * currency with 2 decimals and the code, seconds with 1 decimal. A null value prints as "n/a", or as the
     * amounts per currency when revenue came in several.
     */
    static String formatValue(JsonNode kpi) {
        if (kpi == null || kpi.isNull() || kpi.isMissingNode()) {
            return MISSING;
        }
        BigDecimal value = decimal(kpi.get("value"));
        String unit = kpi.path("unit").asText();
        if (value == null) {
            return kpi.has("byCurrency") ? byCurrency(kpi.get("byCurrency")) : "n/a";
        }
        return switch (unit) {
            case "count" -> formatNumber(value);
            case "ratio" -> String.format(Locale.US, "%.2f%%",
                    value.movePointRight(2).setScale(2, RoundingMode.HALF_UP));
            case "currency" -> money(value, text(kpi.get("currency")));
            case "seconds" -> String.format(Locale.US, "%,.1f s", value.setScale(1, RoundingMode.HALF_UP));
            default -> value.toPlainString();
        };
    }

    static String formatNumber(JsonNode node) {
        BigDecimal value = decimal(node);
        return value == null ? "" : formatNumber(value);
    }

    private static String formatNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return String.format(Locale.US, "%,d", stripped.toBigInteger());
        }
        return String.format(Locale.US, "%,." + stripped.scale() + "f", stripped);
    }

    private static String money(BigDecimal amount, String currency) {
        String formatted = String.format(Locale.US, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
        return currency == null ? formatted : formatted + " " + currency;
    }

    private static String byCurrency(JsonNode amounts) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> amount : amounts.properties()) {
            parts.add(money(decimal(amount.getValue()), amount.getKey()));
        }
        return String.join(" + ", parts);
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
