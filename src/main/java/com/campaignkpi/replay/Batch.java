package com.campaignkpi.replay;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One request body for an ingest webhook, with the events it carries in body order, so that the server's per-index
 * results map back to events.
 *
 * @param endpoint the webhook the body is for
 * @param events   the events in the order they appear in the body
 * @param body     the UTF-8 JSON body; callers must not modify the array
 */
public record Batch(Endpoint endpoint, List<ReplayEvent> events, byte[] body) {

    public Batch {
        events = List.copyOf(events);
    }

    /** Returns the distinct client ids of the events, in body order. */
    public Set<String> clientIds() {
        Set<String> clientIds = new LinkedHashSet<>();
        events.forEach(event -> clientIds.add(event.clientId()));
        return clientIds;
    }

    /** Returns the body as text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
