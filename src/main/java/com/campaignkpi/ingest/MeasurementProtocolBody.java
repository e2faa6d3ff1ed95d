package com.campaignkpi.ingest;

import com.campaignkpi.api.RequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a GA4 Measurement Protocol body ({@code client_id} or {@code app_instance_id}, {@code user_id},
 * {@code timestamp_micros}, {@code user_properties}, {@code consent}, {@code device}, {@code events}) into events.
 * A problem of the request as a whole rejects each of its events with the same reason, so each can be fixed and
 * replayed.
 */
final class MeasurementProtocolBody {

    private static final Set<String> CONSENT_VALUES = Set.of("GRANTED", "DENIED");

    /**
     * Request-level fields of the Measurement Protocol that a rejected event's replay body keeps. Anything else is
     * left out, so an unknown bulky field is not copied into each of up to 25 stored rejections.
     */
    private static final Set<String> ENVELOPE_FIELDS = Set.of("client_id", "app_instance_id", "user_id",
            "timestamp_micros", "user_properties", "consent", "device", "user_location", "ip_override", "user_data",
            "non_personalized_ads", "user_agent");

    private MeasurementProtocolBody() {
    }

    static SplitBody split(JsonNode body) {
        if (!body.isObject()) {
            throw RequestException.invalid("$", "A Measurement Protocol body must be a JSON object with 'events'");
        }
        JsonNode events = body.get("events");
        if (events == null || !events.isArray()) {
            throw RequestException.invalid("events", "events is missing or not an array");
        }
        if (events.isEmpty()) {
            throw RequestException.invalid("events", "events is empty: send 1 to "
                    + EventLimits.MAX_EVENTS_PER_REQUEST + " events");
        }

        String clientIdPath = body.has("app_instance_id") && !body.has("client_id") ? "app_instance_id" : "client_id";
        IdentityField clientId = IdentityField.read(body.get(clientIdPath), clientIdPath);
        IdentityField userId = IdentityField.read(body.get("user_id"), "user_id");
        String deviceCategory = ParamValues.asText(body.path("device").get("category"));
        Violation envelopeProblem = clientId.problem() != null ? clientId.problem()
                : userId.problem() != null ? userId.problem()
                : checkEnvelope(body);

        ObjectNode envelope = ((ObjectNode) body).deepCopy();
        envelope.retain(ENVELOPE_FIELDS);

        int acceptedCount = Math.min(events.size(), EventLimits.MAX_EVENTS_PER_REQUEST);
        List<IncomingEvent> result = new ArrayList<>(acceptedCount);
        for (int i = 0; i < acceptedCount; i++) {
            JsonNode event = events.get(i);
            String path = "events[" + i + "]";

            boolean ownTime = event.isObject() && event.hasNonNull("timestamp_micros");
            JsonNode timestamp = ownTime ? event.get("timestamp_micros") : body.get("timestamp_micros");
            String timestampPath = ownTime ? path + ".timestamp_micros" : "timestamp_micros";

            // A shallow copy suffices, because nothing changes a replay body after the split. Replay bodies share
            // nodes with the parsed body, as the event always did, and PrivacyRules.forStorage copies before it edits.
            ObjectNode replay = envelope.objectNode();
            replay.setAll(envelope);
            replay.putArray("events").add(event);
            result.add(new IncomingEvent(i, path, event, replay, clientId.value(), clientIdPath, userId.value(),
                    timestamp, timestampPath, deviceCategory, "device.category", envelopeProblem, false));
        }
        return new SplitBody(result, overflow(envelope, (ArrayNode) events));
    }

    private static SplitBody.Overflow overflow(ObjectNode envelope, ArrayNode events) {
        int first = EventLimits.MAX_EVENTS_PER_REQUEST;
        if (events.size() <= first) {
            return null;
        }
        ObjectNode replay = envelope.deepCopy();
        ArrayNode rest = replay.putArray("events");
        for (int i = first; i < events.size(); i++) {
            rest.add(events.get(i));
        }
        return new SplitBody.Overflow(first, events.size() - 1, "events[" + first + "]", replay);
    }

    private static Violation checkEnvelope(JsonNode body) {
        Violation problem = checkUserProperties(body.get("user_properties"));
        if (problem == null) {
            problem = checkConsent(body.get("consent"));
        }
        return problem;
    }

    private static Violation checkUserProperties(JsonNode properties) {
        if (properties == null || properties.isNull()) {
            return null;
        }
        if (!properties.isObject()) {
            return new Violation("user_properties", "user_properties must be a JSON object");
        }
        if (properties.size() > EventLimits.MAX_USER_PROPERTIES) {
            return new Violation("user_properties", "user_properties has " + properties.size()
                    + " properties; the limit is " + EventLimits.MAX_USER_PROPERTIES);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = "user_properties." + field.getKey();
            if (field.getKey().length() > EventLimits.MAX_USER_PROPERTY_NAME_LENGTH) {
                return new Violation(path, "user property name '" + field.getKey() + "' is "
                        + field.getKey().length() + " characters long; the limit is "
                        + EventLimits.MAX_USER_PROPERTY_NAME_LENGTH);
            }
            JsonNode value = field.getValue().path("value");
            int length = value.isTextual() ? value.asText().codePointCount(0, value.asText().length()) : 0;
            if (length > EventLimits.MAX_USER_PROPERTY_VALUE_LENGTH) {
                return new Violation(path + ".value", path + ".value is " + length
                        + " characters long; the limit is " + EventLimits.MAX_USER_PROPERTY_VALUE_LENGTH);
            }
        }
        return null;
    }

    private static Violation checkConsent(JsonNode consent) {
        if (consent == null || consent.isNull()) {
            return null;
        }
        if (!consent.isObject()) {
            return new Violation("consent", "consent must be a JSON object such as {\"ad_user_data\":\"GRANTED\"}");
        }
        for (String field : List.of("ad_user_data", "ad_personalization")) {
            JsonNode value = consent.get(field);
            if (value != null && !CONSENT_VALUES.contains(value.asText())) {
                return new Violation("consent." + field, "consent." + field + " '" + value.asText()
                        + "' is invalid: use GRANTED or DENIED");
            }
        }
        return null;
    }
}
