package com.campaignkpi.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Formats the server's response to a spend import as lines of text: the imported sums per currency, the period of
 * undated rows, each total row of the file compared with those sums, the warnings and the ignored columns.
 */
final class SpendImportSummary {

    /** Ignored columns listed by name. The rest are only counted, because an ad report can have dozens. */
    static final int MAX_LISTED_COLUMNS = 5;

    private SpendImportSummary() {
    }

    static String render(JsonNode result) {
        StringBuilder text = new StringBuilder();
        String lead = " (" + result.path("format").asText() + ") for " + result.path("property").asText();
        JsonNode totals = result.path("totals");
        if (totals.isEmpty()) {
            text.append("Imported ").append(rows(result.path("rows").asLong())).append(lead).append(".\n");
        }
        for (JsonNode total : totals) {
            text.append("Imported ").append(rows(total.path("rows").asLong())).append(lead).append(": ")
                    .append(amounts(total)).append('\n');
        }
        long periodRows = result.path("periodRows").asLong();
        if (periodRows > 0) {
            String subject = periodRows == 1 ? "1 row is a total"
                    : String.format(Locale.US, "%,d rows are totals", periodRows);
            text.append(String.format(Locale.US, "%s for the period %s to %s, not per day.%n", subject,
                    result.path("from").asText(), result.path("to").asText()));
        }
        String currency = totals.size() == 1 ? SnapshotTables.text(totals.get(0).get("currency")) : null;
        for (JsonNode check : result.path("fileTotals")) {
            text.append(fileTotal(check, totals.size() > 1, currency)).append('\n');
        }
        for (JsonNode warning : result.path("warnings")) {
            text.append("Warning: ").append(warning.asText()).append('\n');
        }
        JsonNode ignored = result.path("ignoredColumns");
        if (!ignored.isEmpty()) {
            text.append(ignoredColumns(ignored)).append('\n');
        }
        return text.toString();
    }

    private static String rows(long count) {
        return String.format(Locale.US, "%,d spend %s", count, count == 1 ? "row" : "rows");
    }

    /** Returns the sums of one currency, such as "1,234 clicks, 199,500.12 USD". The response omits null sums. */
    private static String amounts(JsonNode total) {
        String currency = SnapshotTables.text(total.get("currency"));
        List<String> parts = new ArrayList<>();
        addCount(parts, total.get("impressions"), "impression");
        addCount(parts, total.get("reach"), null);
        addCount(parts, total.get("clicks"), "click");
        BigDecimal cost = SnapshotTables.decimal(total.get("cost"));
        if (cost != null) {
            parts.add(currency == null
                    ? SnapshotTables.formatMoney(cost, null) + " (no currency in the report)"
                    : SnapshotTables.formatMoney(cost, currency));
        }
        addCount(parts, total.get("conversions"), "conversion");
        BigDecimal value = SnapshotTables.decimal(total.get("conversionValue"));
        if (value != null) {
            parts.add("conversion value " + SnapshotTables.formatMoney(value, currency));
        }
        return parts.isEmpty() ? "no impressions, clicks or cost" : String.join(", ", parts);
    }

    /** Adds "1,234 clicks", or "reach 1,234" when the noun is null. */
    private static void addCount(List<String> parts, JsonNode value, String noun) {
        if (value != null && !value.isNull()) {
            parts.add(noun == null ? "reach " + SnapshotTables.formatNumber(value) : count(value, noun));
        }
    }

    /** Returns "1 click" or "1,234 clicks". Fractional conversions, such as 1.5, take the plural. */
    private static String count(JsonNode value, String noun) {
        boolean singular = BigDecimal.ONE.compareTo(SnapshotTables.decimal(value)) == 0;
        return SnapshotTables.formatNumber(value) + " " + (singular ? noun : noun + "s");
    }

    /**
     * Returns the line of one total row. The server compares only when the import has a single currency, and with
     * several it sends no imported sums.
     */
    private static String fileTotal(JsonNode check, boolean severalCurrencies, String currency) {
        String label = "File total '" + check.path("label").asText() + "'";
        if (check.path("matches").asBoolean()) {
            return label + " matches the imported rows.";
        }
        if (severalCurrencies) {
            return label + " is not compared, because the imported rows are in several currencies.";
        }
        List<String> differences = new ArrayList<>();
        addDifference(differences, check, "Impressions", "impression", null);
        addDifference(differences, check, "Clicks", "click", null);
        addDifference(differences, check, "Cost", null, currency);
        addDifference(differences, check, "Conversions", "conversion", null);
        return label + " differs from the imported rows: " + String.join(", ", differences) + ".";
    }

    /**
     * Adds "file 1,000 impressions vs imported 900" when the file states the value and the import differs.
     *
     * @param noun     the singular noun of a count, or null for the cost
     * @param currency the currency of the cost
     */
    private static void addDifference(List<String> differences, JsonNode check, String field, String noun,
            String currency) {
        JsonNode fileValue = check.get("file" + field);
        JsonNode importedValue = check.get("imported" + field);
        BigDecimal file = SnapshotTables.decimal(fileValue);
        BigDecimal imported = SnapshotTables.decimal(importedValue);
        if (file == null || (imported != null && file.compareTo(imported) == 0)) {
            return;
        }
        String fileText = noun == null ? "cost " + SnapshotTables.formatMoney(file, currency) : count(fileValue, noun);
        String importedText = imported == null ? "none"
                : noun == null ? SnapshotTables.formatMoney(imported, currency)
                : SnapshotTables.formatNumber(importedValue);
        differences.add("file " + fileText + " vs imported " + importedText);
    }

    private static String ignoredColumns(JsonNode ignored) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ignored.size() && i < MAX_LISTED_COLUMNS; i++) {
            names.add(ignored.get(i).asText());
        }
        String listed = String.join(", ", names);
        if (ignored.size() > MAX_LISTED_COLUMNS) {
            listed += String.format(Locale.US, " and %,d more", ignored.size() - MAX_LISTED_COLUMNS);
        }
        return String.format(Locale.US, "Ignored %,d %s the import does not read: %s.", ignored.size(),
                ignored.size() == 1 ? "column" : "columns", listed);
    }
}
