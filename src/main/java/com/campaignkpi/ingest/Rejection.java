package com.campaignkpi.ingest;

/**
 * A rejected event as stored: when it arrived, why it was rejected, and a body that resends it alone.
 *
 * @param receivedAt ISO-8601 instant of receipt (UTC)
 * @param requestId  id of the request the event came in, shared by its other events
 * @param index      position of the event in that request
 * @param endpoint   {@code mp} or {@code canonical}, the endpoint {@code body} is meant for
 * @param body       JSON text that resends the event alone
 */
public record Rejection(String receivedAt, String requestId, int index, String field, String reason, String endpoint,
        String body) {
}
