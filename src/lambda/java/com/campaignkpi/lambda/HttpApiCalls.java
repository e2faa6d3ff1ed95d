package com.campaignkpi.lambda;

import com.campaignkpi.api.ErrorBody;
import com.campaignkpi.api.Failures;
import com.campaignkpi.api.JsonPaths;
import com.campaignkpi.api.RequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a function for an API Gateway request and turns its result or failure into the HTTP response: 200 with the
 * result as JSON, a {@link RequestException} into its 4xx, a transient store failure into 503 with Retry-After, and
 * anything else into 500 without details. The same statuses and error bodies as the HTTP server's.
 */
@ApplicationScoped
public class HttpApiCalls {

    private static final Logger LOG = Logger.getLogger(HttpApiCalls.class);

    @Inject
    ObjectMapper mapper;

    public HttpApiResponse respond(HttpApiRequest request, Supplier<Object> call) {
        return respond(request, call, null);
    }

    /**
     * Runs {@code call} like {@link #respond(HttpApiRequest, Supplier)}, but sends a text result as it is with
     * {@code contentType}, such as CSV; failures are still JSON error bodies.
     */
    public HttpApiResponse respondText(HttpApiRequest request, Supplier<Object> call, String contentType) {
        return respond(request, call, contentType);
    }

    private HttpApiResponse respond(HttpApiRequest request, Supplier<Object> call, String textType) {
        if (request == null) {
            return error(new ErrorBody(400, "The event is missing: the function expects an API Gateway HTTP API "
                    + "event (payload format 2.0)", "$"), Map.of());
        }
        try {
            Object result = call.get();
            return textType == null ? ok(result)
                    : new HttpApiResponse(200, Map.of("Content-Type", textType), (String) result, false);
        } catch (RequestException e) {
            return error(new ErrorBody(e.status(), e.getMessage(), e.field()), Map.of());
        } catch (RuntimeException e) {
            ErrorBody unavailable = Failures.unavailable(e);
            if (unavailable != null) {
                LOG.warnf("Answered %s %s with 503 because the store failed: %s", request.method(), request.path(),
                        e.toString());
                return error(unavailable, Map.of("Retry-After", Integer.toString(Failures.RETRY_AFTER_SECONDS)));
            }
            // The path only: the query string may hold api_secret.
            LOG.errorf(e, "Failed %s %s (API Gateway request %s)", request.method(), request.path(),
                    request.requestId());
            return error(new ErrorBody(500, "Internal error while handling " + request.path() + "; the function log "
                    + "has the details under request " + request.requestId(), null), Map.of());
        }
    }

    /** Reads the JSON body as {@code type}, or raises 400 naming where it is broken. */
    public <T> T readBody(HttpApiRequest request, Class<T> type) {
        byte[] body = request.bodyBytes();
        if (body.length == 0) {
            throw RequestException.invalid("$", "The body is empty: send a JSON object");
        }
        try {
            return mapper.readValue(body, type);
        } catch (JsonMappingException e) {
            String field = JsonPaths.fieldOf(e);
            throw RequestException.invalid(field, "The body is not a valid " + type.getSimpleName() + " at "
                    + field + ": " + JsonPaths.problemOf(e));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw RequestException.invalid("$", "The body is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw RequestException.invalid("$", "The body could not be read as JSON: " + e.getMessage());
        }
    }

    private HttpApiResponse ok(Object result) {
        return HttpApiResponse.json(200, write(result), Map.of());
    }

    private HttpApiResponse error(ErrorBody body, Map<String, String> headers) {
        return HttpApiResponse.json(body.status(), write(body), headers);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
