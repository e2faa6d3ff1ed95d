package com.campaignkpi.ingest;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The events table's item mapper ({@link EventItems}, package-private) for benchmarks outside this package that
 * write events straight into the store, so their items are exactly those the webhook stores.
 */
public final class StoredEventItems {

    private StoredEventItems() {
    }

    /** Maps an event to its item in the partition that {@code partitions} assigns to its client and UTC day. */
    public static Map<String, AttributeValue> toItem(EventPartitions partitions, TrackedEvent event,
            long expiresAtEpochSeconds) {
        return EventItems.toItem(partitions, event, expiresAtEpochSeconds);
    }
}
