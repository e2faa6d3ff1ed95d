package com.campaignkpi.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class TableBootstrapTest {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableBootstrap bootstrap;

    @Inject
    TableNames tableNames;

    @Test
    void startupCreatesTemplateTables() {
        List<TableDefinition> expected = TableTemplate.fromClasspath().tables("campaign-kpi-");
        assertEquals(8, expected.size());

        for (TableDefinition table : expected) {
            TableDescription actual = describe(table.tableName());

            assertEquals(TableStatus.ACTIVE, actual.tableStatus(), table.tableName());
            assertEquals(CreateTableRequests.keySchema(table.keySchema()), actual.keySchema(), table.tableName());
            assertEquals(table.attributeDefinitions().size(), actual.attributeDefinitions().size(),
                    table.tableName());
            for (TableDefinition.AttributeDefinition attribute : table.attributeDefinitions()) {
                assertTrue(actual.attributeDefinitions().contains(AttributeDefinition.builder()
                        .attributeName(attribute.attributeName())
                        .attributeType(attribute.attributeType())
                        .build()), table.tableName() + " " + attribute);
            }
            assertEquals(BillingMode.PAY_PER_REQUEST, actual.billingModeSummary().billingMode(), table.tableName());
        }
    }

    @Test
    void eventsTableKeyIsPkAndSk() {
        TableDescription events = describe("campaign-kpi-events");

        assertEquals(List.of(
                KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()),
                events.keySchema());
    }

    @Test
    void secondRunCreatesNothing() {
        assertEquals(List.of(), bootstrap.createMissingTables());
    }

    @Test
    void timeToLiveOnDynaliteDoesNotFail() {
        assertDoesNotThrow(() -> bootstrap.enableTimeToLive("campaign-kpi-events", "expiresAt"));
    }

    @Test
    void tableNamesUseConfiguredPrefix() {
        assertEquals("campaign-kpi-events", tableNames.events());
        assertEquals("campaign-kpi-snapshots", tableNames.tableName("SnapshotsTable"));
    }

    @Test
    void itemRoundTripsThroughEventsTable() {
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("bootstrap-test#2026-01-31"),
                "sk", AttributeValue.fromS("event-1"),
                "expiresAt", AttributeValue.fromN("1806537600"),
                "name", AttributeValue.fromS("page_view"));

        dynamo.putItem(request -> request.tableName(tableNames.events()).item(item));
        Map<String, AttributeValue> read = dynamo.getItem(request -> request
                .tableName(tableNames.events())
                .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                .consistentRead(true)).item();

        assertEquals(item, read);
    }

    @Test
    void indexesAreCreated() {
        TableDefinition orders = TableTemplate.parse(new StringReader("""
                Resources:
                  OrdersTable:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "${TablePrefix}orders"
                      AttributeDefinitions:
                        - {AttributeName: pk, AttributeType: S}
                        - {AttributeName: sk, AttributeType: S}
                        - {AttributeName: customer, AttributeType: S}
                        - {AttributeName: total, AttributeType: N}
                      KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: sk, KeyType: RANGE}]
                      GlobalSecondaryIndexes:
                        - IndexName: byCustomer
                          KeySchema: [{AttributeName: customer, KeyType: HASH}]
                          Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [status]}
                      LocalSecondaryIndexes:
                        - IndexName: byTotal
                          KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: total, KeyType: RANGE}]
                          Projection: {ProjectionType: KEYS_ONLY}
                """), "orders.yaml").tables("bootstrap-test-").get(0);

        assertTrue(bootstrap.createIfMissing(orders));
        assertFalse(bootstrap.createIfMissing(orders));

        TableDescription actual = describe("bootstrap-test-orders");
        assertEquals(1, actual.globalSecondaryIndexes().size());
        GlobalSecondaryIndexDescription global = actual.globalSecondaryIndexes().get(0);
        assertEquals("byCustomer", global.indexName());
        assertEquals(List.of(KeySchemaElement.builder().attributeName("customer").keyType(KeyType.HASH).build()),
                global.keySchema());
        assertEquals(ProjectionType.INCLUDE, global.projection().projectionType());
        assertEquals(List.of("status"), global.projection().nonKeyAttributes());
        assertEquals(1, actual.localSecondaryIndexes().size());
        LocalSecondaryIndexDescription local = actual.localSecondaryIndexes().get(0);
        assertEquals("byTotal", local.indexName());
        assertEquals(ProjectionType.KEYS_ONLY, local.projection().projectionType());
        assertTrue(actual.attributeDefinitions().contains(AttributeDefinition.builder()
                .attributeName("total").attributeType(ScalarAttributeType.N).build()));
    }

    private TableDescription describe(String tableName) {
        return dynamo.describeTable(request -> request.tableName(tableName)).table();
    }
}
