package com.campaignkpi.spend;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a delimited report: an optional preamble (Google Ads writes the report title and the period above the
 * header), the header row, data rows, and total rows.
 *
 * <p>A row whose first cell is "Total" or starts with "Total:" is a total, as in Google Ads' footer. With
 * {@link Layout#summaryWithoutNames()}, a row with empty name cells (account, campaign, ad set, ad) is a total
 * too, as in the summary row a Meta Ads Manager export may carry. The rule applies only when the header has a name
 * column.
 *
 * <p>NOTE: the Meta summary row rule is tested on hand-written exports only, because no real Ads Manager export
 * was at hand.
 */
final class TableReader {

    /** Rows searched for the header, preamble included. */
    static final int HEADER_SEARCH_ROWS = 10;
    /** Columns a header row must match, so that a title such as "Cost report" is not taken for one. */
    private static final int MIN_HEADER_MATCHES = 2;
    private static final Pattern TOTAL = Pattern.compile("(?i)total(?::\\s*(.*))?");
    private static final String SUMMARY_LABEL = "Summary";

    /**
     * Table layout of one format.
     *
     * @param required groups of alternative columns, each of which needs one of its columns in the header
     * @param summaryWithoutNames whether a row that names no account, campaign, ad set or ad is a total
     */
    record Layout(String format, AdPlatform platform, Vocabulary vocabulary, List<Column[]> required,
            boolean summaryWithoutNames) {
    }

    private TableReader() {
    }

    static SpendReport read(DecodedText text, Layout layout) {
        Warnings warnings = new Warnings();
        if (text.warning() != null) {
            warnings.add(text.warning());
        }
        CsvRows rows = CsvRows.open(text.text());
        List<CsvRows.Row> preamble = new ArrayList<>();
        CsvRows.Row headerRow = findHeader(rows, layout.vocabulary(), preamble);
        HeaderMap header = HeaderMap.resolve(headerRow.cells(), layout.vocabulary());
        for (Column[] alternatives : layout.required()) {
            header.requireAny(layout.format(), layout.vocabulary(), alternatives);
        }
        List<String> ignored = new ArrayList<>(header.ignored());
        noteHeaderCaveats(header, ignored, warnings);

        String title = null;
        ReportPeriod period = null;
        for (CsvRows.Row row : preamble) {
            String line = preambleText(row);
            ReportPeriod stated = period == null ? Dates.period(line) : null;
            if (stated != null) {
                period = stated;
            } else if (title == null && period == null) {
                title = line;
            } else {
                warnings.add("Line " + row.line() + " above the header was not read: " + line);
            }
        }
        Body body = readBody(rows, header, layout, new RowReader(layout.platform(), header, period, warnings),
                warnings);
        return new SpendReport(layout.format(), title, period, body.rows, body.totals, ignored, warnings.list());
    }

    /**
     * Returns a preamble row as one line. An unquoted period such as January 20, 2026 - January 21, 2026 is split
     * at its commas in a comma-separated file, so the cells are joined with commas again.
     */
    static String preambleText(CsvRows.Row row) {
        List<String> cells = new ArrayList<>(row.cells());
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        return String.join(",", cells).strip();
    }

    private static CsvRows.Row findHeader(CsvRows rows, Vocabulary vocabulary, List<CsvRows.Row> preamble) {
        CsvRows.Row row = rows.next();
        while (row != null && preamble.size() < HEADER_SEARCH_ROWS) {
            if (HeaderMap.resolve(row.cells(), vocabulary).matched() >= MIN_HEADER_MATCHES) {
                return row;
            }
            preamble.add(row);
            row = rows.next();
        }
        String first = preamble.isEmpty() ? "(empty file)" : String.join(",", preamble.get(0).cells());
        throw SpendFormatException.unreadable("No header row found in the first " + HEADER_SEARCH_ROWS
                + " rows; expected column names such as Campaign, Impr., Clicks, Cost. First row: " + first);
    }

    private static void noteHeaderCaveats(HeaderMap header, List<String> ignored, Warnings warnings) {
        if (header.has(Column.RESULTS) && header.has(Column.CONVERSIONS)) {
            ignored.add(header.name(Column.RESULTS));
        } else if (header.has(Column.RESULTS)) {
            warnings.add("Column '" + header.name(Column.RESULTS) + "' is read as conversions because the file has"
                    + " no Purchases column. Results count whatever each campaign optimises for"
                    + " (see Result indicator)");
        }
        if (header.has(Column.COST_CONVERTED)) {
            warnings.add("Column '" + header.name(Column.COST_CONVERTED) + "' is kept in extra cost_converted,"
                    + " and cost stays in the account's own currency");
        }
    }

    private static Body readBody(CsvRows rows, HeaderMap header, Layout layout, RowReader reader, Warnings warnings) {
        Body body = new Body();
        for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
            if (row.blank()) {
                continue;
            }
            checkWidth(row, header);
            Matcher total = TOTAL.matcher(row.first());
            if (total.matches()) {
                String label = total.group(1) == null || total.group(1).isBlank() ? "Total" : total.group(1).strip();
                body.totals.add(new ReportTotal(label, reader.read(row)));
            } else if (layout.summaryWithoutNames() && reader.readsNames() && !reader.hasNames(row)) {
                warnings.count("summary", row.line(), "A row without account, campaign, ad set or ad names is"
                        + " kept as total '" + SUMMARY_LABEL + "'");
                body.totals.add(new ReportTotal(SUMMARY_LABEL, reader.read(row)));
            } else {
                body.rows.add(reader.read(row));
            }
        }
        return body;
    }

    /** Rejects a row with more or fewer cells than the header, except for empty cells past the header's end. */
    private static void checkWidth(CsvRows.Row row, HeaderMap header) {
        List<String> cells = row.cells();
        boolean tooLong = cells.size() > header.size()
                && !cells.subList(header.size(), cells.size()).stream().allMatch(String::isBlank);
        if (tooLong || cells.size() < header.size()) {
            throw SpendFormatException.invalidRow(row.line(), "it has " + cells.size() + " cells but the header has "
                    + header.size() + ". Check the delimiter and the quoting");
        }
    }

    /** Data and total rows in file order. */
    private static final class Body {
        private final List<SpendRow> rows = new ArrayList<>();
        private final List<ReportTotal> totals = new ArrayList<>();
    }
}
