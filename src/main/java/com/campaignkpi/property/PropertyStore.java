package com.campaignkpi.property;

import com.campaignkpi.alert.AlertSettings;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.storage.TableNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Properties table: one item per property, keyed by its id. Reads are cached for {@link #CACHE_TTL} because every
 * webhook call needs the property and a warm function instance serves many calls.
 */
@ApplicationScoped
public class PropertyStore {

    private static final Logger LOG = Logger.getLogger(PropertyStore.class);

    /** How long a read property is reused; a changed secret or time zone takes effect within this time. */
    static final Duration CACHE_TTL = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String PK = "pk";
    static final String TIME_ZONE = "timeZone";
    static final String KEY_EVENTS = "keyEvents";
    static final String SESSION_TIMEOUT_MINUTES = "sessionTimeoutMinutes";
    static final String SECRET_HASHES = "secretHashes";
    static final String BRAND_TERMS = "brandTerms";
    static final String ALERTS = "alerts";
    static final String READ_KEY_HASHES = "readKeyHashes";
    static final String REQUIRE_SIGNATURE = "requireSignature";
    static final String HASH_USER_IDS = "hashUserIds";
    static final String EVENT_SHARDS = "eventShards";
    static final String UPDATED_AT = "updatedAt";

    private record Cached(Optional<Property> property, Instant readAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    Clock clock = Clock.systemUTC();

    public Optional<Property> find(String id) {
        Instant now = clock.instant();
        Cached cached = cache.get(id);
        if (cached != null && cached.readAt().plus(CACHE_TTL).isAfter(now)) {
            return cached.property();
        }

        GetItemResponse response = dynamo.getItem(GetItemRequest.builder()
                .tableName(tables.properties())
                .key(Map.of(PK, AttributeValue.fromS(id)))
                .build());

        Optional<Property> property = response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(response.item()))
                : Optional.empty();
        cache.put(id, new Cached(property, now));
        return property;
    }

    /**
     * Returns the property with the id in {@code field}, or raises 400 for a malformed id and 404 for an unknown
     * one, naming {@code field}.
     */
    public Property require(String field, String id) {
        String valid = PropertyIds.require(field, id);
        return find(valid).orElseThrow(() -> RequestException.notFound(field, field + " '" + valid
                + "' is not registered; create it with the property function"));
    }

    /** Deletes the property's settings and secrets; its other data is the caller's to delete first. */
    public void delete(String id) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(tables.properties())
                .key(Map.of(PK, AttributeValue.fromS(id))).build());
        cache.remove(id);
        LOG.infof("Deleted property %s", id);
    }

    public void save(Property property) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(property.id()));
        item.put(TIME_ZONE, AttributeValue.fromS(property.timeZone().getId()));
        item.put(KEY_EVENTS, AttributeValue.fromL(property.keyEvents().stream().sorted()
                .map(AttributeValue::fromS).toList()));
        item.put(SESSION_TIMEOUT_MINUTES, AttributeValue.fromN(Long.toString(property.sessionTimeout().toMinutes())));
        item.put(SECRET_HASHES, AttributeValue.fromL(property.secretHashes().stream()
                .map(AttributeValue::fromS).toList()));
        if (!property.brandTerms().isEmpty()) {
            item.put(BRAND_TERMS, AttributeValue.fromL(property.brandTerms().stream().map(AttributeValue::fromS)
                    .toList()));
        }
        item.put(ALERTS, AttributeValue.fromS(writeAlerts(property.alerts())));
        if (!property.readKeyHashes().isEmpty()) {
            item.put(READ_KEY_HASHES, AttributeValue.fromL(property.readKeyHashes().stream()
                    .map(AttributeValue::fromS).toList()));
        }
        item.put(REQUIRE_SIGNATURE, AttributeValue.fromBool(property.ingest().signatureRequired()));
        item.put(HASH_USER_IDS, AttributeValue.fromBool(property.ingest().userIdsHashed()));
        item.put(EVENT_SHARDS, AttributeValue.fromN(Integer.toString(property.ingest().shards())));
        item.put(UPDATED_AT, AttributeValue.fromS(clock.instant().toString()));

        dynamo.putItem(PutItemRequest.builder().tableName(tables.properties()).item(item).build());
        cache.remove(property.id());
        LOG.infof("Saved property %s (time zone %s, %d key events, %d secrets)", property.id(),
                property.timeZone(), property.keyEvents().size(), property.secretHashes().size());
    }

    static Property fromItem(Map<String, AttributeValue> item) {
        List<String> keyEvents = item.containsKey(KEY_EVENTS)
                ? item.get(KEY_EVENTS).l().stream().map(AttributeValue::s).toList()
                : List.copyOf(Property.DEFAULT_KEY_EVENTS);
        Duration timeout = item.containsKey(SESSION_TIMEOUT_MINUTES)
                ? Duration.ofMinutes(Long.parseLong(item.get(SESSION_TIMEOUT_MINUTES).n()))
                : Property.DEFAULT_SESSION_TIMEOUT;
        List<String> hashes = item.containsKey(SECRET_HASHES)
                ? item.get(SECRET_HASHES).l().stream().map(AttributeValue::s).toList()
                : List.of();
        List<String> brandTerms = item.containsKey(BRAND_TERMS)
                ? item.get(BRAND_TERMS).l().stream().map(AttributeValue::s).toList()
                : List.of();
        AlertSettings alerts = item.containsKey(ALERTS) ? readAlerts(item.get(ALERTS).s()) : AlertSettings.defaults();
        List<String> readKeys = item.containsKey(READ_KEY_HASHES)
                ? item.get(READ_KEY_HASHES).l().stream().map(AttributeValue::s).toList()
                : List.of();
        // Items stored before sharding existed have no count: their events are in one partition per day.
        int shards = item.containsKey(EVENT_SHARDS) ? Integer.parseInt(item.get(EVENT_SHARDS).n()) : 1;
        IngestSettings ingest = new IngestSettings(flag(item, REQUIRE_SIGNATURE), flag(item, HASH_USER_IDS),
                BigDecimal.valueOf(shards));
        return new Property(item.get(PK).s(), ZoneId.of(item.get(TIME_ZONE).s()), Set.copyOf(keyEvents), timeout,
                hashes, brandTerms, alerts, readKeys, ingest);
    }

    /** Reads a boolean attribute; items stored before the attribute existed read as false. */
    private static boolean flag(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) && Boolean.TRUE.equals(item.get(name).bool());
    }

    /** Alert settings are stored as JSON, so a new threshold needs no change to the item layout. */
    private static String writeAlerts(AlertSettings alerts) {
        try {
            return JSON.writeValueAsString(alerts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise alert settings", e);
        }
    }

    private static AlertSettings readAlerts(String json) {
        try {
            return JSON.readValue(json, AlertSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored alert settings are not valid JSON", e);
        }
    }
}
