package com.campaignkpi.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reads whole partitions, following DynamoDB's pages of at most 1 MB each. */
public final class DynamoQueries {

    private DynamoQueries() {
    }

    /** Returns every item whose attribute {@code pk} equals {@code partitionKey}, in sort-key order. */
    public static List<Map<String, AttributeValue>> partition(DynamoDbClient dynamo, String table,
            String partitionKey) {
        return query(dynamo, table, "pk = :pk", Map.of(":pk", AttributeValue.fromS(partitionKey)));
    }

    /** Returns the items of partition {@code partitionKey} whose {@code sk} is from {@code first} to {@code last}. */
    public static List<Map<String, AttributeValue>> range(DynamoDbClient dynamo, String table, String partitionKey,
            String first, String last) {
        return query(dynamo, table, "pk = :pk AND sk BETWEEN :first AND :last", Map.of(
                ":pk", AttributeValue.fromS(partitionKey),
                ":first", AttributeValue.fromS(first),
                ":last", AttributeValue.fromS(last)));
    }

    private static List<Map<String, AttributeValue>> query(DynamoDbClient dynamo, String table, String condition,
            Map<String, AttributeValue> values) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression(condition)
                    .expressionAttributeValues(values);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }

            QueryResponse response = dynamo.query(request.build());

            items.addAll(response.items());
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null);
        return items;
    }
}
