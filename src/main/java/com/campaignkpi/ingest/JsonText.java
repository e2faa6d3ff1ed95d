package com.campaignkpi.ingest;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes parsed JSON trees as text, for stored values and event fingerprints that must never change.
 *
 * <p>Keys and scalar values read exactly as {@link JsonNode#toString()} writes them. Strings, whole numbers,
 * decimals, booleans and null are written here directly, because {@code toString()} creates a Jackson generator
 * for every call. Other scalar nodes, which parsing never creates, still go through {@code toString()}.
 */
final class JsonText {

    private JsonText() {
    }

    /** Returns the same text as {@code node.toString()}: compact JSON with keys in their order. */
    static String compact(JsonNode node) {
        StringBuilder out = new StringBuilder();
        appendCompact(out, node);
        return out.toString();
    }

    /**
     * Appends {@code node} with object keys sorted and a comma after every member and element, as the content of
     * an event fingerprint, so the order a sender lists params in does not matter.
     */
    static void appendSorted(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            out.append('{');
            for (String fieldName : names) {
                appendString(out, fieldName);
                out.append(':');
                appendSorted(out, node.get(fieldName));
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (JsonNode element : node) {
                appendSorted(out, element);
                out.append(',');
            }
            out.append(']');
        } else {
            appendScalar(out, node);
        }
    }

    private static void appendCompact(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                appendString(out, field.getKey());
                out.append(':');
                appendCompact(out, field.getValue());
                if (fields.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendCompact(out, node.get(i));
            }
            out.append(']');
        } else {
            appendScalar(out, node);
        }
    }

    private static void appendScalar(StringBuilder out, JsonNode node) {
        if (node.isTextual()) {
            appendString(out, node.textValue());
        } else if (node.isInt() || node.isLong()) {
            out.append(node.longValue());
        } else if (node.isBigInteger()) {
            out.append(node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            // Jackson 2.21 writes a BigDecimal with toString() unless WRITE_BIGDECIMAL_AS_PLAIN is on, and a node's
            // toString() uses a mapper with default settings, where it is off.
            out.append(node.decimalValue().toString());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            out.append(node);
        }
    }

    /** Appends {@code text} quoted and escaped with Jackson's own table, as its generator writes a string. */
    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        if (needsEscape(text)) {
            JsonStringEncoder.getInstance().quoteAsString(text, out);
        } else {
            out.append(text);
        }
        out.append('"');
    }

    /** Tells whether {@code text} contains a character Jackson escapes by default: a control character, '"' or '\'. */
    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
