package com.campaignkpi.snapshot;

import com.campaignkpi.kpi.ExchangeRates;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.Secrets;
import com.campaignkpi.storage.TableNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Snapshots table: one partition per property, range, time zone, grouping and settings (bot sessions included or
 * not among them), one item per computation.
 * The body is gzipped JSON because a year grouped by date contains hundreds of KPI maps and an item may not exceed
 * 400 KB.
 */
@ApplicationScoped
public class SnapshotStore {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String BODY = "body";

    /** Body size that leaves room for the keys within DynamoDB's 400 KB item limit. */
    static final int MAX_BODY_BYTES = 390_000;

    private static final Logger LOG = Logger.getLogger(SnapshotStore.class);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @Inject
    ObjectMapper mapper;

    /**
     * Reads the newest stored snapshot for this key with one Query, newest first, limit 1. A body that no longer
     * decodes (written by an older version) counts as absent, so the snapshot is computed again.
     */
    Optional<Snapshot> latest(Property property, SnapshotRange range, GroupBy groupBy, ExchangeRates rates,
            List<ComparisonPeriod> compare, boolean includeBots) {
        String key = key(property, range, groupBy, rates, compare, includeBots);
        QueryResponse response = dynamo.query(QueryRequest.builder()
                .tableName(tables.snapshots())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(key)))
                .scanIndexForward(false)
                .limit(1)
                .build());
        if (response.items().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(response.items().get(0).get(BODY).b()));
        } catch (UncheckedIOException e) {
            LOG.warnf("Stored snapshot %s does not decode (%s); computing it again", key, e.getCause().toString());
            return Optional.empty();
        }
    }

    /** Stores a snapshot computed without bot sessions. */
    void put(Property property, Snapshot snapshot, SnapshotRange range, GroupBy groupBy, ExchangeRates rates,
            List<ComparisonPeriod> compare) {
        put(property, snapshot, range, groupBy, rates, compare, false);
    }

    /**
     * Stores {@code snapshot}, unless its gzipped body would exceed {@link #MAX_BODY_BYTES}: then it is only logged,
     * and the next request computes it again.
     */
    void put(Property property, Snapshot snapshot, SnapshotRange range, GroupBy groupBy, ExchangeRates rates,
            List<ComparisonPeriod> compare, boolean includeBots) {
        SdkBytes body = encode(snapshot);
        if (body.asByteArray().length > MAX_BODY_BYTES) {
            LOG.warnf("Snapshot of %s for %s..%s by %s is %d bytes gzipped, over the %d-byte item budget; returned "
                    + "without storing, so each request recomputes it. Ask for a shorter range or a coarser groupBy",
                    snapshot.property(), range.from(), range.to(), snapshot.groupBy(), body.asByteArray().length,
                    MAX_BODY_BYTES);
            return;
        }
        dynamo.putItem(PutItemRequest.builder()
                .tableName(tables.snapshots())
                .item(Map.of(
                        PK, AttributeValue.fromS(key(property, range, groupBy, rates, compare, includeBots)),
                        SK, AttributeValue.fromS(snapshot.computedAt()),
                        BODY, AttributeValue.fromB(body)))
                .build());
    }

    /**
     * Builds the partition key. It ends with a digest of the property's key events and session timeout, of the
     * exchange rates, of the requested comparisons and of whether bot sessions are included. So a snapshot computed
     * under other settings, with other rates, with other comparisons or with bots is not returned for these. Without
     * comparisons and bots the digest is the one snapshots were stored under before either existed, so those stay
     * readable.
     */
    static String key(Property property, SnapshotRange range, GroupBy groupBy, ExchangeRates rates,
            List<ComparisonPeriod> compare, boolean includeBots) {
        String settings = property.keyEvents().stream().sorted().collect(Collectors.joining(","))
                + "|" + property.sessionTimeout().toMinutes() + "|" + (rates == null ? "" : rates.currency() + "="
                + new TreeMap<>(rates.rates()))
                + (compare.isEmpty() ? "" : "|compare=" + compare.stream().map(ComparisonPeriod::id)
                        .collect(Collectors.joining(",")))
                + (includeBots ? "|bots=included" : "");
        return property.id() + "#" + range.from() + "#" + range.to() + "#" + range.zone().getId() + "#"
                + (groupBy == null ? "all" : groupBy.id()) + "#" + Secrets.sha256Hex(settings).substring(0, 12);
    }

    private SdkBytes encode(Snapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            mapper.writeValue(gzip, snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the snapshot of " + snapshot.property(), e);
        }
        return SdkBytes.fromByteArray(bytes.toByteArray());
    }

    private Snapshot decode(SdkBytes body) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body.asByteArray()))) {
            return mapper.readValue(gzip, Snapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decode a stored snapshot", e);
        }
    }
}
