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
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey)));
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
