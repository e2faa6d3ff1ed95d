package com.campaignkpi.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the GA4 BigQuery export (format {@code ga4-export}): one {@code events_} row per line as JSON, with
 * {@code event_params} as key/value structs. Its events include GA4's automatically collected names
 * ({@code session_start}, {@code first_visit}, {@code user_engagement}), so they go to the canonical endpoint.
 *
 * <p>Each event gets a deterministic event id, the first 128 bits of the SHA-256 of its row, so a second replay of
 * the same file is reported as duplicates instead of being counted twice.
 */
public final class Ga4ExportReader implements ExportReader {

    public static final String FORMAT = "ga4-export";

    private static final List<String> VALUE_FIELDS = List.of("string_value", "int_value", "float_value",
            "double_value");
    private static final int EVENT_ID_BYTES = 16;

    @Override
    public ReadResult read(Path file) throws IOException {
        ConversionStats stats = new ConversionStats();
        List<ReplayEvent> events = new ArrayList<>();
        JsonLines.forEach(file, (row, line, column) -> {
            try {
                events.add(toEvent(row, stats));
            } catch (InvalidField e) {
                throw new ReplayInputException(file, line, e.field(), e.getMessage());
            }
        });
        return stats.toResult(events);
    }

    private static ReplayEvent toEvent(JsonNode row, ConversionStats stats) {
        String clientId = requiredText(row, "user_pseudo_id");
        String name = requiredText(row, "event_name");
        Long micros = InvalidField.convert("event_timestamp", () -> JsonValues.toLong(row.get("event_timestamp")));
        if (micros == null) {
            throw new InvalidField("event_timestamp", "the value is missing");
        }

        ParamsBuilder params = new ParamsBuilder(stats);
        addEventParams(row.path("event_params"), params, stats);
        addEcommerce(row, params);
        return new ReplayEvent(clientId, JsonValues.text(row.get("user_id")), micros, name, params.build(),
                JsonValues.text(row.path("device").get("category")), eventId(row));
    }

    private static void addEventParams(JsonNode eventParams, ParamsBuilder params, ConversionStats stats) {
        for (int i = 0; i < eventParams.size(); i++) {
            JsonNode param = eventParams.get(i);
            String path = "event_params[" + i + "]";
            String key = JsonValues.text(param.get("key"));
            if (key == null) {
                throw new InvalidField(path + ".key", "the value is missing");
            }
            Object value = paramValue(param.path("value"), path + ".value");
            if (value == null) {
                continue;
            }
            if (!GaNames.isValidParamName(key)) {
                stats.countDropped(key);
                continue;
            }
            // GA4 web streams send session_engaged as the string "1"; the export sometimes stores it as int 1.
            params.put(key, key.equals("session_engaged") ? String.valueOf(value) : value);
        }
    }

    /** Returns the first non-null of string_value, int_value, float_value and double_value, or null. */
    private static Object paramValue(JsonNode value, String path) {
        for (String fieldName : VALUE_FIELDS) {
            JsonNode node = value.get(fieldName);
            if (node == null || node.isNull()) {
                continue;
            }
            String fieldPath = path + "." + fieldName;
            return switch (fieldName) {
                case "string_value" -> node.asText();
                case "int_value" -> InvalidField.convert(fieldPath, () -> JsonValues.toLong(node));
                default -> InvalidField.convert(fieldPath, () -> JsonValues.toDecimal(node));
            };
        }
        return null;
    }

    /** Adds transaction id, revenue, currency and items: the export keeps them in columns, a GA4 tag sends params. */
    private static void addEcommerce(JsonNode row, ParamsBuilder params) {
        JsonNode ecommerce = row.path("ecommerce");
        params.put("transaction_id", JsonValues.text(ecommerce.get("transaction_id")));
        params.put("value", InvalidField.convert("ecommerce.purchase_revenue",
                () -> JsonValues.toDecimal(ecommerce.get("purchase_revenue"))));
        String currency = JsonValues.text(row.get("event_currency"));
        if (currency != null && !params.has("currency")) {
            params.put("currency", currency);
        }
        JsonNode items = row.get("items");
        if (items != null && items.isArray() && !items.isEmpty()) {
            params.put("items", InvalidField.convert("items", () -> JsonValues.toParamValue(items)));
        }
    }

    private static String eventId(JsonNode row) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest(row.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, EVENT_ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String requiredText(JsonNode row, String fieldName) {
        String text = JsonValues.text(row.get(fieldName));
        if (text == null) {
            throw new InvalidField(fieldName, "the value is missing");
        }
        return text;
    }
}
