package com.campaignkpi.ingest;

import com.campaignkpi.api.RequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the project's canonical event JSON, one event object or an array of them, into events. Each event carries
 * its own identity: {@code event_id}, {@code name}, {@code timestamp_micros} or {@code timestamp} (ISO-8601 with an
 * offset), {@code client_id}, {@code user_id}, {@code device_category} and GA4-named {@code params}.
 */
final class CanonicalBody {

    private CanonicalBody() {
    }

    static SplitBody split(JsonNode body) {
        List<JsonNode> events = new ArrayList<>();
        boolean array = body.isArray();
        if (array) {
            body.forEach(events::add);
        } else if (body.isObject()) {
            events.add(body);
        } else {
            throw RequestException.invalid("$", "A canonical body must be an event object or an array of them");
        }
        if (events.isEmpty()) {
            throw RequestException.invalid("$", "The array is empty: send 1 to "
                    + EventLimits.MAX_EVENTS_PER_REQUEST + " events");
        }

        int acceptedCount = Math.min(events.size(), EventLimits.MAX_EVENTS_PER_REQUEST);
        List<IncomingEvent> result = new ArrayList<>(acceptedCount);
        for (int i = 0; i < acceptedCount; i++) {
            result.add(toIncoming(i, array ? "[" + i + "]" : "$", events.get(i)));
        }
        return new SplitBody(result, overflow(events));
    }

    private static SplitBody.Overflow overflow(List<JsonNode> events) {
        int first = EventLimits.MAX_EVENTS_PER_REQUEST;
        if (events.size() <= first) {
            return null;
        }
        ArrayNode rest = JsonNodeFactory.instance.arrayNode();
        events.subList(first, events.size()).forEach(rest::add);
        return new SplitBody.Overflow(first, events.size() - 1, "[" + first + "]", rest);
    }

    private static IncomingEvent toIncoming(int index, String path, JsonNode event) {
        Violation problem = null;
        JsonNode timestamp = event.hasNonNull("timestamp_micros") ? event.get("timestamp_micros") : null;
        String timestampPath = path + ".timestamp_micros";
        if (timestamp == null && event.hasNonNull("timestamp")) {
            timestampPath = path + ".timestamp";
            String text = event.get("timestamp").asText();
            Instant time = IsoOffsetTime.parse(text);
            if (time == null || time.isBefore(Instant.EPOCH) || time.isAfter(EventLimits.LATEST_EVENT_TIME)) {
                problem = new Violation(timestampPath, timestampPath + " '" + EventValidator.abbreviate(text)
                        + "' is not an ISO-8601 time with an offset between 1970 and 9999, such as "
                        + "2024-03-28T08:45:18.250+03:30");
            } else {
                timestamp = LongNode.valueOf(EpochMicros.of(time));
            }
        }
        // The event itself is its replay body, because nothing changes a replay body after the split.
        // PrivacyRules.forStorage copies a body before it edits it.
        ObjectNode replay = event.isObject() ? (ObjectNode) event : null;
        String clientIdPath = path + ".client_id";
        IdentityField clientId = IdentityField.read(event.get("client_id"), clientIdPath);
        IdentityField userId = IdentityField.read(event.get("user_id"), path + ".user_id");
        if (problem == null) {
            problem = clientId.problem() != null ? clientId.problem() : userId.problem();
        }
        return new IncomingEvent(index, path, event, replay, clientId.value(), clientIdPath, userId.value(),
                timestamp, timestampPath, ParamValues.asText(event.get("device_category")), path + ".device_category",
                problem, true);
    }
}
