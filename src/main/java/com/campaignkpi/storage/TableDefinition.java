package com.campaignkpi.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One {@code AWS::DynamoDB::Table} resource of the template, with its name resolved for one table prefix.
 * The compact constructor checks what CreateTable would otherwise reject later: the attribute definitions are exactly
 * the key attributes of the table and its indexes, and every key schema is a HASH key with an optional RANGE key.
 *
 * @param logicalId the resource's logical id in the template, such as {@code EventsTable}
 * @param tableName the resolved {@code TableName}
 * @param attributeDefinitions types of the key attributes of the table and its indexes
 * @param keySchema the table's primary key
 * @param globalSecondaryIndexes global secondary indexes, empty when the table has none
 * @param localSecondaryIndexes local secondary indexes, empty when the table has none
 * @param timeToLiveAttribute the attribute holding the expiry time (seconds since the epoch), present only when
 *     {@code TimeToLiveSpecification} is enabled
 */
public record TableDefinition(String logicalId, String tableName, List<AttributeDefinition> attributeDefinitions,
        List<KeySchemaElement> keySchema, List<SecondaryIndex> globalSecondaryIndexes,
        List<SecondaryIndex> localSecondaryIndexes, Optional<String> timeToLiveAttribute) {

    public TableDefinition {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(tableName, "tableName");
        attributeDefinitions = List.copyOf(attributeDefinitions);
        keySchema = List.copyOf(keySchema);
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
        Objects.requireNonNull(timeToLiveAttribute, "timeToLiveAttribute");

        checkKeySchema(logicalId, keySchema);
        Set<String> defined = new TreeSet<>();
        for (AttributeDefinition attribute : attributeDefinitions) {
            defined.add(attribute.attributeName());
        }
        List<String> keyAttributes = keyAttributeNames(keySchema, globalSecondaryIndexes, localSecondaryIndexes);
        for (String keyAttribute : keyAttributes) {
            if (!defined.contains(keyAttribute)) {
                throw new TemplateException(logicalId + " uses key attribute '" + keyAttribute
                        + "' without an entry in AttributeDefinitions");
            }
        }
        // CreateTable rejects a definition of an attribute that no key schema uses.
        defined.removeAll(keyAttributes);
        if (!defined.isEmpty()) {
            throw new TemplateException(logicalId + " defines attributes " + defined
                    + " that no key schema uses; remove them from AttributeDefinitions");
        }
        for (SecondaryIndex index : globalSecondaryIndexes) {
            checkKeySchema(logicalId + " index " + index.indexName(), index.keySchema());
        }
        for (SecondaryIndex index : localSecondaryIndexes) {
            checkKeySchema(logicalId + " index " + index.indexName(), index.keySchema());
        }
    }

    /** Returns the name of the partition key attribute. */
    public String hashKey() {
        return keySchema.get(0).attributeName();
    }

    /** Returns the name of the sort key attribute, if the table has one. */
    public Optional<String> rangeKey() {
        return keySchema.size() == 2 ? Optional.of(keySchema.get(1).attributeName()) : Optional.empty();
    }

    private static void checkKeySchema(String owner, List<KeySchemaElement> keySchema) {
        boolean valid = (keySchema.size() == 1 || keySchema.size() == 2)
                && keySchema.get(0).keyType() == KeyType.HASH
                && (keySchema.size() == 1 || keySchema.get(1).keyType() == KeyType.RANGE);
        if (!valid) {
            throw new TemplateException(owner + " has KeySchema " + keySchema
                    + "; expected one HASH key, optionally followed by one RANGE key");
        }
    }

    private static List<String> keyAttributeNames(List<KeySchemaElement> keySchema,
            List<SecondaryIndex> globalIndexes, List<SecondaryIndex> localIndexes) {
        List<String> names = new ArrayList<>();
        keySchema.forEach(key -> names.add(key.attributeName()));
        globalIndexes.forEach(index -> index.keySchema().forEach(key -> names.add(key.attributeName())));
        localIndexes.forEach(index -> index.keySchema().forEach(key -> names.add(key.attributeName())));
        return names;
    }

    /** The type of one key attribute: {@code S}, {@code N} or {@code B}. */
    public record AttributeDefinition(String attributeName, ScalarAttributeType attributeType) {

        public AttributeDefinition {
            Objects.requireNonNull(attributeName, "attributeName");
            Objects.requireNonNull(attributeType, "attributeType");
        }
    }

    /** One element of a key schema: the attribute and its role, HASH (partition key) or RANGE (sort key). */
    public record KeySchemaElement(String attributeName, KeyType keyType) {

        public KeySchemaElement {
            Objects.requireNonNull(attributeName, "attributeName");
            Objects.requireNonNull(keyType, "keyType");
        }
    }

    /** A global or local secondary index. */
    public record SecondaryIndex(String indexName, List<KeySchemaElement> keySchema, Projection projection) {

        public SecondaryIndex {
            Objects.requireNonNull(indexName, "indexName");
            keySchema = List.copyOf(keySchema);
            Objects.requireNonNull(projection, "projection");
        }
    }

    /**
     * The attributes copied into an index.
     *
     * @param nonKeyAttributes the attributes copied besides the keys with {@code INCLUDE}, and empty otherwise
     */
    public record Projection(ProjectionType projectionType, List<String> nonKeyAttributes) {

        public Projection {
            Objects.requireNonNull(projectionType, "projectionType");
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
            if (projectionType != ProjectionType.INCLUDE && !nonKeyAttributes.isEmpty()) {
                throw new TemplateException("NonKeyAttributes " + nonKeyAttributes
                        + " apply only to ProjectionType INCLUDE, not " + projectionType);
            }
        }
    }
}
