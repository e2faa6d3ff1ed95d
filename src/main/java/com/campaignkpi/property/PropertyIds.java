package com.campaignkpi.property;

import com.campaignkpi.api.RequestException;
import java.util.regex.Pattern;

/** Syntax of property ids, checked before an id becomes part of a DynamoDB key. */
public final class PropertyIds {

    /** Letters, digits, '-' and '_' only, so '#' (the key separator) can never appear in an id. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private PropertyIds() {
    }

    /** Returns {@code id} when valid, else raises a 400 naming {@code field}. */
    public static String require(String field, String id) {
        if (id == null || id.isBlank()) {
            throw RequestException.invalid(field, field + " is missing; pass the property's measurement id, "
                    + "for example G-ABC123");
        }
        if (!VALID.matcher(id).matches()) {
            throw RequestException.invalid(field, field + " '" + abbreviate(id) + "' is invalid: use 1 to 64 "
                    + "letters, digits, '-' or '_'");
        }
        return id;
    }

    /** Returns whether {@code id} is a valid property id. */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** Shortens a value quoted in a message to at most 80 characters. */
    public static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
