package com.campaignkpi.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The server calls around a replay: registering the property before, requesting the KPI snapshot after. */
final class ServerRequests {

    /** The key events a new property counts as conversions. */
    static final List<String> KEY_EVENTS = List.of("purchase", "sign_up", "generate_lead");
    static final int SESSION_TIMEOUT_MINUTES = 30;

    private final ReplayTarget target;
    private final ApiClient api;

    ServerRequests(ReplayTarget target, Duration firstRetryDelay) {
        this.target = target;
        this.api = new ApiClient(firstRetryDelay);
    }

    /**
     * Creates or replaces the property with the target's API secret and returns the server's view of it.
     *
     * @throws ReplayException when the admin token is rejected or the server returns an error status
     */
    JsonNode registerProperty(ZoneId timeZone, String adminToken) {
        ObjectNode body = EventJson.WRITER.createObjectNode();
        body.put("property", target.measurementId());
        body.put("timeZone", timeZone.getId());
        body.put("apiSecret", target.apiSecret());
        KEY_EVENTS.forEach(body.putArray("keyEvents")::add);
        body.put("sessionTimeoutMinutes", SESSION_TIMEOUT_MINUTES);
        body.put("adminToken", adminToken);

        ApiClient.Response response = api.post(target.resolve("/property"), bytes(body));

        if (response.status() == 401 || response.status() == 403) {
            throw new ReplayException("the server rejected the admin token (HTTP " + response.status() + ": "
                    + ReplayClient.errorText(response.body()) + "). Pass the server's CAMPAIGNKPI_ADMIN_TOKEN as "
                    + "--admin-token.");
        }
        return parseResponse("/property", response);
    }

    /** Requests the KPI snapshot of the property for the dates, both inclusive, in the time zone. */
    JsonNode snapshot(LocalDate from, LocalDate to, ZoneId timeZone, String groupBy) {
        ObjectNode body = EventJson.WRITER.createObjectNode();
        body.put("property", target.measurementId());
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("timeZone", timeZone.getId());
        body.put("groupBy", groupBy);

        ApiClient.Response response = api.post(target.resolve("/snapshot"), bytes(body));

        return parseResponse("/snapshot", response);
    }

    private static JsonNode parseResponse(String path, ApiClient.Response response) {
        if (response.status() < 200 || response.status() >= 300) {
            throw new ReplayException("POST " + path + " returned HTTP " + response.status() + ": "
                    + ReplayClient.errorText(response.body()));
        }
        try {
            return JsonValues.READER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ReplayException("POST " + path + " returned invalid JSON: "
                    + ApiClient.abbreviate(response.body()), e);
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return EventJson.WRITER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body cannot be written as JSON", e);
        }
    }
}
