package com.campaignkpi.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Names the field of a JSON body that failed to map, as error bodies name fields. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** Returns the path of a mapping failure, such as {@code goal.target.value} or {@code groupBy[0]}, or $. */
    public static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /**
     * Describes a mapping failure for a client: what the field expects and what it got, such as {@code expected a
     * number, got "four"} in place of Jackson's message naming Java types. Other failures keep Jackson's message.
     */
    public static String problemOf(JsonMappingException e) {
        if (!(e instanceof MismatchedInputException mismatch) || mismatch.getTargetType() == null) {
            return e.getOriginalMessage();
        }
        String expected = "expected " + expectedKind(mismatch.getTargetType());
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            return expected + ", got " + TextNode.valueOf(abbreviate(String.valueOf(invalid.getValue())));
        }
        return expected;
    }

    private static String expectedKind(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    /**
     * Returns the path of the first object field whose name equals another field's of the same object when letter
     * case is ignored, such as {@code Property} beside {@code property}, or null when there is none. Such a body is
     * read differently by a case-sensitive and a case-insensitive reader.
     */
    public static String caseInsensitiveClash(JsonNode node) {
        return caseInsensitiveClash(node, "$");
    }

    private static String caseInsensitiveClash(JsonNode node, String path) {
        if (node.isObject()) {
            Set<String> seen = new HashSet<>();
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                String childPath = path.equals("$") ? field.getKey() : path + "." + field.getKey();
                if (!seen.add(field.getKey().toLowerCase(Locale.ROOT))) {
                    return childPath;
                }
                String nested = caseInsensitiveClash(field.getValue(), childPath);
                if (nested != null) {
                    return nested;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String nested = caseInsensitiveClash(node.get(i), path + "[" + i + "]");
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
