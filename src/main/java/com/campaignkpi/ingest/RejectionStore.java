package com.campaignkpi.ingest;

import com.campaignkpi.storage.DynamoBatches;
import com.campaignkpi.storage.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Rejections table: one partition per property and UTC day of receipt, sorted by receipt time, so a day's rejected
 * events are one Query away for inspection and replay.
 */
@ApplicationScoped
public class RejectionStore {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String FIELD = "field";
    static final String REASON = "reason";
    static final String ENDPOINT = "endpoint";
    static final String BODY = "body";
    static final String EXPIRES_AT = "expiresAt";

    /** A stored body is cut to this many characters so one item stays far below DynamoDB's 400 KB limit. */
    static final int MAX_BODY_CHARS = 150_000;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    void putAll(String property, List<Rejection> rejections, long expiresAtEpochSeconds) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (Rejection rejection : rejections) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(PK, AttributeValue.fromS(partitionKey(property, Instant.parse(rejection.receivedAt()))));
            item.put(SK, AttributeValue.fromS(rejection.receivedAt() + "#" + rejection.requestId() + "#"
                    + String.format("%03d", rejection.index())));
            item.put(FIELD, AttributeValue.fromS(rejection.field() == null ? "$" : rejection.field()));
            item.put(REASON, AttributeValue.fromS(rejection.reason()));
            item.put(ENDPOINT, AttributeValue.fromS(rejection.endpoint()));
            String body = rejection.body();
            item.put(BODY, AttributeValue.fromS(body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS)
                    : body));
            item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAtEpochSeconds)));
            items.add(item);
        }
        DynamoBatches.putAll(dynamo, tables.rejections(), items);
    }

    /** Rejections of {@code property} received on {@code utcDay}, oldest first, at most {@code limit}. */
    public List<Rejection> readDay(String property, LocalDate utcDay, int limit) {
        QueryResponse response = dynamo.query(QueryRequest.builder()
                .tableName(tables.rejections())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(property + "#" + utcDay)))
                .limit(limit)
                .build());

        List<Rejection> rejections = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            String[] key = item.get(SK).s().split("#", 3);
            rejections.add(new Rejection(key[0], key[1], Integer.parseInt(key[2]), item.get(FIELD).s(),
                    item.get(REASON).s(), item.get(ENDPOINT).s(), item.get(BODY).s()));
        }
        return rejections;
    }

    private static String partitionKey(String property, Instant receivedAt) {
        return property + "#" + LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
    }
}
