package com.campaignkpi.spend;

import java.util.List;
import java.util.Optional;

/**
 * A parsed spend report: its data rows, the totals the platform wrote into it, and what was left out.
 *
 * @param format the format id the report was read as, one of {@link SpendFormats#ids()}
 * @param title the report title from the preamble, such as "Search terms report", or null when the file has none
 * @param period the reporting period from the preamble, or null when the file states none
 * @param rows the data rows in file order
 * @param totals the file's own total rows in file order
 * @param ignoredColumns header names this library does not read, such as derived ratios (CTR, Avg. CPC) or
 *     ad texts, and columns that repeat a value already read (Meta's "Clicks (all)" beside "Link clicks")
 * @param warnings values that were read with a caveat, each with its count and first line
 */
public record SpendReport(
        String format,
        String title,
        ReportPeriod period,
        List<SpendRow> rows,
        List<ReportTotal> totals,
        List<String> ignoredColumns,
        List<String> warnings) {

    public SpendReport {
        if (format == null) {
            throw new IllegalArgumentException("format is required");
        }
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
        ignoredColumns = List.copyOf(ignoredColumns);
        warnings = List.copyOf(warnings);
    }

    /** Returns the first total with this label (without the "Total: " prefix), compared ignoring case. */
    public Optional<ReportTotal> total(String label) {
        return totals.stream().filter(total -> total.label().equalsIgnoreCase(label)).findFirst();
    }
}
