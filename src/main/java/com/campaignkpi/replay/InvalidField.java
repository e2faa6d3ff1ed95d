package com.campaignkpi.replay;

import java.util.function.Supplier;

/** A field of a JSON row that cannot be converted. The reader adds file and line to make a ReplayInputException. */
final class InvalidField extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Returns the field's path in the row, such as {@code event_params[3].value.int_value}. */
    String field() {
        return field;
    }

    /** Runs a conversion and names the field when it throws IllegalArgumentException. */
    static <T> T convert(String field, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, e.getMessage());
        }
    }
}
