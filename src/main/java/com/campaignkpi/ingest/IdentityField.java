package com.campaignkpi.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A client or user id as sent: a string, or a number or boolean taken as its text. An object or array is a
 * problem, not a missing id, so the sender learns what to fix.
 */
record IdentityField(String value, Violation problem) {

    static IdentityField read(JsonNode node, String path) {
        if (node != null && node.isContainerNode()) {
            return new IdentityField(null, new Violation(path, path + " must be a string, found "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        String value = ParamValues.asText(node);
        return new IdentityField(value, check(path, value));
    }

    /**
     * Checks an id's length and encoding: at most {@link EventLimits#MAX_ID_LENGTH} characters, which keeps every key
     * built from it under DynamoDB's 1,024-byte sort-key limit, and no lone surrogate, which would be stored as '?'
     * and collide with other ids.
     */
    static Violation check(String path, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > EventLimits.MAX_ID_LENGTH) {
            return new Violation(path, path + " is " + value.length() + " characters long; the limit is "
                    + EventLimits.MAX_ID_LENGTH);
        }
        // Only a surrogate can be unpaired, so text without one skips creating an encoder.
        if (hasSurrogate(value) && !StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
            return new Violation(path, path + " contains an unpaired UTF-16 surrogate, which is not text");
        }
        return null;
    }

    private static boolean hasSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
