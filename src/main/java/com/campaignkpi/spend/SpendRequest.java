package com.campaignkpi.spend;

/**
 * Input of the {@code spend} function, for bindings that deliver JSON rather than a file upload.
 *
 * @param format        {@code google-ads}, {@code meta-ads}, {@code canonical} or {@code generic-csv}; detected
 *                      from the content when absent
 * @param from          first day the report covers, for a report without per-day rows
 * @param to            last day it covers, inclusive
 * @param content       the report as text
 * @param contentBase64 the report file's bytes in base64, for UTF-16 downloads; used when {@code content} is absent
 */
public record SpendRequest(String measurementId, String apiSecret, String format, String from, String to,
        String content, String contentBase64) {
}
