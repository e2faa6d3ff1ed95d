package com.campaignkpi.privacy;

import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.ingest.EventPartitions;
import com.campaignkpi.ingest.EventStore;
import com.campaignkpi.ingest.IngestConfig;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.rollup.RollupStore;
import com.campaignkpi.storage.DynamoBatches;
import com.campaignkpi.storage.TableNames;
import com.campaignkpi.visitor.VisitorStore;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Deletes stored data of a property or of some of its visitors. Events and rejections are found with one filtered
 * Scan of their table, because their partitions are by day and an id can appear on any day, including days of
 * imported history far outside the retention window. A Scan reads the whole table, so an erasure costs read units
 * for every item stored, of every property. That is the price of needing no index for a rare request.
 */
@ApplicationScoped
public class DataEraser {

    private static final Logger LOG = Logger.getLogger(DataEraser.class);

    /** Attribute names of the stored items this class filters on, as the stores write them. */
    static final String PK = "pk";
    static final String SK = "sk";
    static final String EVENT_CLIENT_ID = "c";
    static final String EVENT_USER_ID = "u";
    static final String REJECTION_BODY = "body";

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** Writes an id as a JSON string literal, quotes and escapes included, as the stored bodies have it. */
    private static final Function<String, String> JSON_STRING = value -> TextNode.valueOf(value).toString();

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @Inject
    PropertyStore properties;

    @Inject
    RollupStore rollups;

    @Inject
    VisitorStore visitors;

    @Inject
    EventStore events;

    @Inject
    IngestConfig ingest;

