package com.campaignkpi.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Response to a webhook request: counts and one result per event, in request order.
 *
 * @param queued events that passed validation and wait in the ingest queue of a deployment that buffers requests.
 *               Left out of the JSON when zero, as it always is where events are stored at once.
 */
public record CollectResult(int accepted, int duplicates, int rejected,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int queued, List<EventResult> results) {
}
