package com.campaignkpi.session;

import com.campaignkpi.ingest.TrackedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups a property's events into sessions. Events that carry the sender's session id belong to that session of
 * their client. Events without one are split per client where the gap between two events is longer than the
 * property's timeout (30 minutes by default, as in GA4).
 */
public final class Sessionizer {

    private static final Comparator<TrackedEvent> EVENT_ORDER = Comparator
            .comparingLong(TrackedEvent::timestampMicros)
            .thenComparing(TrackedEvent::eventId);

    /** The maximum pause inside one sender session. A longer one starts a new session with the same id. */
    static final Duration MAX_GAP = Duration.ofDays(1);

    private Sessionizer() {
    }

    public static List<Session> sessionize(List<TrackedEvent> events, Duration timeout, Set<String> keyEvents) {
        Map<String, List<TrackedEvent>> byClient = new HashMap<>();
        for (TrackedEvent event : events) {
            byClient.computeIfAbsent(event.clientId(), id -> new ArrayList<>()).add(event);
        }

        List<Session> sessions = new ArrayList<>();
        long timeoutMicros = timeout.toNanos() / 1000;
        for (List<TrackedEvent> clientEvents : byClient.values()) {
            clientEvents.sort(EVENT_ORDER);
            for (List<TrackedEvent> group : split(clientEvents, timeoutMicros)) {
                sessions.add(SessionBuilder.build(group, keyEvents));
            }
        }
        sessions.sort(Comparator.comparingLong(Session::startMicros).thenComparing(Session::clientId));
        return sessions;
    }

    /**
     * Splits one client's time-ordered events into the event lists of its sessions. An event without a session id
     * joins the sender's session that it falls into, or is within the timeout of, because a tag may leave the id off
     * one event. The other events without an id form inactivity windows of their own.
     */
    static List<List<TrackedEvent>> split(List<TrackedEvent> clientEvents, long timeoutMicros) {
        Map<String, List<TrackedEvent>> bySenderId = new LinkedHashMap<>();
        List<TrackedEvent> withoutId = new ArrayList<>();
        for (TrackedEvent event : clientEvents) {
            if (event.sessionId() != null) {
                bySenderId.computeIfAbsent(event.sessionId(), id -> new ArrayList<>()).add(event);
            } else {
                withoutId.add(event);
            }
        }
        List<List<TrackedEvent>> senderSessions = new ArrayList<>();
        for (List<TrackedEvent> withSenderId : bySenderId.values()) {
            senderSessions.addAll(splitAtLongGaps(withSenderId));
        }
        List<long[]> spans = senderSessions.stream()
                .map(events -> new long[] {events.get(0).timestampMicros(),
                        events.get(events.size() - 1).timestampMicros()})
                .toList();

        List<List<TrackedEvent>> windows = new ArrayList<>();
        List<TrackedEvent> window = null;
        long lastMicros = Long.MIN_VALUE;
        for (TrackedEvent event : withoutId) {
            int nearest = nearestSpan(spans, event.timestampMicros(), timeoutMicros);
            if (nearest >= 0) {
                senderSessions.get(nearest).add(event);
                // The session now reaches this event, so the next id-less event is measured from here.
                long[] span = spans.get(nearest);
                span[0] = Math.min(span[0], event.timestampMicros());
                span[1] = Math.max(span[1], event.timestampMicros());
                continue;
            }
            if (window == null || event.timestampMicros() - lastMicros > timeoutMicros) {
                window = new ArrayList<>();
                windows.add(window);
            }
            window.add(event);
            lastMicros = event.timestampMicros();
        }
        senderSessions.forEach(events -> events.sort(EVENT_ORDER));
        senderSessions.addAll(windows);
        return senderSessions;
    }

    /**
     * Splits one sender session's time-ordered events where two of them are more than {@link #MAX_GAP} apart. A
     * snapshot builds a day's sessions from that day and the day on each side. So a session id reused after a longer
     * pause would start a session on each day it reappears, and splitting it here gives the same count whichever
     * days are read.
     */
    private static List<List<TrackedEvent>> splitAtLongGaps(List<TrackedEvent> events) {
        long maxGapMicros = MAX_GAP.toNanos() / 1000;
        List<List<TrackedEvent>> parts = new ArrayList<>();
        List<TrackedEvent> part = new ArrayList<>();
        for (TrackedEvent event : events) {
            long previous = part.isEmpty() ? event.timestampMicros() : part.get(part.size() - 1).timestampMicros();
            if (event.timestampMicros() - previous > maxGapMicros) {
                parts.add(part);
                part = new ArrayList<>();
            }
            part.add(event);
        }
        parts.add(part);
        return parts;
    }

    /** Index of the span that {@code micros} is in or closest to, within {@code timeoutMicros}; -1 for none. */
    private static int nearestSpan(List<long[]> spans, long micros, long timeoutMicros) {
        int nearest = -1;
        long nearestDistance = Long.MAX_VALUE;
        for (int i = 0; i < spans.size(); i++) {
            long distance = Math.max(0, Math.max(spans.get(i)[0] - micros, micros - spans.get(i)[1]));
            if (distance <= timeoutMicros && distance < nearestDistance) {
                nearest = i;
                nearestDistance = distance;
            }
        }
        return nearest;
    }
}
