package com.campaignkpi.replay;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts what a reader changed while converting one file: truncated values, dropped params, skipped rows. */
final class ConversionStats {

    private final Map<String, Long> truncatedValues = new TreeMap<>();
    private final Map<String, Long> droppedParams = new TreeMap<>();
    private final Map<String, Long> skippedRows = new TreeMap<>();

    void countTruncated(String paramName) {
        truncatedValues.merge(paramName, 1L, Long::sum);
    }

    void countDropped(String paramName) {
        droppedParams.merge(paramName, 1L, Long::sum);
    }

    void countSkipped(String reason) {
        skippedRows.merge(reason, 1L, Long::sum);
    }

    ReadResult toResult(List<ReplayEvent> events) {
        return new ReadResult(events, truncatedValues, droppedParams, skippedRows);
    }
}
