package com.campaignkpi.ingest;

import com.campaignkpi.property.Property;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The partitions that hold a property's events: one per UTC day, split into {@code shards} by client id. A DynamoDB
 * partition accepts at most 1,000 write units and serves 3,000 read units a second. So a property that sends more
 * than that, or whose day is too large to read from one partition in time, spreads its days over several. All
 * events of one client on one day share a shard, so a resent event finds its earlier copy.
 *
 * <p>Shard 0 keeps the key of an unsharded day ({@code G-ABC#2024-03-28}); shard 3 is {@code G-ABC#2024-03-28#3}.
 * Raising the count keeps every stored event readable, because readers look in every shard the count names.
 *
 * @param property property id
 * @param shards   partitions per day, at least 1
 */
public record EventPartitions(String property, int shards) {

    public EventPartitions {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1, was " + shards);
        }
    }

    public static EventPartitions of(Property property) {
        return new EventPartitions(property.id(), property.ingest().shards());
    }

    /** Returns the partition key of {@code clientId}'s events on {@code utcDay}. */
    public String keyOf(LocalDate utcDay, String clientId) {
        return key(utcDay, shardOf(clientId, shards));
    }

    /** Returns every partition key of {@code utcDay}, shard 0 first. */
    public List<String> keys(LocalDate utcDay) {
        List<String> keys = new ArrayList<>(shards);
        for (int shard = 0; shard < shards; shard++) {
            keys.add(key(utcDay, shard));
        }
        return keys;
    }

    /** Returns the UTC day of one of this property's partition keys, such as {@code G-ABC#2024-03-28#3}. */
    public LocalDate dayOf(String partitionKey) {
        String rest = partitionKey.substring(property.length() + 1);
        int shardSeparator = rest.indexOf('#');
        return LocalDate.parse(shardSeparator < 0 ? rest : rest.substring(0, shardSeparator));
    }

    private String key(LocalDate utcDay, int shard) {
        String day = property + "#" + utcDay;
        return shard == 0 ? day : day + "#" + shard;
    }

    /**
     * Returns the shard of a client: its id's {@link String#hashCode()}, which the Java specification fixes, mixed by
     * the finaliser of MurmurHash3 so that ids differing only in their last characters still spread evenly.
     */
    static int shardOf(String clientId, int shards) {
        int hash = clientId.hashCode();
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return Math.floorMod(hash, shards);
    }

    /**
     * Drops all but the first copy of each event id. After the shard count grows, a client's events of one day can
     * sit in two shards, and an event resent across the change is stored in both.
     */
    public static List<TrackedEvent> distinct(List<TrackedEvent> events) {
        Set<String> seen = new HashSet<>(events.size() * 2);
        List<TrackedEvent> distinct = new ArrayList<>(events.size());
        for (TrackedEvent event : events) {
            if (seen.add(event.eventId())) {
                distinct.add(event);
            }
        }
        return distinct;
    }
}
