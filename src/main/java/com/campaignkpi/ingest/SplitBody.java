package com.campaignkpi.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A request body split into its first {@link EventLimits#MAX_EVENTS_PER_REQUEST} events and, when it had more, the
 * rest as one overflow. The overflow is rejected and stored as a whole, so a body of 60,000 tiny events costs one
 * rejection item and one result line, not 60,000.
 */
record SplitBody(List<IncomingEvent> events, Overflow overflow) {

    /**
     * Events past the limit.
     *
     * @param firstIndex index of the first event over the limit
     * @param lastIndex  index of the last event of the body
     * @param replayBody a body that holds only these events, to resend them in smaller requests
     */
    record Overflow(int firstIndex, int lastIndex, String path, JsonNode replayBody) {

        int count() {
            return lastIndex - firstIndex + 1;
        }

        Violation violation() {
            String rejected = count() == 1 ? "the event at index " + firstIndex + " is"
                    : "the " + count() + " events from index " + firstIndex + " on are";
            return new Violation(path, "the request has " + (lastIndex + 1) + " events; the limit is "
                    + EventLimits.MAX_EVENTS_PER_REQUEST + " per request, so " + rejected + " rejected");
        }
    }
}
