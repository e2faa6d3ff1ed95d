package com.campaignkpi.spend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Caveats collected while reading one report. A caveat that repeats per row is listed once, with its count and
 * first line, so an 18,000-row file does not produce 18,000 messages.
 */
final class Warnings {

    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    private static final class Tally {
        private final String message;
        private final long firstLine;
        private long rows;

        private Tally(String message, long firstLine) {
            this.message = message;
            this.firstLine = firstLine;
        }
    }

    /** Adds a caveat about the file as a whole. Adding the same message again changes nothing. */
    void add(String message) {
        tallies.putIfAbsent(message, new Tally(message, 0));
    }

    /** Counts a caveat about one row. Rows with the same {@code key} share one message. */
    void count(String key, long line, String message) {
        tallies.computeIfAbsent(key, ignored -> new Tally(message, line)).rows++;
    }

    List<String> list() {
        List<String> messages = new ArrayList<>();
        for (Tally tally : tallies.values()) {
            if (tally.rows == 0) {
                messages.add(tally.message);
            } else {
                String rows = tally.rows == 1 ? "1 row" : tally.rows + " rows";
                messages.add(tally.message + " (" + rows + ", first on line " + tally.firstLine + ")");
            }
        }
        return messages;
    }
}
