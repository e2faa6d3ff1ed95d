package com.campaignkpi.ingest;

import com.campaignkpi.api.RequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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

    static List<IncomingEvent> split(JsonNode body) {
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

        List<IncomingEvent> result = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String path = array ? "[" + i + "]" : "$";
            result.add(toIncoming(i, path, event, MeasurementProtocolBody.tooMany(i, events.size(), path)));
        }
        return result;
    }

    private static IncomingEvent toIncoming(int index, String path, JsonNode event, Violation tooMany) {
        Violation problem = tooMany;
        JsonNode timestamp = event.get("timestamp_micros");
        String timestampPath = path + ".timestamp_micros";
        if (timestamp == null && event.hasNonNull("timestamp")) {
            timestampPath = path + ".timestamp";
            try {
                Instant time = OffsetDateTime.parse(event.get("timestamp").asText()).toInstant();
                timestamp = LongNode.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, time));
            } catch (DateTimeException e) {
                problem = problem != null ? problem : new Violation(timestampPath, timestampPath + " '"
                        + event.get("timestamp").asText() + "' is not an ISO-8601 time with an offset, such as "
                        + "2024-03-28T08:45:18.250+03:30");
            }
        }
        ObjectNode replay = event.isObject() ? ((ObjectNode) event).deepCopy() : null;
        return new IncomingEvent(index, path, event, replay, ParamValues.asText(event.get("client_id")),
                path + ".client_id", ParamValues.asText(event.get("user_id")), timestamp, timestampPath,
                ParamValues.asText(event.get("device_category")), problem, true);
    }
}