    /** Deletes every item of the property in every table, and the property itself last. */
    EraseResult eraseProperty(Property property) {
        String id = property.id();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        long[] scanned = {0};
        Map<String, String> byName = Map.of("events", tables.events(), "rejections", tables.rejections(),
                "visitors", tables.visitors(), "spend", tables.spend(), "snapshots", tables.snapshots(),
                "goals", tables.goals(), "alerts", tables.alerts());
        for (String name : List.of("events", "rejections", "visitors", "spend", "snapshots", "goals", "alerts")) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            scanned[0] += scan(byName.get(name), "#pk = :id OR begins_with(#pk, :prefix)",
                    Map.of("#pk", PK), Map.of(":id", AttributeValue.fromS(id), ":prefix", AttributeValue.fromS(id + "#")),
                    item -> keys.add(keyOf(item)));
            DynamoBatches.deleteAll(dynamo, byName.get(name), keys);
            deleted.put(name, keys.size());
        }
        properties.delete(id);
        deleted.put("properties", 1);
        visitors.forgetCachedFirstSeen();
        LOG.infof("Erased property %s: %s items deleted, %d items scanned", id, deleted, scanned[0]);
        return new EraseResult(id, "property", deleted, scanned[0], "The property and all its data are deleted; "
                + "its senders now get 404 until it is created again.");
    }

    /**
     * Deletes the events, rejected requests and visitor history of the given client and user ids. A user id is
     * also looked up as the property's pseudonym of it.
     */
    EraseResult eraseVisitors(Property property, List<String> clientIds, List<String> userIds) {
        String id = property.id();
        List<String> storedUserIds = new ArrayList<>(userIds);
        if (property.ingest().userIdsHashed()) {
            userIds.forEach(userId -> storedUserIds.add(Pseudonyms.of(id, userId)));
        }
        Map<String, Integer> deleted = new LinkedHashMap<>();
        long scanned = 0;

        // DynamoDB rejects a name or value that the expression does not use, so each is added with its clause.
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":prefix", AttributeValue.fromS(id + "#"));
        List<String> matches = new ArrayList<>();
        if (!clientIds.isEmpty()) {
            names.put("#c", EVENT_CLIENT_ID);
            matches.add("#c IN (" + inList(":c", clientIds, values) + ")");
        }
        if (!storedUserIds.isEmpty()) {
            names.put("#u", EVENT_USER_ID);
            matches.add("#u IN (" + inList(":u", storedUserIds, values) + ")");
        }
        List<Map<String, AttributeValue>> eventKeys = new ArrayList<>();
        scanned += scan(tables.events(), "begins_with(#pk, :prefix) AND (" + String.join(" OR ", matches) + ")",
                names, values, item -> eventKeys.add(keyOf(item)));
        DynamoBatches.deleteAll(dynamo, tables.events(), eventKeys);
        deleted.put("events", eventKeys.size());
        // Daily rollups hold the ids inside their sessions; deleted whole, they are rebuilt from the events left.
        // Then every day that lost events or a rollup gets a late mark, so that a rollup a snapshot computed from
        // events read before this erasure, and stores after it, is not taken as current.
        Set<LocalDate> rollupDays = rollups.deleteAll(id);
        deleted.put("rollups", rollupDays.size());
        Set<LocalDate> changedDays = new TreeSet<>(rollupDays);
        EventPartitions partitions = EventPartitions.of(property);
        for (Map<String, AttributeValue> key : eventKeys) {
            changedDays.add(partitions.dayOf(key.get(PK).s()));
        }
        events.markLate(id, changedDays, EpochMicros.of(Instant.now()),
                Instant.now().plus(Duration.ofDays(ingest.retentionDays())).getEpochSecond());

        // A rejected request is kept as its JSON body. An id appears in it as a JSON string, escaped as JSON
        // writes it, or as a bare number when the sender sent one (GA4 accepts a numeric client_id).
        Map<String, AttributeValue> bodyValues = new HashMap<>();
        bodyValues.put(":prefix", AttributeValue.fromS(id + "#"));
        List<String> contains = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        for (String visitorId : concat(clientIds, storedUserIds)) {
            forms.add(JSON_STRING.apply(visitorId));
            if (NUMBER.matcher(visitorId).matches()) {
                forms.add(":" + visitorId);
            }
        }
        for (int i = 0; i < forms.size(); i++) {
            bodyValues.put(":b" + i, AttributeValue.fromS(forms.get(i)));
            contains.add("contains(#body, :b" + i + ")");
        }
        List<Map<String, AttributeValue>> rejectionKeys = new ArrayList<>();
        scanned += scan(tables.rejections(), "begins_with(#pk, :prefix) AND (" + String.join(" OR ", contains) + ")",
                Map.of("#pk", PK, "#body", REJECTION_BODY), bodyValues, item -> rejectionKeys.add(keyOf(item)));
        DynamoBatches.deleteAll(dynamo, tables.rejections(), rejectionKeys);
        deleted.put("rejections", rejectionKeys.size());

        List<Map<String, AttributeValue>> visitorKeys = new ArrayList<>();
        for (String clientId : clientIds) {
            visitorKeys.add(Map.of(PK, AttributeValue.fromS(id + "#client#" + clientId)));
            visitorKeys.add(Map.of(PK, AttributeValue.fromS(id + "#customer#" + clientId)));
        }
        for (String userId : storedUserIds) {
            visitorKeys.add(Map.of(PK, AttributeValue.fromS(id + "#customer#" + userId)));
        }
        DynamoBatches.deleteAll(dynamo, tables.visitors(), visitorKeys);
        deleted.put("visitors", visitorKeys.size());
        visitors.forgetCachedFirstSeen();

        LOG.infof("Erased %d client ids and %d user ids of %s: %s items deleted, %d items scanned",
                clientIds.size(), userIds.size(), id, deleted, scanned);
        return new EraseResult(id, "visitors", deleted, scanned, "Stored snapshots keep only counts and sums, "
                + "no ids; ask for a snapshot with refresh=true to recompute a range without these visitors.");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Adds one placeholder per id to {@code values} and returns them comma-separated. */
    private static String inList(String prefix, List<String> ids, Map<String, AttributeValue> values) {
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            values.put(prefix + i, AttributeValue.fromS(ids.get(i)));
            placeholders.add(prefix + i);
        }
        return String.join(", ", placeholders);
    }

    /** Scans {@code table} with a filter, page by page, and returns the number of items read. */
    private long scan(String table, String filter, Map<String, String> names, Map<String, AttributeValue> values,
            Consumer<Map<String, AttributeValue>> matched) {
        long read = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(table).filterExpression(filter)
                    .expressionAttributeNames(names).expressionAttributeValues(values);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }

            ScanResponse response = dynamo.scan(request.build());

            read += response.scannedCount() == null ? response.items().size() : response.scannedCount();
            response.items().forEach(matched);
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null);
        return read;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return item.containsKey(SK) ? Map.of(PK, item.get(PK), SK, item.get(SK)) : Map.of(PK, item.get(PK));
    }
}
