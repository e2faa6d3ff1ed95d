package com.campaignkpi.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A webhook request that passed authentication, as a deployment with an ingest queue carries it from the webhook
 * to the function that stores it. The receipt time and request id travel with the body, so storing the message
 * twice, as a queue may deliver it, yields the same event and rejection keys.
 *
 * @param version    layout of this message, {@value #VERSION}; a consumer refuses layouts it does not know
 * @param requestId  id the webhook gave the request, shared by its stored rejections
 * @param receivedAt when the webhook received it (UTC, microseconds)
 * @param property   measurement id of the authenticated property
 * @param endpoint   body format
 * @param importMode the request's import flag, which lifts the 72-hour age limit
 * @param body       the request body as parsed JSON
 */
public record QueuedRequest(int version, String requestId, Instant receivedAt, String property, Endpoint endpoint,
        boolean importMode, JsonNode body) {

    public static final int VERSION = 1;

    /** Returns the name of the first field that is missing or unknown, or null when the message is whole. */
    public String problem() {
        if (version != VERSION) {
            return "version " + version + " is unknown; this consumer reads version " + VERSION;
        }
        if (requestId == null || requestId.isEmpty()) {
            return "requestId is missing";
        }
        if (receivedAt == null) {
            return "receivedAt is missing";
        }
        if (property == null || property.isEmpty()) {
            return "property is missing";
        }
        if (endpoint == null) {
            return "endpoint is missing";
        }
        if (body == null || body.isNull() || body.isMissingNode()) {
            return "body is missing";
        }
        return null;
    }
}
