package com.campaignkpi.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads calendar days given as {@code yyyy-MM-dd} in requests, with a 400 naming the field when one is invalid. */
public final class Days {

    private Days() {
    }

    /** Returns the day in {@code value}, or raises a 400 naming {@code field} when it is missing or invalid. */
    public static LocalDate require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RequestException.invalid(field, field + " is missing: give a day as yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw RequestException.invalid(field, field + " '" + value + "' is not a calendar day in the form "
                    + "yyyy-MM-dd");
        }
    }
}
