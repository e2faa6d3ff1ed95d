package com.campaignkpi.ingest;

import java.util.function.UnaryOperator;

/**
 * A webhook request as any binding hands it over.
 *
 * @param measurementId    the property, from {@code measurement_id} or the {@code X-Measurement-Id} header
 * @param apiSecret        from {@code api_secret} or the {@code X-Api-Secret} header
 * @param importMode       true for historical replay: lifts the 72-hour age limit and nothing else
 * @param body             the raw request body, UTF-8
 * @param signature        the {@code X-Signature} header, or null when the request carries none
 * @param browserUserAgent the {@code User-Agent} header of a request that a browser sent, or null; see
 *                         {@link #browserUserAgent(Endpoint, UnaryOperator)}
 */
public record CollectCommand(String measurementId, String apiSecret, Endpoint endpoint, boolean importMode,
        byte[] body, String signature, String browserUserAgent) {

    /** Creates a command for an unsigned request. */
    public CollectCommand(String measurementId, String apiSecret, Endpoint endpoint, boolean importMode,
            byte[] body) {
        this(measurementId, apiSecret, endpoint, importMode, body, null, null);
    }

    /** Creates a command for a request whose {@code User-Agent} header is not the visitor's. */
    public CollectCommand(String measurementId, String apiSecret, Endpoint endpoint, boolean importMode,
            byte[] body, String signature) {
        this(measurementId, apiSecret, endpoint, importMode, body, signature, null);
    }

    /**
     * Returns the {@code User-Agent} header when it is the visitor's own: the request went to the canonical endpoint
     * and carries {@code Sec-Fetch-Mode} or {@code Origin}, headers that browsers add when a page posts the
     * request. Otherwise returns null, because a server that forwards events (server-side GTM, a CDP, a queue
     * worker) sends its own user agent.
     *
     * @param headers returns a request header by name, or null when it is absent
     */
    public static String browserUserAgent(Endpoint endpoint, UnaryOperator<String> headers) {
        if (endpoint != Endpoint.CANONICAL) {
            return null;
        }
        if (headers.apply("Sec-Fetch-Mode") == null && headers.apply("Origin") == null) {
            return null;
        }
        return headers.apply("User-Agent");
    }
}
