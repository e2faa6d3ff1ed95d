package com.campaignkpi.lambda;

import com.campaignkpi.api.RequestException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The event API Gateway's HTTP API sends to a Lambda integration (payload format 2.0), with the fields the
 * functions read. API Gateway lowercases header names and joins repeated query parameters with commas.
 *
 * @param routeKey              the matched route, such as {@code POST /mp/collect}
 * @param rawPath               the request path
 * @param headers               request headers, names lowercase
 * @param queryStringParameters decoded query parameters; null when there are none
 * @param body                  the body as text, or Base64 when {@code isBase64Encoded}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpApiRequest(String routeKey, String rawPath, Map<String, String> headers,
        Map<String, String> queryStringParameters, String body, boolean isBase64Encoded,
        RequestContext requestContext) {

    /** The part of the request context the functions log and route on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(String requestId, Http http) {
    }

    /** Method and path as API Gateway saw them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Http(String method, String path) {
    }

    /** Decodes the raw body bytes, which are empty when there is no body. */
    public byte[] bodyBytes() {
        if (body == null) {
            return new byte[0];
        }
        if (!isBase64Encoded) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw RequestException.invalid("$", "The body is marked Base64 but is not valid Base64");
        }
    }

    public String query(String name) {
        return queryStringParameters == null ? null : queryStringParameters.get(name);
    }

    public String header(String name) {
        return headers == null ? null : headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Returns the query parameter, or the header when the parameter is missing or empty. */
    public String queryOrHeader(String parameter, String header) {
        String value = query(parameter);
        return value != null && !value.isEmpty() ? value : header(header);
    }

    public String method() {
        return requestContext == null || requestContext.http() == null ? null : requestContext.http().method();
    }

    public String path() {
        return rawPath != null ? rawPath
                : requestContext == null || requestContext.http() == null ? null : requestContext.http().path();
    }

    public String requestId() {
        return requestContext == null ? null : requestContext.requestId();
    }

    /** Returns the token of an {@code Authorization: Bearer} header, or null. */
    public String bearerToken() {
        String authorization = header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
