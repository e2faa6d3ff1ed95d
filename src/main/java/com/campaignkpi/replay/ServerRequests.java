package com.campaignkpi.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The server calls around a replay: registering the property before, importing ad spend and requesting the KPI
 * snapshot after.
 */
final class ServerRequests {

    /** The key events a new property counts as conversions. */
    static final List<String> KEY_EVENTS = List.of("purchase", "sign_up", "generate_lead");
    static final int SESSION_TIMEOUT_MINUTES = 30;
    /** Content type of a spend report. The report may be CSV, UTF-16 TSV or JSON, and the server reads it as sent. */
    static final String REPORT_CONTENT_TYPE = "application/octet-stream";
    static final String SPEND_IMPORT_PATH = "/spend/import";

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

    /**
     * Creates a goal for the property and returns the server's report of it: the goal, its progress on
     * {@code today} and the SMART findings.
     */
    JsonNode createGoal(JsonNode goal, LocalDate today, String adminToken) {
        ObjectNode body = EventJson.WRITER.createObjectNode();
        body.put("action", "create");
        body.put("property", target.measurementId());
        body.set("goal", goal);
        body.put("today", today.toString());
        body.put("adminToken", adminToken);
        return parseResponse("/goals", api.post(target.resolve("/goals"), bytes(body)));
    }

    /** Runs the daily schedule as of {@code asOf}: the day before's snapshots and the week-on-week alert rules. */
    JsonNode runDailySchedule(LocalDate asOf, String adminToken) {
        ObjectNode body = EventJson.WRITER.createObjectNode();
        body.put("property", target.measurementId());
        body.put("run", "daily");
        body.put("lateDays", 0);
        body.put("asOf", asOf.toString());
        body.put("adminToken", adminToken);
        return parseResponse("/schedule", api.post(target.resolve("/schedule"), bytes(body)));
    }

    /**
     * Imports an ad-platform report file for the property and returns the server's summary of the import.
     *
     * @param format the report's format, or null to let the server detect it
     * @param from   first day covered by a report without per-day rows, or null. It is sent only with {@code to}.
     * @param to     last day of that period, inclusive
     * @throws ReplayException when the server rejects the secret or the report, naming the server's reason
     */
    JsonNode importSpend(byte[] report, String format, LocalDate from, LocalDate to) {
        StringBuilder query = new StringBuilder(SPEND_IMPORT_PATH)
                .append("?measurement_id=").append(encode(target.measurementId()))
                .append("&api_secret=").append(encode(target.apiSecret()));
        if (format != null) {
            query.append("&format=").append(encode(format));
        }
        if (from != null && to != null) {
            query.append("&from=").append(from).append("&to=").append(to);
        }

        ApiClient.Response response = api.post(target.resolve(query.toString()), report, REPORT_CONTENT_TYPE);

        if (response.status() == 401 || response.status() == 404) {
            throw new ReplayException("the server rejected the spend import for measurement id "
                    + target.measurementId() + " (HTTP " + response.status() + ": "
                    + ReplayClient.errorText(response.body()) + "). Check --measurement-id and --api-secret, or "
                    + "register the property first with --register-property.");
        }
        if (response.status() >= 400 && response.status() < 500) {
            String field = errorField(response.body());
            String hint = "from".equals(field) || "to".equals(field)
                    ? " Pass the days the report covers with --spend-from and --spend-to."
                    : "";
            throw new ReplayException("POST " + SPEND_IMPORT_PATH + " returned HTTP " + response.status() + ": "
                    + ReplayClient.errorText(response.body()) + (field == null ? "" : " (field " + field + ")")
                    + "." + hint);
        }
        return parseResponse(SPEND_IMPORT_PATH, response);
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

    /** Returns the {@code field} of a JSON error body, or null when it has none. */
    private static String errorField(String body) {
        try {
            JsonNode json = JsonValues.READER.readTree(body);
            return json != null && json.hasNonNull("field") ? json.get("field").asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
