package com.campaignkpi.spend;

import com.campaignkpi.api.RequestException;
import java.util.List;

/**
 * A spend report this library cannot read: an unknown format, a missing required column, a malformed row or an
 * invalid value. Retrying the same file never helps, so it is a {@link RequestException} with status 400 and the
 * HTTP binding reports it as such. {@link #field()} names the column, or is {@value #WHOLE_FILE} for a problem of a
 * row or of the file as a whole, as the webhooks name a body.
 *
 * <p>The message names the line, the column and the value as written, so the sender can find and fix the cell.
 */
public final class SpendFormatException extends RequestException {

    /** The field of a problem that no single column causes: the body, in the JSON path notation of error bodies. */
    static final String WHOLE_FILE = "$";

    /** Maximum length of a bad value quoted in a message, in characters. */
    private static final int MAX_QUOTED = 80;

    private final Long line;
    private final String value;

    private SpendFormatException(Long line, String column, String value, String message) {
        super(400, column, message);
        this.line = line;
        this.value = value;
    }

    /** Creates the exception for a cell or JSON field whose value does not parse. */
    static SpendFormatException invalidValue(long line, String column, String value, String expected) {
        String message = "Invalid value '" + quote(value) + "' in column '" + column + "' on line " + line
                + ": expected " + expected;
        return new SpendFormatException(line, column, value, message);
    }

    /** Creates the exception for a row as a whole, such as one with more cells than the header. */
    static SpendFormatException invalidRow(long line, String problem) {
        return new SpendFormatException(line, WHOLE_FILE, null, "Invalid row on line " + line + ": " + problem);
    }

    /** Creates the exception for a header without a column the format needs. */
    static SpendFormatException missingColumns(String format, List<String> expected, List<String> found) {
        String message = "Missing required column for format " + format + ": expected " + String.join(" or ", expected)
                + ". Columns found: " + String.join(", ", found);
        return new SpendFormatException(null, expected.get(0), null, message);
    }

    /** Creates the exception for a format name that is not one of {@code known}, naming the {@code format} field. */
    static SpendFormatException unknownFormat(String format, List<String> known) {
        return new SpendFormatException(null, "format", null, "Unknown spend format '" + quote(format)
                + "'. Use one of " + String.join(", ", known));
    }

    /** Creates the exception for a file as a whole, such as one in no known format. */
    static SpendFormatException unreadable(String problem) {
        return new SpendFormatException(null, WHOLE_FILE, null, problem);
    }

    /** Returns the 1-based line where the offending row or JSON object starts, or null for the file as a whole. */
    public Long line() {
        return line;
    }

    /** Returns the offending value as written in the file, or null when no single value is at fault. */
    public String value() {
        return value;
    }

    private static String quote(String value) {
        return value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...";
    }
}
