package com.campaignkpi.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads canonical events (format {@code canonical}), NDJSON or one JSON array of objects with {@code event_id},
 * {@code name}, {@code timestamp_micros} (or {@code timestamp}, ISO-8601 with an offset), {@code client_id},
 * {@code user_id}, {@code device_category} and {@code params}. Values are passed on unchanged: the server checks
 * the limits and reports each violation.
 */
public final class CanonicalReader implements ExportReader {

    public static final String FORMAT = "canonical";

    @Override
    public ReadResult read(Path file) throws IOException {
        ConversionStats stats = new ConversionStats();
        List<ReplayEvent> events = new ArrayList<>();
        JsonLines.forEach(file, (object, line, column) -> {
            try {
                events.add(toEvent(object));
            } catch (InvalidField e) {
                throw new ReplayInputException(file, line, e.field(), e.getMessage());
            }
        });
        return stats.toResult(events);
    }

    private static ReplayEvent toEvent(JsonNode object) {
        String clientId = required(object, "client_id");
        String name = required(object, "name");
        return new ReplayEvent(clientId, JsonValues.text(object.get("user_id")), timestampMicros(object), name,
                params(object.get("params")), JsonValues.text(object.get("device_category")),
                JsonValues.text(object.get("event_id")));
    }

    private static long timestampMicros(JsonNode object) {
        Long micros = InvalidField.convert("timestamp_micros", () -> JsonValues.toLong(object.get("timestamp_micros")));
        if (micros != null) {
            return micros;
        }
        String timestamp = JsonValues.text(object.get("timestamp"));
        if (timestamp == null) {
            throw new InvalidField("timestamp_micros", "the event has neither timestamp_micros nor timestamp");
        }
        try {
            Instant time = OffsetDateTime.parse(timestamp).toInstant();
            return ChronoUnit.MICROS.between(Instant.EPOCH, time);
        } catch (DateTimeException e) {
            throw new InvalidField("timestamp", "expected an ISO-8601 time with an offset, such as "
                    + "2024-03-28T08:45:18+01:00, found '" + timestamp + "'");
        }
    }

    private static Map<String, Object> params(JsonNode params) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (params == null || params.isNull()) {
            return result;
        }
        if (!params.isObject()) {
            throw new InvalidField("params", "expected a JSON object of GA4 params");
        }
        for (Map.Entry<String, JsonNode> param : params.properties()) {
            Object value = InvalidField.convert("params." + param.getKey(),
                    () -> JsonValues.toParamValue(param.getValue()));
            if (value != null) {
                result.put(param.getKey(), value);
            }
        }
        return result;
    }

    private static String required(JsonNode object, String fieldName) {
        String text = JsonValues.text(object.get(fieldName));
        if (text == null) {
            throw new InvalidField(fieldName, "the value is missing");
        }
        return text;
    }
}
