package com.campaignkpi.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Outcome of one event of a request.
 *
 * @param status  {@code accepted}, {@code duplicate} (already stored, not stored again) or {@code rejected}
 * @param eventId the key the event is stored under; null when rejected
 * @param field   JSON path of the offending field when rejected
 * @param reason  why it was rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResult(int index, String status, String eventId, String field, String reason) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
}
