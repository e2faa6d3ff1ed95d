package com.campaignkpi.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Input of the {@code collect} function for bindings without a query string (a queue message, a direct invoke).
 *
 * @param measurementId the property
 * @param apiSecret     one of the property's API secrets
 * @param format        {@code mp} (default) or {@code canonical}
 * @param importMode    true for historical replay, which lifts only the 72-hour age limit
 * @param body          the Measurement Protocol body or the canonical event(s)
 */
public record CollectRequest(String measurementId, String apiSecret, String format, Boolean importMode,
        JsonNode body) {
}
