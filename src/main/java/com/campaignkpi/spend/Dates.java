package com.campaignkpi.spend;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates that report files write: ISO days ("2026-01-20"), Google Ads' US and UK forms ("January 20,
 * 2026", "Jan 20, 2026", "10 February 2026") and preamble periods joined by a dash.
 *
 * <p>Numeric forms with slashes are rejected, because 03/04/2026 is March 4 in the US and April 3 elsewhere.
 */
final class Dates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            formatter("MMMM d, uuuu"),
            formatter("MMM d, uuuu"),
            formatter("d MMMM uuuu"),
            formatter("d MMM uuuu"),
            formatter("EEE, MMM d, uuuu"),
            formatter("EEEE, MMMM d, uuuu"));
    /** Two dates joined by a dash with spaces around it, or by an en dash. */
    private static final Pattern PERIOD = Pattern.compile("(.+?)\\s+[-\u2013]\\s+(.+)");
    private static final String ALL_TIME = "all time";

    private Dates() {
    }

    private static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Returns the day, or null when the text is no date in a known form. */
    static LocalDate parse(String text) {
        String trimmed = text.strip();
        for (DateTimeFormatter format : FORMATS) {
            try {
                return LocalDate.parse(trimmed, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    /** Returns the day in a cell, and throws naming the cell when the text is no date in a known form. */
    static LocalDate cell(String raw, long line, String column) {
        String text = Cells.text(raw);
        if (text == null) {
            return null;
        }
        LocalDate day = parse(text);
        if (day == null) {
            throw SpendFormatException.invalidValue(line, column, raw,
                    "a date such as 2026-01-20, January 20, 2026 or 20 January 2026");
        }
        return day;
    }

    /**
     * Returns the period a preamble line states ("January 20, 2026 - January 21, 2026", a single day, or "All
     * time"), or null when the line is no period.
     */
    static ReportPeriod period(String line) {
        String text = line.strip();
        if (text.equalsIgnoreCase(ALL_TIME)) {
            return new ReportPeriod(text, null, null);
        }
        Matcher matcher = PERIOD.matcher(text);
        if (matcher.matches()) {
            LocalDate start = parse(matcher.group(1));
            LocalDate end = parse(matcher.group(2));
            boolean valid = start != null && end != null && !start.isAfter(end);
            return valid ? new ReportPeriod(text, start, end) : null;
        }
        LocalDate day = parse(text);
        return day == null ? null : new ReportPeriod(text, day, day);
    }
}
