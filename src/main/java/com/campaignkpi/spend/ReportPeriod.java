package com.campaignkpi.spend;

import java.time.LocalDate;

/**
 * Reporting period stated in a report's preamble, such as Google Ads' "January 20, 2026 - January 21, 2026".
 *
 * @param text the period as the file writes it
 * @param start first day, inclusive, or null when the text names no dates ("All time")
 * @param end last day, inclusive, or null exactly when {@code start} is null
 */
public record ReportPeriod(String text, LocalDate start, LocalDate end) {

    public ReportPeriod {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("period text must not be blank");
        }
        if ((start == null) != (end == null)) {
            throw new IllegalArgumentException("period needs both start and end, or neither: " + text);
        }
        if (start != null && start.isAfter(end)) {
            throw new IllegalArgumentException("period starts after it ends: " + text);
        }
    }

    /** Returns true when the period names its days, false for "All time" and other undated periods. */
    public boolean dated() {
        return start != null;
    }
}
