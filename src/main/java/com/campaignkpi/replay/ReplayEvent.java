package com.campaignkpi.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tracking event as a tag manager would send it, in GA4 terms.
 *
 * @param clientId        the browser or device id ({@code client_id}); never blank
 * @param userId          the signed-in user's id, or null
 * @param timestampMicros the event time in microseconds since the Unix epoch
 * @param name            the GA4 event name, such as {@code page_view}
 * @param params          GA4-named parameters in insertion order; values are {@link String}, {@link Long},
 *                        {@link BigDecimal}, {@link Boolean}, or a {@link List} of item maps for {@code items}
 * @param deviceCategory  {@code desktop}, {@code mobile} or {@code tablet}, or null
 * @param eventId         the sender's idempotency key, or null to let the server derive one
 */
public record ReplayEvent(
        String clientId,
        String userId,
        long timestampMicros,
        String name,
        Map<String, Object> params,
        String deviceCategory,
        String eventId) {

    public ReplayEvent {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is missing for event '" + name + "'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is missing for an event of client " + clientId);
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(params, Map.of())));
    }

    /** Returns the event time as an instant. */
    public Instant time() {
        return Instant.EPOCH.plus(timestampMicros, ChronoUnit.MICROS);
    }

    /** Returns the calendar date of the event in the given time zone. */
    public LocalDate date(ZoneId zone) {
        return LocalDate.ofInstant(time(), zone);
    }

    /** Returns the parameter value, or null when the event does not have it. */
    public Object param(String paramName) {
        return params.get(paramName);
    }
}
