package com.campaignkpi.ingest;

import java.util.List;

/**
 * Events read from one partition, and when the last of them expires.
 *
 * @param events          the events, in key order
 * @param latestExpiresAt the largest {@code expiresAt} among them, in seconds since the epoch; 0 when there are none
 */
public record StoredEvents(List<TrackedEvent> events, long latestExpiresAt) {
}
