package com.campaignkpi.property;

import java.math.BigDecimal;

/**
 * Webhook settings of a property: whether a request must be signed, whether user ids are stored only as
 * pseudonyms, and how many partitions a day of its events is spread over. In a request, a setting left out (null)
 * keeps the property's current value; a stored property has all three.
 *
 * @param requireSignature true to reject every webhook request without a valid {@code X-Signature} (HMAC-SHA256 of
 *                         the timestamp and the body); a request that carries one is checked either way
 * @param hashUserIds      true to store {@code user_id} as a SHA-256 pseudonym keyed by the property id, so that
 *                         sessions still join up but the stored id is not the site's own customer id
 * @param eventShards      partitions per UTC day of events, a whole number from 1 to {@link #MAX_EVENT_SHARDS}. A
 *                         DynamoDB partition takes at most 1,000 write units a second, so a property that sends more
 *                         events than that needs more than one (see BENCHMARKS.md, "Write sharding")
 */
public record IngestSettings(Boolean requireSignature, Boolean hashUserIds, BigDecimal eventShards) {

    /** Enough for 32,000 events a second at one write unit each, far above any single site's peak. */
    public static final int MAX_EVENT_SHARDS = 32;

    public static IngestSettings defaults() {
        return new IngestSettings(false, false, BigDecimal.ONE);
    }

    public boolean signatureRequired() {
        return Boolean.TRUE.equals(requireSignature);
    }

    public boolean userIdsHashed() {
        return Boolean.TRUE.equals(hashUserIds);
    }

    /** Returns the number of event partitions per day, 1 for a setting stored before sharding existed. */
    public int shards() {
        return eventShards == null ? 1 : eventShards.intValueExact();
    }
}
