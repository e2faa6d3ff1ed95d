package com.campaignkpi.lambda;

import java.util.Map;

/**
 * The response a Lambda integration returns to API Gateway's HTTP API (payload format 2.0): status, headers and a text
 * body, which API Gateway sends to the client as they are.
 */
public record HttpApiResponse(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {

    static HttpApiResponse json(int status, String json, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.putAll(extraHeaders);
        return new HttpApiResponse(status, Map.copyOf(headers), json, false);
    }
}
