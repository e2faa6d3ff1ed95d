package com.campaignkpi.replay;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The server and property that events are replayed into.
 *
 * @param baseUrl       the server's base URL, such as {@code http://127.0.0.1:8080}
 * @param measurementId the property id, such as {@code G-DEMO}
 * @param apiSecret     the property's API secret; never logged or shown in messages
 */
public record ReplayTarget(URI baseUrl, String measurementId, String apiSecret) {

    public ReplayTarget {
        if (baseUrl == null || baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("base URL '" + baseUrl + "' is not an absolute http(s) URL");
        }
        if (measurementId == null || measurementId.isBlank()) {
            throw new IllegalArgumentException("measurement id is missing");
        }
        if (apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("API secret is missing");
        }
    }

    /** Returns the URL of a webhook with measurement_id, api_secret and import=true, which lifts the 72-hour limit. */
    public URI ingestUri(Endpoint endpoint) {
        return resolve(endpoint.path() + "?measurement_id=" + encode(measurementId) + "&api_secret="
                + encode(apiSecret) + "&import=true");
    }

    /** Returns the URL of a path below the base URL, such as {@code /snapshot}. */
    public URI resolve(String pathAndQuery) {
        String base = baseUrl.toString();
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(trimmed + pathAndQuery);
    }

    /** Hides the secret, so a record printed in a log or an assertion message does not leak it. */
    @Override
    public String toString() {
        return "ReplayTarget[baseUrl=" + baseUrl + ", measurementId=" + measurementId + ", apiSecret=***]";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
