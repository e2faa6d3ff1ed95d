package com.campaignkpi.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Outcome of one event of a request, or of all events past the 25-event limit together.
 *
 * @param status  {@code accepted}, {@code duplicate} (already stored, not stored again), {@code rejected}, or
 *                {@code queued} (valid, and stored from the ingest queue where a deployment buffers requests)
 * @param eventId the key the event is or will be stored under; null when rejected
 * @param field   JSON path of the offending field when rejected
 * @param reason    why it was rejected
 * @param lastIndex for the one result that covers all events over the 25-event limit, the index of the last one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResult(int index, String status, String eventId, String field, String reason, Integer lastIndex) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    public static final String QUEUED = "queued";
}
