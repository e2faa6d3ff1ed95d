package com.campaignkpi.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts JSON values of export files into the Java types of {@link ReplayEvent#params()}. */
final class JsonValues {

    /**
     * Reads floating-point numbers as exact decimals, because revenue must not pass through {@code double}, and
     * keeps them as written (49.90 stays 49.90).
     */
    static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private JsonValues() {
    }

    /**
     * Returns a param value: text as String, whole numbers as Long (BigDecimal beyond the long range), other numbers
     * as BigDecimal, booleans as Boolean, an array of objects as a list of maps (for {@code items}), and null for JSON
     * null.
     *
     * @throws IllegalArgumentException for a nested object or an array with a non-object element
     */
    static Object toParamValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return toNumber(node);
        }
        if (node.isArray()) {
            return toItems(node);
        }
        throw new IllegalArgumentException("expected a string, number, boolean or an array of item objects, found "
                + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Returns a whole number given as a JSON number or as a string of digits (BigQuery writes INT64 as strings). */
    static Long toLong(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number, found '" + node.textValue() + "'");
            }
        }
        throw new IllegalArgumentException("expected a whole number, found " + node);
    }

    /** Returns a decimal given as a JSON number or as a numeric string. */
    static BigDecimal toDecimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number, found '" + node.textValue() + "'");
            }
        }
        throw new IllegalArgumentException("expected a number, found " + node);
    }

    /** Returns the text of a string node, or null for a missing, null or empty value. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String text = node.asText();
        return text.isEmpty() ? null : text;
    }

    private static Object toNumber(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.decimalValue();
        }
        return node.decimalValue();
    }

    private static List<Map<String, Object>> toItems(JsonNode array) {
        List<Map<String, Object>> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isObject()) {
                throw new IllegalArgumentException("element " + i + " of the array is not an object");
            }
            items.add(toItem(element));
        }
        return items;
    }

    /** Keeps the item's scalar fields that have a value; null fields are left out, as in a GA4 tag's items. */
    private static Map<String, Object> toItem(JsonNode object) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.isNull()) {
                item.put(field.getKey(), toParamValue(value));
            }
        }
        return item;
    }
}
