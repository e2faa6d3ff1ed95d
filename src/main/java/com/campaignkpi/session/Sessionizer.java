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

    /** Splits one client's time-ordered events into the event lists of its sessions. */
    static List<List<TrackedEvent>> split(List<TrackedEvent> clientEvents, long timeoutMicros) {
        Map<String, List<TrackedEvent>> bySenderId = new LinkedHashMap<>();
        List<List<TrackedEvent>> windows = new ArrayList<>();
        List<TrackedEvent> window = null;
        long lastMicros = Long.MIN_VALUE;
        for (TrackedEvent event : clientEvents) {
            if (event.sessionId() != null) {
                bySenderId.computeIfAbsent(event.sessionId(), id -> new ArrayList<>()).add(event);
                continue;
            }
            if (window == null || event.timestampMicros() - lastMicros > timeoutMicros) {
                window = new ArrayList<>();
                windows.add(window);
            }
            window.add(event);
            lastMicros = event.timestampMicros();
        }
        List<List<TrackedEvent>> result = new ArrayList<>(bySenderId.values());
        result.addAll(windows);
        return result;
    }
}
