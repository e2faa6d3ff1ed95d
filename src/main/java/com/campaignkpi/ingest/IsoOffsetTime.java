package com.campaignkpi.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads an ISO-8601 time with an offset, as {@link OffsetDateTime#parse} does. The shape senders use,
 * {@code 2024-03-28T08:45:18.250+03:30} or with {@code Z}, is read by hand first, because the JDK's formatter
 * took 6 to 9 % of the canonical body's time in {@code WebhookBenchmark}. Every other text goes to the formatter.
 */
final class IsoOffsetTime {

    private static final int MAX_FRACTION_DIGITS = 9;

    private IsoOffsetTime() {
    }

    /** Returns the instant of {@code text}, or null when it is not an ISO-8601 time with an offset. */
    static Instant parse(String text) {
        Instant common = parseCommonShape(text);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Reads {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, and {@code Z} or {@code ±HH:mm}.
     * Returns null for any other text and for fields out of range, so that the JDK's formatter judges them.
     */
    private static Instant parseCommonShape(String text) {
        int length = text.length();
        if (length < 20 || !isDigits(text, 0, 4) || text.charAt(4) != '-' || !isDigits(text, 5, 2)
                || text.charAt(7) != '-' || !isDigits(text, 8, 2) || text.charAt(10) != 'T'
                || !isDigits(text, 11, 2) || text.charAt(13) != ':' || !isDigits(text, 14, 2)
                || text.charAt(16) != ':' || !isDigits(text, 17, 2)) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < length && i - start < MAX_FRACTION_DIGITS && isDigit(text.charAt(i))) {
                nanos = nanos * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int digits = i - start; digits < MAX_FRACTION_DIGITS; digits++) {
                nanos *= 10;
            }
        }

        int offsetHours;
        int offsetMinutes;
        if (i == length - 1 && text.charAt(i) == 'Z') {
            offsetHours = 0;
            offsetMinutes = 0;
        } else if (i == length - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && isDigits(text, i + 1, 2)
                && text.charAt(i + 3) == ':' && isDigits(text, i + 4, 2)) {
            int sign = text.charAt(i) == '-' ? -1 : 1;
            offsetHours = sign * number(text, i + 1, 2);
            offsetMinutes = sign * number(text, i + 4, 2);
        } else {
            return null;
        }

        try {
            LocalDateTime local = LocalDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2),
                    number(text, 11, 2), number(text, 14, 2), number(text, 17, 2), nanos);
            return local.toInstant(ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isDigits(String text, int start, int count) {
        for (int i = start; i < start + count; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
