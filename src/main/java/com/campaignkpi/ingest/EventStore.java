package com.campaignkpi.ingest;

import com.campaignkpi.storage.DynamoBatches;
import com.campaignkpi.storage.DynamoQueries;
import com.campaignkpi.storage.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Events table: one partition per property and UTC day, or several when the property is sharded (see
 * {@link EventPartitions}), and one item per event id. A resent event has the same key, so it is stored once however
 * often it arrives.
 */
@ApplicationScoped
public class EventStore {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    /**
     * Returns the ids among {@code events} that are already stored, with eventually consistent BatchGetItem calls of
     * up to 100 keys. An id the sender chose is also looked up on the UTC days before and after, so a resend whose
     * time was taken again just across midnight is still found.
     */
    Set<String> existingIds(EventPartitions partitions, List<TrackedEvent> events) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TrackedEvent event : events) {
            LocalDate day = EventItems.utcDay(event.timestampMicros());
            String partition = partitions.keyOf(day, event.clientId());
            if (!seen.add(partition + "/" + event.eventId())) {
                continue;
            }
            keys.add(key(partition, event.eventId()));
            if (event.eventId().startsWith(EventMapper.SENDER_ID_PREFIX)) {
                keys.add(key(partitions.keyOf(day.minusDays(1), event.clientId()), event.eventId()));
                keys.add(key(partitions.keyOf(day.plusDays(1), event.clientId()), event.eventId()));
            }
        }
        Set<String> existing = new HashSet<>();
        for (Map<String, AttributeValue> item : DynamoBatches.getAll(dynamo, tables.events(), keys, EventItems.SK)) {
            existing.add(item.get(EventItems.SK).s());
        }
        return existing;
    }

    void putAll(EventPartitions partitions, List<TrackedEvent> events, long expiresAtEpochSeconds) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(events.size());
        for (TrackedEvent event : events) {
            items.add(EventItems.toItem(partitions, event, expiresAtEpochSeconds));
        }
        DynamoBatches.putAll(dynamo, tables.events(), items);
    }

    /**
     * Sets the {@link LateMarks late mark} of each day to {@code changedAtMicros}, unless a newer one is stored. Call
     * it after the events it covers are stored.
     */
    public void markLate(String property, Collection<LocalDate> days, long changedAtMicros,
            long expiresAtEpochSeconds) {
        for (LocalDate day : days) {
            try {
                dynamo.updateItem(UpdateItemRequest.builder()
                        .tableName(tables.events())
                        .key(Map.of(
                                EventItems.PK, AttributeValue.fromS(LateMarks.partitionKey(property)),
                                EventItems.SK, AttributeValue.fromS(day + LateMarks.SORT_SUFFIX)))
                        .updateExpression("SET #changed = :t, #expires = :e")
                        .conditionExpression("attribute_not_exists(#changed) OR #changed < :t")
                        .expressionAttributeNames(Map.of("#changed", LateMarks.CHANGED_AT,
                                "#expires", EventItems.EXPIRES_AT))
                        .expressionAttributeValues(Map.of(
                                ":t", AttributeValue.fromN(Long.toString(changedAtMicros)),
                                ":e", AttributeValue.fromN(Long.toString(expiresAtEpochSeconds))))
                        .build());
            } catch (ConditionalCheckFailedException newerStored) {
                // Another writer marked the day later still; that mark covers these events too.
            }
        }
    }

    /**
     * Reads every event whose time falls on {@code utcDay}, shard after shard, each in key order (by event id). An
     * event stored in two shards is returned once.
     */
    public List<TrackedEvent> readDay(EventPartitions partitions, LocalDate utcDay) {
        List<TrackedEvent> events = new ArrayList<>();
        for (String partition : partitions.keys(utcDay)) {
            events.addAll(readPartition(partition));
        }
        return partitions.shards() == 1 ? events : EventPartitions.distinct(events);
    }

    /** Reads one partition of {@link EventPartitions#keys}, so that callers can read the shards in parallel. */
    public List<TrackedEvent> readPartition(String partitionKey) {
        return readStored(partitionKey).events();
    }

    /** Reads one partition with the time its last event expires, which a daily rollup built from it keeps. */
    public StoredEvents readStored(String partitionKey) {
        List<TrackedEvent> events = new ArrayList<>();
        long latestExpiresAt = 0;
        for (Map<String, AttributeValue> item : DynamoQueries.partition(dynamo, tables.events(), partitionKey)) {
            events.add(EventItems.fromItem(item));
            AttributeValue expiresAt = item.get(EventItems.EXPIRES_AT);
            if (expiresAt != null) {
                latestExpiresAt = Math.max(latestExpiresAt, Long.parseLong(expiresAt.n()));
            }
        }
        return new StoredEvents(events, latestExpiresAt);
    }

    private static Map<String, AttributeValue> key(String partitionKey, String eventId) {
        return Map.of(
                EventItems.PK, AttributeValue.fromS(partitionKey),
                EventItems.SK, AttributeValue.fromS(eventId));
    }
}
