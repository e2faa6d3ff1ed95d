package com.campaignkpi.property;

/**
 * Webhook settings of a property: whether a request must be signed, and whether user ids are stored only as
 * pseudonyms.
 *
 * @param requireSignature true to reject every webhook request without a valid {@code X-Signature} (HMAC-SHA256 of
 *                         the timestamp and the body); a request that carries one is checked either way
 * @param hashUserIds      true to store {@code user_id} as a SHA-256 pseudonym keyed by the property id, so that
 *                         sessions still join up but the stored id is not the site's own customer id
 */
public record IngestSettings(Boolean requireSignature, Boolean hashUserIds) {

    public IngestSettings {
        requireSignature = Boolean.TRUE.equals(requireSignature);
        hashUserIds = Boolean.TRUE.equals(hashUserIds);
    }

    public static IngestSettings defaults() {
        return new IngestSettings(false, false);
    }

    public boolean signatureRequired() {
        return requireSignature;
    }

    public boolean userIdsHashed() {
        return hashUserIds;
    }
}
