package com.campaignkpi.spend;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Typed access to the fields of one canonical spend object. A bad field is rejected with its line and value. */
record CanonicalFields(JsonNode node, long line) {

    private static final String PLATFORMS = "one of google_ads, meta_ads, other";

    AdPlatform platform() {
        JsonNode value = node.get("platform");
        if (value == null || !value.isTextual()) {
            throw invalid("platform", value, PLATFORMS);
        }
        String name = value.asText().strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (AdPlatform platform : AdPlatform.values()) {
            if (platform.name().equals(name)) {
                return platform;
            }
        }
        throw invalid("platform", value, PLATFORMS);
    }

    /** Returns a string or a number as written, because ids may be numbers. A missing, null or blank field is null. */
    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw invalid(field, value, "a string");
        }
        return Cells.text(value.asText());
    }

    Long count(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return Cells.count(value.asText(), line, field);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw invalid(field, value, "a whole number, 0 or more");
        }
        return value.longValue();
    }

    BigDecimal decimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return Cells.decimal(value.asText(), line, field);
        }
        if (!value.isNumber()) {
            throw invalid(field, value, "a number such as 12.34, or a string such as \"12.34\"");
        }
        return value.decimalValue();
    }

    String currency(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field, value, "an ISO 4217 currency code such as USD");
        }
        return Cells.currency(value.asText(), line, field);
    }

    /** Sets the row's day or period. A one-day period becomes a day. */
    void dates(SpendRow.Builder builder) {
        LocalDate date = date("date");
        LocalDate start = date("range_start");
        LocalDate end = date("range_end");
        if (date != null && (start != null || end != null)) {
            String field = start != null ? "range_start" : "range_end";
            throw invalid(field, node.get(field), "no period on a row that has a date");
        }
        if ((start == null) != (end == null)) {
            String missing = start == null ? "range_start" : "range_end";
            throw invalid(missing, node.get(missing), "both range_start and range_end, or neither");
        }
        if (start != null && start.isAfter(end)) {
            throw invalid("range_end", node.get("range_end"), "a day on or after range_start " + start);
        }
        if (start != null && start.equals(end)) {
            builder.date(start);
        } else {
            builder.date(date).range(start, end);
        }
    }

    Map<String, String> extra() {
        JsonNode value = node.get("extra");
        Map<String, String> extra = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return extra;
        }
        if (!value.isObject()) {
            throw invalid("extra", value, "an object of string values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isValueNode()) {
                throw invalid("extra." + field.getKey(), field.getValue(), "a string");
            }
            if (!field.getValue().isNull()) {
                extra.put(field.getKey(), field.getValue().asText());
            }
        }
        return extra;
    }

    private LocalDate date(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw invalid(field, value, "an ISO date such as 2026-01-20");
        }
    }

    private SpendFormatException invalid(String field, JsonNode value, String expected) {
        String written = value == null ? "" : value.isTextual() ? value.asText() : value.toString();
        return SpendFormatException.invalidValue(line, field, written, expected);
    }
}
