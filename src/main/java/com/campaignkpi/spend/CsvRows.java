package com.campaignkpi.spend;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a delimited text, read with Commons CSV: comma, tab (Google Ads' UTF-16 downloads) or semicolon
 * separated, with LF, CRLF or CR-only line ends (Kaggle's KAG file). Empty lines are skipped.
 */
final class CsvRows {

    /** Lines inspected to choose the delimiter, enough for Google Ads' title and period above the header. */
    private static final int SAMPLE_LINES = 10;
    /** Candidates in order of preference when two occur equally often. */
    private static final char[] DELIMITERS = {'\t', ',', ';'};

    /** One row and the line of the file where it starts, 1-based. */
    record Row(long line, List<String> cells) {

        String first() {
            return cells.isEmpty() ? "" : cells.get(0).strip();
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvRows(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
    }

    static CsvRows open(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(true)
                .get();
        try {
            return new CsvRows(CSVParser.parse(new StringReader(text), format));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string failed", e);
        }
    }

    /** Returns the next row, or null after the last. */
    Row next() {
        long line = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            return new Row(line, records.next().toList());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw SpendFormatException.invalidRow(line, "malformed quoting (" + e.getMessage()
                    + "). A cell that starts with \" must end with \" and double the quotes inside");
        }
    }

    /**
     * Returns the delimiter that occurs most often on one of the first lines. A header has more delimiters than any
     * other early line, while the commas of a period such as "January 20, 2026 - January 21, 2026" are few.
     */
    static char delimiter(String text) {
        String[] lines = text.split("\r\n|\r|\n", SAMPLE_LINES + 1);
        char best = ',';
        int bestCount = 0;
        for (char delimiter : DELIMITERS) {
            for (int i = 0; i < Math.min(lines.length, SAMPLE_LINES); i++) {
                int count = (int) lines[i].chars().filter(c -> c == delimiter).count();
                if (count > bestCount) {
                    best = delimiter;
                    bestCount = count;
                }
            }
        }
        return best;
    }
}
