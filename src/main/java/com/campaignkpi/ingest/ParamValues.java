package com.campaignkpi.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Typed reading of parameter values, which senders give as numbers or as numeric strings alike. */
final class ParamValues {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private ParamValues() {
    }

    /**
     * Checks the type of a parameter this product reads, and returns null for any other parameter, which is kept as
     * text. The parameter's path, {@code parentPath + "." + name}, is built only for a violation.
     */
    static Violation checkKnownParam(String parentPath, String name, JsonNode value) {
        switch (name) {
            case "value", "price", "shipping", "tax" -> {
                return checkAmount(parentPath, name, value);
            }
            case "quantity" -> {
                // Optional, as in GA4, where a missing quantity counts as 1.
                if (value.isMissingNode() || value.isNull()) {
                    return null;
                }
                BigDecimal quantity = asDecimal(value);
                boolean whole = quantity != null && storable(quantity)
                        && quantity.stripTrailingZeros().scale() <= 0;
                if (!whole || quantity.compareTo(BigDecimal.ONE) < 0) {
                    String path = parentPath + "." + name;
                    return new Violation(path, path + " '" + abbreviate(value.asText())
                            + "' is not a whole number of 1 or more");
                }
            }
            case "currency" -> {
                if (!CURRENCY.matcher(value.asText()).matches()) {
                    String path = parentPath + "." + name;
                    return new Violation(path, path + " '" + value.asText()
                            + "' is not an ISO 4217 currency code such as USD or IRR");
                }
            }
            case "engagement_time_msec" -> {
                Long msec = asLong(value);
                if (msec == null || msec < 0 || msec > EventLimits.MAX_ENGAGEMENT_MSEC) {
                    String path = parentPath + "." + name;
                    return new Violation(path, path + " '" + abbreviate(value.asText()) + "' is not a whole number "
                            + "of milliseconds from 0 to " + EventLimits.MAX_ENGAGEMENT_MSEC + " (one day)");
                }
            }
            case "ga_session_number", "session_number" -> {
                Long number = asLong(value);
                if (number == null || number < 1 || number > Integer.MAX_VALUE) {
                    String path = parentPath + "." + name;
                    return new Violation(path, path + " '" + value.asText() + "' is not a session count of 1 or more");
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    /**
     * Checks a money amount: a number DynamoDB can store exactly (38 significant digits, magnitude below 1E126)
     * and not negative, because refunds are sent as refund events with positive values.
     */
    private static Violation checkAmount(String parentPath, String name, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        BigDecimal amount = asDecimal(value);
        if (amount != null && amount.signum() >= 0 && storable(amount)) {
            return null;
        }
        String path = parentPath + "." + name;
        if (amount == null) {
            return new Violation(path, path + " '" + abbreviate(value.asText()) + "' is not a number");
        }
        if (amount.signum() < 0) {
            return new Violation(path, path + " '" + abbreviate(value.asText()) + "' is negative; send returned "
                    + "money as a refund event with a positive value");
        }
        return new Violation(path, path + " '" + abbreviate(value.asText()) + "' cannot be stored exactly: use "
                + "at most " + EventLimits.MAX_NUMBER_DIGITS + " significant digits and a magnitude below 1E126");
    }

    /**
     * Tells whether DynamoDB can store {@code amount} exactly. The exponent is checked first, in long arithmetic,
     * because stripping the zeros of a value such as 1e-1000000000 would allocate gigabytes.
     */
    static boolean storable(BigDecimal amount) {
        if (amount.signum() == 0) {
            return true;
        }
        long exponent = (long) amount.precision() - amount.scale() - 1;
        if (exponent > EventLimits.MAX_NUMBER_EXPONENT || exponent < EventLimits.MIN_NUMBER_EXPONENT) {
            return false;
        }
        return amount.stripTrailingZeros().precision() <= EventLimits.MAX_NUMBER_DIGITS;
    }

    /** Returns {@code amount} without trailing zeros and zero as plain 0, for storage; call after storable. */
    static BigDecimal normalized(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String abbreviate(String value) {
        return EventValidator.abbreviate(value);
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
        try {
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isTextual()) {
                return new BigDecimal(node.asText().trim());
            }
        } catch (NumberFormatException e) {
            // Text that is no number, or a double out of range such as 1e400 (parsed as infinity).
            return null;
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
