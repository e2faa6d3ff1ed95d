package com.campaignkpi.replay;

import java.nio.file.Path;

/** An input row that cannot be converted into events. The message names file, line and column. */
public class ReplayInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String column;

    /**
     * @param file   the input file
     * @param line   the 1-based line where the row starts, or where a CSV syntax error is
     * @param column the column name or 1-based column number of the bad value
     * @param detail what is wrong with the value, and what was expected
     */
    public ReplayInputException(Path file, long line, String column, String detail) {
        super(file + ": line " + line + ", column " + column + ": " + detail);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }
}
