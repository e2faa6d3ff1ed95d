package com.campaignkpi.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with a header row record by record, with typed getters whose errors name file, line and column.
 * Blank fields read as null.
 */
final class CsvInput implements Closeable {

    /** Location of a syntax error in a commons-csv 1.14 message, such as "at line: 3, position: 18". */
    private static final Pattern ERROR_LOCATION = Pattern.compile("line: (\\d+), position: (\\d+)");

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int columnCount;
    private CSVRecord current;
    private long currentLine;

    private CsvInput(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        this.columnCount = parser.getHeaderNames().size();
    }

    /**
     * Opens the file and checks that its header has every required column.
     *
     * @param nullString a field text that means null, such as ClickHouse's {@code \N}, or null for none
     */
    static CsvInput open(Path file, String nullString, Collection<String> requiredColumns) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setNullString(nullString)
                .get();
        CsvInput input = new CsvInput(file, CSVParser.parse(InputFiles.open(file), format));
        List<String> header = input.parser.getHeaderNames();
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                input.close();
                throw new ReplayInputException(file, 1, column, "the header has no column '" + column
                        + "'; found " + header);
            }
        }
        return input;
    }

    /** Moves to the next record; returns false at the end of the file. */
    boolean next() {
        // The iterator reads ahead, so the start line is taken before it moves: the line after the previous record.
        long startLine = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return false;
            }
            current = records.next();
        } catch (UncheckedIOException e) {
            throw syntaxError(startLine, e.getCause());
        }
        currentLine = startLine;
        if (current.size() != columnCount) {
            throw new ReplayInputException(file, currentLine, String.valueOf(Math.min(current.size(), columnCount) + 1),
                    "the record has " + current.size() + " fields, but the header has " + columnCount);
        }
        return true;
    }

    long line() {
        return currentLine;
    }

    /** Returns the field, or null when it is blank or the null string. */
    String text(String column) {
        String value = current.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    String required(String column) {
        String value = text(column);
        if (value == null) {
            throw invalid(column, "the value is missing");
        }
        return value;
    }

    long requiredLong(String column) {
        return parseLong(column, required(column));
    }

    Long optionalLong(String column) {
        String value = text(column);
        return value == null ? null : parseLong(column, value);
    }

    BigDecimal optionalDecimal(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(column, "expected a number, found '" + value + "'");
        }
    }

    ReplayInputException invalid(String column, String detail) {
        return new ReplayInputException(file, currentLine, column, detail);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * Locates a CSV syntax error. commons-csv reports the line and the character offset from the start of the file,
     * so the column is found by reading the file again up to that line.
     */
    private ReplayInputException syntaxError(long startLine, IOException cause) {
        String detail = "the CSV record cannot be parsed: " + cause.getMessage();
        Matcher location = ERROR_LOCATION.matcher(String.valueOf(cause.getMessage()));
        if (!location.find()) {
            return new ReplayInputException(file, startLine, "?", detail);
        }
        long line = Long.parseLong(location.group(1));
        long offset = Long.parseLong(location.group(2));
        try (Reader reader = InputFiles.open(file)) {
            long lineStart = 0;
            long currentLine = 1;
            for (long position = 0; currentLine < line && position < offset; position++) {
                int c = reader.read();
                if (c == '\n') {
                    currentLine++;
                    lineStart = position + 1;
                }
            }
            return new ReplayInputException(file, line, String.valueOf(offset - lineStart), detail);
        } catch (IOException e) {
            return new ReplayInputException(file, line, "?", detail);
        }
    }

    private long parseLong(String column, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(column, "expected a whole number, found '" + value + "'");
        }
    }
}
