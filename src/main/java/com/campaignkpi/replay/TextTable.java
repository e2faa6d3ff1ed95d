package com.campaignkpi.replay;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table whose columns are padded to the widest cell, with a dashed rule under the header. */
final class TextTable {

    private static final String GAP = "  ";

    /** A column heading and its alignment; numbers read best right-aligned. */
    record Column(String header, boolean rightAligned) {

        static Column left(String header) {
            return new Column(header, false);
        }

        static Column right(String header) {
            return new Column(header, true);
        }
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(Column... columns) {
        this.columns = List.of(columns);
    }

    /** Adds a row; null cells print as empty. */
    void addRow(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (String cell : cells) {
            row.add(cell == null ? "" : cell);
        }
        rows.add(row);
    }

    String render() {
        int[] widths = new int[columns.size()];
        List<String> headers = new ArrayList<>();
        List<String> rule = new ArrayList<>();
        for (int column = 0; column < widths.length; column++) {
            widths[column] = columns.get(column).header().length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
            headers.add(columns.get(column).header());
            rule.add("-".repeat(widths[column]));
        }
        StringBuilder text = new StringBuilder();
        appendRow(text, headers, widths);
        appendRow(text, rule, widths);
        rows.forEach(row -> appendRow(text, row, widths));
        return text.toString();
    }

    private void appendRow(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            if (column > 0) {
                line.append(GAP);
            }
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            line.append(columns.get(column).rightAligned() ? padding + cell : cell + padding);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
