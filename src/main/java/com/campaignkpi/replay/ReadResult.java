package com.campaignkpi.replay;

import java.util.List;
import java.util.Map;

/**
 * The events read from one export file and what the conversion changed on the way.
 *
 * @param events          the events in file order
 * @param truncatedValues per parameter name, how many string values were cut to the server's length limit
 * @param droppedParams   per parameter name, how many values were left out: over the param limit, under a name
 *                        the event already had, or under a name the server rejects
 * @param skippedRows     per reason, how many input rows produced no event
 */
public record ReadResult(
        List<ReplayEvent> events,
        Map<String, Long> truncatedValues,
        Map<String, Long> droppedParams,
        Map<String, Long> skippedRows) {

    public ReadResult {
        events = List.copyOf(events);
        truncatedValues = Map.copyOf(truncatedValues);
        droppedParams = Map.copyOf(droppedParams);
        skippedRows = Map.copyOf(skippedRows);
    }

    /** Returns the number of string values that were truncated, over all parameter names. */
    public long truncatedCount() {
        return truncatedValues.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Returns the number of parameter values that were left out, over all parameter names. */
    public long droppedCount() {
        return droppedParams.values().stream().mapToLong(Long::longValue).sum();
    }
}
