package com.campaignkpi.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes events in the two wire formats of the ingest webhooks, as compact UTF-8 JSON. */
final class EventJson {

    /** Writes decimals in plain notation (1500, not 1.5E+3), as a tag would send a price. */
    static final ObjectMapper WRITER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final String EVENT_ID_PARAM = "event_id";

    private EventJson() {
    }

    /**
     * Returns one element of a Measurement Protocol {@code events} array: name, timestamp_micros and params. The
     * protocol has no event id field, so the id goes first into params as {@code event_id}, where the server (like
     * Meta's deduplication) reads it. An event that already has 25 params is sent without it, and the server then
     * derives a key from the event's content.
     */
    static byte[] measurementProtocolEvent(ReplayEvent event) {
        Map<String, Object> params = event.params();
        boolean addId = event.eventId() != null && !params.containsKey(EVENT_ID_PARAM)
                && params.size() < ParamsBuilder.MAX_PARAMS;
        if (addId) {
            params = new LinkedHashMap<>();
            params.put(EVENT_ID_PARAM, event.eventId());
            params.putAll(event.params());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", event.name());
        json.put("timestamp_micros", event.timestampMicros());
        json.put("params", params);
        return write(json);
    }

    /** Returns one canonical event; it names its own client, user and device. */
    static byte[] canonicalEvent(ReplayEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (event.eventId() != null) {
            json.put("event_id", event.eventId());
        }
        json.put("name", event.name());
        json.put("timestamp_micros", event.timestampMicros());
        json.put("client_id", event.clientId());
        if (event.userId() != null) {
            json.put("user_id", event.userId());
        }
        if (event.deviceCategory() != null) {
            json.put("device_category", event.deviceCategory());
        }
        json.put("params", event.params());
        return write(json);
    }

    /**
     * Returns the start of a Measurement Protocol body up to and including {@code "events":[}; the body continues
     * with comma-separated events and ends with {@code ]}}.
     */
    static byte[] measurementProtocolStart(ReplayEvent first) {
        ObjectNode envelope = WRITER.createObjectNode();
        envelope.put("client_id", first.clientId());
        if (first.userId() != null) {
            envelope.put("user_id", first.userId());
        }
        if (first.deviceCategory() != null) {
            envelope.putObject("device").put("category", first.deviceCategory());
        }
        String json = envelope.toString();
        String start = json.substring(0, json.length() - 1) + ",\"events\":[";
        return start.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] write(Object json) {
        try {
            return WRITER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event param cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
