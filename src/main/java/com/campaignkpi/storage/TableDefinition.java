package com.campaignkpi.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * One table of the template: its logical id, resolved name, key schema and TTL attribute.
 *
 * @param ttlAttribute name of the TTL attribute, or null when the table has none
 */
public record TableDefinition(String logicalId, String tableName, List<AttributeDefinition> attributes,
        List<KeySchemaElement> keySchema, String ttlAttribute) {

    @SuppressWarnings("unchecked")
    static TableDefinition of(String logicalId, Map<String, Object> properties, String tablePrefix) {
        if (properties.containsKey("GlobalSecondaryIndexes") || properties.containsKey("LocalSecondaryIndexes")) {
            // NOTE: no table needs an index yet; add their mapping here before adding one to the template.
            throw new IllegalStateException(logicalId + " declares secondary indexes, which the local bootstrap "
                    + "does not create yet");
        }
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Map<String, Object> attribute : (List<Map<String, Object>>) properties.get("AttributeDefinitions")) {
            attributes.add(AttributeDefinition.builder()
                    .attributeName((String) attribute.get("AttributeName"))
                    .attributeType((String) attribute.get("AttributeType"))
                    .build());
        }
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Map<String, Object> key : (List<Map<String, Object>>) properties.get("KeySchema")) {
            keys.add(KeySchemaElement.builder()
                    .attributeName((String) key.get("AttributeName"))
                    .keyType((String) key.get("KeyType"))
                    .build());
        }
        Map<String, Object> ttl = (Map<String, Object>) properties.get("TimeToLiveSpecification");
        return new TableDefinition(logicalId,
                TableTemplate.resolveName(properties.get("TableName"), logicalId, tablePrefix), List.copyOf(attributes),
                List.copyOf(keys), ttl == null ? null : (String) ttl.get("AttributeName"));
    }

    CreateTableRequest toCreateRequest() {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(attributes)
                .keySchema(keySchema)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }
}
