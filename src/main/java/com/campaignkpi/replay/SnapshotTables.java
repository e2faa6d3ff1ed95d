package com.campaignkpi.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Formats a KPI snapshot response as text tables: the property's KPIs, one row per group, and when the range has ad
 * spend, the paid-media KPIs and one row per campaign.
 */
final class SnapshotTables {

    private static final String MISSING = "-";
    /** Readable text of the paid-media warning ids. An unknown id prints unchanged. */
    private static final Map<String, String> PAID_WARNINGS = Map.of("roas_below_1", "ROAS below 1",
            "clv_below_cac", "CLV below CAC");

    private SnapshotTables() {
    }

    static String render(JsonNode snapshot) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.US, "KPIs of %s from %s to %s (%s)\n", snapshot.path("property").asText(),
                snapshot.path("from").asText(), snapshot.path("to").asText(), snapshot.path("timeZone").asText()));
        text.append(kpiTable(snapshot.path("kpis"), SnapshotTables::formatValue).render());

        JsonNode groups = snapshot.path("groups");
        if (groups.isArray() && !groups.isEmpty()) {
            text.append('\n');
            text.append(groupTable(groups).render());
        }
        JsonNode paid = snapshot.get("paid");
        if (paid != null && paid.isObject()) {
            text.append('\n');
            appendPaid(text, paid);
        }
        return text.toString();
    }

    private static void appendPaid(StringBuilder text, JsonNode paid) {
        text.append("Paid media\n");
        text.append(kpiTable(paid.path("kpis"), SnapshotTables::formatPaidValue).render());
        JsonNode campaigns = paid.path("byCampaign");
        if (campaigns.isArray() && !campaigns.isEmpty()) {
            text.append('\n');
            text.append(campaignTable(campaigns).render());
        }

        List<String> notes = new ArrayList<>();
        for (JsonNode warning : paid.path("warnings")) {
            notes.add("Warning: " + PAID_WARNINGS.getOrDefault(warning.asText(), warning.asText()));
        }
        for (JsonNode campaign : paid.path("unmatchedSpend")) {
            notes.add("Spend without attributed sessions: " + campaign.asText());
        }
        JsonNode revenue = paid.path("unmatchedRevenue");
        if (revenue.isObject() && !revenue.isEmpty()) {
            notes.add("Revenue of paid sessions from campaigns without spend: " + perCurrency(revenue, "currency"));
        }
        long excluded = paid.path("excludedPeriodRows").asLong();
        if (excluded > 0) {
            notes.add(String.format(Locale.US, "Left out %,d spend %s totalling a period that reaches outside the "
                    + "range.", excluded, excluded == 1 ? "row" : "rows"));
        }
        if (!notes.isEmpty()) {
            text.append('\n');
            notes.forEach(note -> text.append(note).append('\n'));
        }
    }

    private static TextTable campaignTable(JsonNode campaigns) {
        TextTable table = new TextTable(TextTable.Column.left("Platform"), TextTable.Column.left("Campaign"),
                TextTable.Column.right("Cost"), TextTable.Column.right("Clicks"), TextTable.Column.right("CTR"),
                TextTable.Column.right("CPC"), TextTable.Column.right("ROAS"), TextTable.Column.right("CAC"),
                TextTable.Column.right("Attributed sessions"));
        for (JsonNode campaign : campaigns) {
            JsonNode kpis = campaign.path("kpis");
            table.addRow(campaign.path("platform").asText(), campaign.path("campaign").asText(),
                    formatPaidValue(kpis.get("cost")), formatPaidValue(kpis.get("clicks")),
                    formatPaidValue(kpis.get("ctr")), formatPaidValue(kpis.get("cpc")),
                    formatPaidValue(kpis.get("roas")), formatPaidValue(kpis.get("cac")),
                    formatNumber(campaign.get("attributedSessions")));
        }
        return table;
    }

    private static TextTable kpiTable(JsonNode kpis, Function<JsonNode, String> formatter) {
        TextTable table = new TextTable(TextTable.Column.left("KPI"), TextTable.Column.right("Value"),
                TextTable.Column.right("Numerator"), TextTable.Column.right("Denominator"),
                TextTable.Column.left("Note"));
        for (Map.Entry<String, JsonNode> kpi : kpis.properties()) {
            JsonNode value = kpi.getValue();
            table.addRow(kpi.getKey(), formatter.apply(value), formatNumber(value.get("numerator")),
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
            case "ratio" -> percent(value);
            case "currency" -> formatMoney(value, text(kpi.get("currency")));
            case "seconds" -> String.format(Locale.US, "%,.1f s", value.setScale(1, RoundingMode.HALF_UP));
            default -> value.toPlainString();
        };
    }

    /**
     * Formats a paid-media KPI like {@link #formatValue}, except that values per currency print as
     * "USD 25.00, EUR 20.00". A comma replaces the plus because per-currency CPCs or ROAS do not add up.
     */
    static String formatPaidValue(JsonNode kpi) {
        if (kpi != null && decimal(kpi.get("value")) == null && kpi.hasNonNull("byCurrency")) {
            return perCurrency(kpi.get("byCurrency"), kpi.path("unit").asText());
        }
        return formatValue(kpi);
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

    /** Formats an amount with 2 decimals and thousands separators, then the currency code when there is one. */
    static String formatMoney(BigDecimal amount, String currency) {
        String formatted = String.format(Locale.US, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
        return currency == null ? formatted : formatted + " " + currency;
    }

    private static String byCurrency(JsonNode amounts) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> amount : amounts.properties()) {
            parts.add(formatMoney(decimal(amount.getValue()), amount.getKey()));
        }
        return String.join(" + ", parts);
    }

    /** Formats values per currency as "USD 25.00, EUR 20.00", each by the KPI's unit. */
    private static String perCurrency(JsonNode values, String unit) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : values.properties()) {
            BigDecimal value = decimal(entry.getValue());
            String formatted = value == null ? "n/a" : switch (unit) {
                case "ratio" -> percent(value);
                case "currency" -> formatMoney(value, null);
                default -> formatNumber(value);
            };
            parts.add(entry.getKey() + " " + formatted);
        }
        return String.join(", ", parts);
    }

    private static String percent(BigDecimal ratio) {
        return String.format(Locale.US, "%.2f%%", ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP));
    }

    static BigDecimal decimal(JsonNode node) {
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

    static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
