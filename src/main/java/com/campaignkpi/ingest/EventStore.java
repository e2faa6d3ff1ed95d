package com.campaignkpi.ingest;

import com.campaignkpi.storage.DynamoBatches;
import com.campaignkpi.storage.DynamoQueries;
import com.campaignkpi.storage.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Events table: one partition per property and UTC day, one item per event id. A resent event has the same key,
 * so it is stored once however often it arrives.
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
    Set<String> existingIds(String property, List<TrackedEvent> events) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TrackedEvent event : events) {
            LocalDate day = EventItems.utcDay(event.timestampMicros());
            if (!seen.add(EventItems.partitionKey(property, day) + "/" + event.eventId())) {
                continue;
            }
            keys.add(key(property, day, event.eventId()));
            if (event.eventId().startsWith(EventMapper.SENDER_ID_PREFIX)) {
                keys.add(key(property, day.minusDays(1), event.eventId()));
                keys.add(key(property, day.plusDays(1), event.eventId()));
            }
        }
        Set<String> existing = new HashSet<>();
        for (Map<String, AttributeValue> item : DynamoBatches.getAll(dynamo, tables.events(), keys, EventItems.SK)) {
            existing.add(item.get(EventItems.SK).s());
        }
        return existing;
    }

    void putAll(String property, List<TrackedEvent> events, long expiresAtEpochSeconds) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(events.size());
        for (TrackedEvent event : events) {
            items.add(EventItems.toItem(property, event, expiresAtEpochSeconds));
        }
        DynamoBatches.putAll(dynamo, tables.events(), items);
    }

    /** Reads every event of {@code property} whose time falls on {@code utcDay}, in key order (by event id). */
    public List<TrackedEvent> readDay(String property, LocalDate utcDay) {
        List<TrackedEvent> events = new ArrayList<>();
        for (Map<String, AttributeValue> item : DynamoQueries.partition(dynamo, tables.events(),
                EventItems.partitionKey(property, utcDay))) {
            events.add(EventItems.fromItem(item));
        }
        return events;
    }

    private static Map<String, AttributeValue> key(String property, LocalDate utcDay, String eventId) {
        return Map.of(
                EventItems.PK, AttributeValue.fromS(EventItems.partitionKey(property, utcDay)),
                EventItems.SK, AttributeValue.fromS(eventId));
    }
}
