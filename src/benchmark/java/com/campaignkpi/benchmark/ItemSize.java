package com.campaignkpi.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * The size of a DynamoDB item in bytes by DynamoDB's rules, from the item in DynamoDB's JSON wire format: each
 * attribute name's UTF-8 bytes plus its value's size. Strings count their UTF-8 bytes, binaries their bytes, numbers
 * about one byte per two significant digits plus one, booleans and nulls one byte, and lists and maps 3 bytes plus
 * 1 per element. The number rule follows dynalite 4.0.0, which emulates DynamoDB's.
 */
final class ItemSize {

    private ItemSize() {
    }

    static int of(JsonNode item) {
        int size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = it.next();
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    private static int value(JsonNode typed) {
        Map.Entry<String, JsonNode> entry = typed.fields().next();
        JsonNode value = entry.getValue();
        return switch (entry.getKey()) {
            case "S" -> utf8(value.asText());
            case "N" -> number(value.asText());
            case "B" -> Base64.getDecoder().decode(value.asText()).length;
            case "BOOL", "NULL" -> 1;
            case "SS" -> sum(value, "S");
            case "NS" -> sum(value, "N");
            case "BS" -> sum(value, "B");
            case "L" -> {
                int size = 3;
                for (JsonNode element : value) {
                    size += 1 + value(element);
                }
                yield size;
            }
            case "M" -> 3 + value.size() + of(value);
            default -> throw new IllegalArgumentException("unknown DynamoDB type " + entry.getKey());
        };
    }

    private static int sum(JsonNode members, String type) {
        int size = 0;
        for (JsonNode member : members) {
            size += switch (type) {
                case "S" -> utf8(member.asText());
                case "N" -> number(member.asText());
                default -> Base64.getDecoder().decode(member.asText()).length;
            };
        }
        return size;
    }

    /** Follows dynalite's valSize for N: 1 + ceil(digits / 2), plus 1 for an even digit count at an even exponent. */
    private static int number(String text) {
        BigDecimal number = new BigDecimal(text).stripTrailingZeros();
        if (number.signum() == 0) {
            return 1;
        }
        String digits = number.unscaledValue().abs().toString();
        int count = digits.length();
        // big.js's exponent e is the power of ten of the first digit.
        int exponent = count - 1 - number.scale();
        int size = 1 + (count + 1) / 2 + (count % 2 != 0 || exponent % 2 != 0 ? 0 : 1);
        return size + (number.signum() < 0 ? 1 : 0);
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
