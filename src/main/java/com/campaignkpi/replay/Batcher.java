package com.campaignkpi.replay;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns events into request bodies within the webhooks' limits: at most 25 events and 130,000 bytes per body.
 *
 * <p>Events are grouped by client and sorted by time inside each client, and clients are ordered by their first
 * event. A Measurement Protocol body names one client, user and device. Grouping every event of a client first,
 * rather than cutting a globally time-sorted stream into windows, therefore gives the fewest possible bodies: one
 * per 25 events of each (client, user, device). Canonical bodies may mix clients and are filled to 25 events each.
 * They keep a client's events adjacent, so most clients arrive whole and in order. Events with the same time keep
 * their input order, so a purchase stays after the page view of the same hit.
 *
 * <p>An event too large for a body on its own is sent alone; the server rejects that body with HTTP 413.
 */
public final class Batcher {

    public static final int MAX_EVENTS = 25;
    public static final int MAX_BODY_BYTES = 130_000;

    private static final byte[] CANONICAL_START = {'['};
    private static final byte[] CANONICAL_END = {']'};
    private static final byte[] MEASUREMENT_PROTOCOL_END = {']', '}'};

    private Batcher() {
    }

    /** Returns the bodies for the endpoint, in the order they should be sent. */
    public static List<Batch> batch(Endpoint endpoint, List<ReplayEvent> events) {
        List<Batch> batches = new ArrayList<>();
        if (endpoint == Endpoint.MEASUREMENT_PROTOCOL) {
            for (List<ReplayEvent> group : groupInTimeOrder(events, Batcher::senderKey)) {
                pack(endpoint, EventJson.measurementProtocolStart(group.get(0)), MEASUREMENT_PROTOCOL_END, group,
                        EventJson::measurementProtocolEvent, batches);
            }
        } else {
            List<ReplayEvent> ordered = new ArrayList<>(events.size());
            groupInTimeOrder(events, ReplayEvent::clientId).forEach(ordered::addAll);
            pack(endpoint, CANONICAL_START, CANONICAL_END, ordered, EventJson::canonicalEvent, batches);
        }
        return batches;
    }

    /** Returns the events grouped by key; each group sorted by time, groups ordered by their first event. */
    static List<List<ReplayEvent>> groupInTimeOrder(List<ReplayEvent> events, Function<ReplayEvent, Object> key) {
        List<ReplayEvent> byTime = new ArrayList<>(events);
        byTime.sort(Comparator.comparingLong(ReplayEvent::timestampMicros));
        Map<Object, List<ReplayEvent>> groups = new LinkedHashMap<>();
        for (ReplayEvent event : byTime) {
            groups.computeIfAbsent(key.apply(event), k -> new ArrayList<>()).add(event);
        }
        return new ArrayList<>(groups.values());
    }

    /** Everything a Measurement Protocol body states once for all its events. */
    private static List<String> senderKey(ReplayEvent event) {
        return Arrays.asList(event.clientId(), event.userId(), event.deviceCategory());
    }

    private static void pack(Endpoint endpoint, byte[] start, byte[] end, List<ReplayEvent> events,
            Function<ReplayEvent, byte[]> serializer, List<Batch> batches) {
        List<ReplayEvent> current = new ArrayList<>();
        List<byte[]> currentJson = new ArrayList<>();
        int currentBytes = start.length + end.length;
        for (ReplayEvent event : events) {
            byte[] json = serializer.apply(event);
            int separator = current.isEmpty() ? 0 : 1;
            boolean full = current.size() == MAX_EVENTS || currentBytes + separator + json.length > MAX_BODY_BYTES;
            if (full && !current.isEmpty()) {
                batches.add(toBatch(endpoint, start, end, current, currentJson));
                current = new ArrayList<>();
                currentJson = new ArrayList<>();
                currentBytes = start.length + end.length;
                separator = 0;
            }
            current.add(event);
            currentJson.add(json);
            currentBytes += separator + json.length;
        }
        if (!current.isEmpty()) {
            batches.add(toBatch(endpoint, start, end, current, currentJson));
        }
    }

    private static Batch toBatch(Endpoint endpoint, byte[] start, byte[] end, List<ReplayEvent> events,
            List<byte[]> eventJson) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(start);
        for (int i = 0; i < eventJson.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(eventJson.get(i));
        }
        body.writeBytes(end);
        return new Batch(endpoint, events, body.toByteArray());
    }
}
