package com.campaignkpi.ingest;

import com.campaignkpi.api.RequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The {@code collect} function: the same ingestion as the webhook URLs, with credentials inside the input, for
 * bindings that deliver a JSON document rather than an HTTP request.
 */
public class CollectFunction {

    @Inject
    CollectService collector;

    @Inject
    ObjectMapper mapper;

    @Funq("collect")
    public CollectResult collect(CollectRequest request) {
        if (request == null || request.body() == null) {
            throw RequestException.invalid("body", "body is missing: pass the Measurement Protocol body or the "
                    + "canonical event(s) in 'body'");
        }
        Endpoint endpoint = endpoint(request.format());
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(request.body());
        } catch (JsonProcessingException e) {
            throw RequestException.invalid("body", "body could not be serialised: " + e.getOriginalMessage());
        }
        try {
            return collector.collect(new CollectCommand(request.measurementId(), request.apiSecret(), endpoint,
                    Boolean.TRUE.equals(request.importMode()), body));
        } catch (RequestException e) {
            throw new RequestException(e.status(), inputField(e.field()), e.getMessage());
        }
    }

    /** Names a field as this function's input does: the webhook's query parameters are fields here. */
    private static String inputField(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "measurement_id" -> "measurementId";
            case "api_secret" -> "apiSecret";
            case RequestSignature.HEADER -> field;
            default -> field.equals("$") ? "body" : "body." + field;
        };
    }

    private static Endpoint endpoint(String format) {
        if (format == null || format.equals(Endpoint.MEASUREMENT_PROTOCOL.id())) {
            return Endpoint.MEASUREMENT_PROTOCOL;
        }
        if (format.equals(Endpoint.CANONICAL.id())) {
            return Endpoint.CANONICAL;
        }
        throw RequestException.invalid("format", "format '" + format + "' is unknown: use mp or canonical");
    }
}
