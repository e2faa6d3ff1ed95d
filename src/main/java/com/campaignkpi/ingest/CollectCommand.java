package com.campaignkpi.ingest;

/**
 * A webhook request as any binding hands it over.
 *
 * @param measurementId the property, from {@code measurement_id} or the {@code X-Measurement-Id} header
 * @param apiSecret     from {@code api_secret} or the {@code X-Api-Secret} header
 * @param importMode    true for historical replay: lifts the 72-hour age limit and nothing else
 * @param body          the raw request body, UTF-8
 * @param signature     the {@code X-Signature} header, or null when the request carries none
 */
public record CollectCommand(String measurementId, String apiSecret, Endpoint endpoint, boolean importMode,
        byte[] body, String signature) {

    /** Creates a command for an unsigned request. */
    public CollectCommand(String measurementId, String apiSecret, Endpoint endpoint, boolean importMode,
            byte[] body) {
        this(measurementId, apiSecret, endpoint, importMode, body, null);
    }
}
