package com.campaignkpi.storage;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/** Maps a {@link TableDefinition} to the SDK's CreateTable request, billed per request (on-demand). */
final class CreateTableRequests {

    private CreateTableRequests() {
    }

    static CreateTableRequest of(TableDefinition table) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.tableName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(table.attributeDefinitions().stream()
                        .map(attribute -> AttributeDefinition.builder()
                                .attributeName(attribute.attributeName())
                                .attributeType(attribute.attributeType())
                                .build())
                        .toList())
                .keySchema(keySchema(table.keySchema()));
        // Index lists stay unset when empty, because CreateTable rejects an empty list ("List of
        // GlobalSecondaryIndexes is empty" in dynalite 4.0.0, which copies DynamoDB's validation messages).
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream()
                    .map(index -> GlobalSecondaryIndex.builder()
                            .indexName(index.indexName())
                            .keySchema(keySchema(index.keySchema()))
                            .projection(projection(index.projection()))
                            .build())
                    .toList());
        }
        if (!table.localSecondaryIndexes().isEmpty()) {
            request.localSecondaryIndexes(table.localSecondaryIndexes().stream()
                    .map(index -> LocalSecondaryIndex.builder()
                            .indexName(index.indexName())
                            .keySchema(keySchema(index.keySchema()))
                            .projection(projection(index.projection()))
                            .build())
                    .toList());
        }
        return request.build();
    }

    static List<KeySchemaElement> keySchema(List<TableDefinition.KeySchemaElement> keySchema) {
        return keySchema.stream()
                .map(key -> KeySchemaElement.builder()
                        .attributeName(key.attributeName())
                        .keyType(key.keyType())
                        .build())
                .toList();
    }

    private static Projection projection(TableDefinition.Projection projection) {
        Projection.Builder builder = Projection.builder().projectionType(projection.projectionType());
        if (!projection.nonKeyAttributes().isEmpty()) {
            builder.nonKeyAttributes(projection.nonKeyAttributes());
        }
        return builder.build();
    }
}
