package com.campaignkpi.spend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Response to a spend import.
 *
 * @param periodRows     rows stored as totals over a period, because the file has no per-day rows
 * @param from           first day of that period, when there was one
 * @param to             last day of that period
 * @param totals         sums of the imported rows, one entry per currency
 * @param fileTotals     the file's own total rows compared with the imported sums
 * @param ignoredColumns columns of the file this import does not read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpendImportResult(String property, String format, String title, int rows, int periodRows, String from,
        String to, List<SpendTotals> totals, List<FileTotalCheck> fileTotals, List<String> ignoredColumns,
        List<String> warnings) {
}
