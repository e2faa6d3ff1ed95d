package com.campaignkpi.ingest;

import com.campaignkpi.property.PropertyIds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A webhook request that passed authentication, as a deployment with an ingest queue carries it from the webhook
 * to the function that stores it. The receipt time and request id travel with the body, so storing the message
 * twice, as a queue may deliver it, yields the same event and rejection keys.
 *
 * @param version    layout of this message, {@value #VERSION}; a consumer rejects layouts it does not know
 * @param requestId  id the webhook gave the request, shared by its stored rejections
 * @param receivedAt when the webhook received it (UTC, microseconds)
 * @param property   measurement id of the authenticated property
 * @param endpoint   body format
 * @param importMode the request's import flag, which lifts the 72-hour age limit
 * @param body       the request body as the sender sent it, JSON text. Text rather than a JSON value, so the
 *                   consumer parses exactly what the webhook parsed, under the same nesting limit.
 * @param browserUserAgent the {@code User-Agent} header of a request that a browser sent, or null; absent from
 *                   messages written before the field existed, which this layout still reads
 */
public record QueuedRequest(int version, String requestId, Instant receivedAt, String property, Endpoint endpoint,
        boolean importMode, String body, String browserUserAgent) {

    public static final int VERSION = 1;

    /** Receipt times a consumer accepts: the years 1970 to 9999, as event times. */
    private static final Instant FIRST_RECEIPT = Instant.EPOCH;
    private static final Instant AFTER_LAST_RECEIPT = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC)
            .toInstant();

    /** Creates a message for a request without a browser's user agent. */
    public QueuedRequest(int version, String requestId, Instant receivedAt, String property, Endpoint endpoint,
            boolean importMode, String body) {
        this(version, requestId, receivedAt, property, endpoint, importMode, body, null);
    }

    /** Maximum length of a request id a consumer accepts; the webhook sends a 36-character UUID. */
    static final int MAX_REQUEST_ID_LENGTH = 64;

    /**
     * Returns why the message cannot be stored, naming the field, or null when it can. Only a sender with access
     * to the queue could write such a message, since the webhook writes none.
     */
    public String problem() {
        if (version != VERSION) {
            return "version " + version + " is unknown; this consumer reads version " + VERSION;
        }
        if (requestId == null || requestId.isEmpty() || requestId.length() > MAX_REQUEST_ID_LENGTH
                || requestId.contains("#")) {
            return "requestId is missing, longer than " + MAX_REQUEST_ID_LENGTH + " characters or contains '#'";
        }
        if (receivedAt == null) {
            return "receivedAt is missing";
        }
        if (receivedAt.isBefore(FIRST_RECEIPT) || !receivedAt.isBefore(AFTER_LAST_RECEIPT)) {
            return "receivedAt " + receivedAt + " is outside the years 1970 to 9999";
        }
        if (!PropertyIds.isValid(property)) {
            return "property is missing or not a valid measurement id";
        }
        if (endpoint == null) {
            return "endpoint is missing or unknown";
        }
        if (body == null || body.isEmpty()) {
            return "body is missing";
        }
        return null;
    }
}
