package com.campaignkpi.replay;

/**
 * One event the server rejected, as a sample for the summary.
 *
 * @param eventName       the event's name
 * @param timestampMicros the event's time, in microseconds since the Unix epoch
 * @param reason          the server's reason
 * @param field           the path of the offending field in the request body, such as {@code events[3].name}, or
 *                        null when the whole body was rejected
 */
public record Rejection(String eventName, long timestampMicros, String reason, String field) {
}
