package com.campaignkpi.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Typed reading of parameter values, which senders give as numbers or as numeric strings alike. */
final class ParamValues {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private ParamValues() {
    }

    /** Checks the type of the parameters this product reads; other parameters are kept as text. */
    static Violation checkKnownParam(String path, String name, JsonNode value) {
        switch (name) {
            case "value", "price", "shipping", "tax" -> {
                if (asDecimal(value) == null) {
                    return new Violation(path, path + " '" + value.asText() + "' is not a number");
                }
            }
            case "currency" -> {
                if (!CURRENCY.matcher(value.asText()).matches()) {
                    return new Violation(path, path + " '" + value.asText()
                            + "' is not an ISO 4217 currency code such as USD or IRR");
                }
            }
            case "engagement_time_msec" -> {
                Long msec = asLong(value);
                if (msec == null || msec < 0) {
                    return new Violation(path, path + " '" + value.asText()
                            + "' is not a non-negative whole number of milliseconds");
                }
            }
            case "ga_session_number", "session_number" -> {
                Long number = asLong(value);
                if (number == null || number < 1 || number > Integer.MAX_VALUE) {
                    return new Violation(path, path + " '" + value.asText() + "' is not a session count of 1 or more");
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    static Long asLong(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static BigDecimal asDecimal(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** True for true, "true", 1 and "1"; GA4 tags send {@code session_engaged} as the string "1". */
    static Boolean asFlag(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String text = node.asText().trim();
        return text.equals("1") || text.equalsIgnoreCase("true");
    }

    static String asText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText();
        return text.isEmpty() ? null : text;
    }
}
