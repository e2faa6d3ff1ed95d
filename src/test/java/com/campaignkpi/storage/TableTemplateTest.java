package com.campaignkpi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.storage.TableDefinition.AttributeDefinition;
import com.campaignkpi.storage.TableDefinition.KeySchemaElement;
import com.campaignkpi.storage.TableDefinition.Projection;
import com.campaignkpi.storage.TableDefinition.SecondaryIndex;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TableTemplateTest {

    private static final List<AttributeDefinition> PK_ONLY =
            List.of(new AttributeDefinition("pk", ScalarAttributeType.S));
    private static final List<AttributeDefinition> PK_AND_SK = List.of(
            new AttributeDefinition("pk", ScalarAttributeType.S),
            new AttributeDefinition("sk", ScalarAttributeType.S));
    private static final List<KeySchemaElement> HASH_PK = List.of(new KeySchemaElement("pk", KeyType.HASH));
    private static final List<KeySchemaElement> HASH_PK_RANGE_SK = List.of(
            new KeySchemaElement("pk", KeyType.HASH),
            new KeySchemaElement("sk", KeyType.RANGE));

    @Test
    void projectTemplateDefinesEightTables() throws IOException {
        List<TableDefinition> tables = projectTemplate().tables("campaign-kpi-");

        List<TableDefinition> expected = List.of(
                table("PropertiesTable", "campaign-kpi-properties", PK_ONLY, HASH_PK, Optional.empty()),
                table("EventsTable", "campaign-kpi-events", PK_AND_SK, HASH_PK_RANGE_SK, Optional.of("expiresAt")),
                table("RejectionsTable", "campaign-kpi-rejections", PK_AND_SK, HASH_PK_RANGE_SK,
                        Optional.of("expiresAt")),
                table("VisitorsTable", "campaign-kpi-visitors", PK_ONLY, HASH_PK, Optional.empty()),
                table("SpendTable", "campaign-kpi-spend", PK_AND_SK, HASH_PK_RANGE_SK, Optional.empty()),
                table("SnapshotsTable", "campaign-kpi-snapshots", PK_AND_SK, HASH_PK_RANGE_SK, Optional.empty()),
                table("GoalsTable", "campaign-kpi-goals", PK_AND_SK, HASH_PK_RANGE_SK, Optional.empty()),
                table("AlertsTable", "campaign-kpi-alerts", PK_AND_SK, HASH_PK_RANGE_SK, Optional.of("expiresAt")));
        assertEquals(expected, tables);
    }

    @Test
    void projectTemplateOnClasspathMatchesRoot() throws IOException {
        assertEquals(projectTemplate().tables("x-"), TableTemplate.fromClasspath().tables("x-"));
    }

    @Test
    void tablePrefixGoesIntoEveryName() throws IOException {
        List<String> names = projectTemplate().tables("staging-").stream().map(TableDefinition::tableName).toList();

        assertEquals(List.of("staging-properties", "staging-events", "staging-rejections", "staging-visitors",
                "staging-spend", "staging-snapshots", "staging-goals", "staging-alerts"), names);
    }

    @Test
    void configDefaultPrefixEqualsTemplateDefault() throws Exception {
        String configDefault = StorageConfig.class.getMethod("tablePrefix").getAnnotation(WithDefault.class).value();

        assertEquals(Optional.of(configDefault), projectTemplate().parameterDefault("TablePrefix"));
        assertEquals(Optional.empty(), projectTemplate().parameterDefault("Missing"));
    }

    @Test
    void tableNamesResolveLogicalIds() throws IOException {
        TableNames names = new TableNames(projectTemplate(), "campaign-kpi-");

        assertEquals("campaign-kpi-events", names.tableName("EventsTable"));
        assertEquals("campaign-kpi-properties", names.properties());
        assertEquals("campaign-kpi-events", names.events());
        assertEquals("campaign-kpi-rejections", names.rejections());
        assertEquals("campaign-kpi-visitors", names.visitors());
        assertEquals("campaign-kpi-snapshots", names.snapshots());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> names.tableName("OrdersTable"));
        assertTrue(unknown.getMessage().contains("OrdersTable"), unknown.getMessage());
    }

    @Test
    void indexesAndShortFormsAreRead() {
        TableTemplate template = parse("""
                Parameters:
                  TablePrefix: {Type: String, Default: dev-}
                  Stage: {Type: String, Default: blue}
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Join ["-", [!Ref TablePrefix, queue]]
                      RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: !If [IsProd, 5, 1]}
                  OrdersTable:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub ["${TablePrefix}orders-${Stage}-${Region}", {Region: eu}]
                      DeletionProtectionEnabled: !If [IsProd, true, false]
                      AttributeDefinitions:
                        - {AttributeName: pk, AttributeType: S}
                        - {AttributeName: sk, AttributeType: S}
                        - {AttributeName: customer, AttributeType: S}
                        - {AttributeName: total, AttributeType: N}
                      KeySchema:
                        - {AttributeName: pk, KeyType: HASH}
                        - {AttributeName: sk, KeyType: RANGE}
                      GlobalSecondaryIndexes:
                        - IndexName: byCustomer
                          KeySchema: [{AttributeName: customer, KeyType: HASH}]
                          Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [status, placedAt]}
                      LocalSecondaryIndexes:
                        - IndexName: byTotal
                          KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: total, KeyType: RANGE}]
                          Projection: {ProjectionType: KEYS_ONLY}
                      TimeToLiveSpecification: {AttributeName: ttl, Enabled: false}
                  PlainTable:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: {"Fn::Sub": "${TablePrefix}plain-${!Literal}"}
                      AttributeDefinitions: [{AttributeName: id, AttributeType: B}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """);

        List<TableDefinition> tables = template.tables("test-");

        TableDefinition orders = tables.get(0);
        assertEquals("OrdersTable", orders.logicalId());
        assertEquals("test-orders-blue-eu", orders.tableName());
        assertEquals(List.of(new SecondaryIndex("byCustomer",
                        List.of(new KeySchemaElement("customer", KeyType.HASH)),
                        new Projection(ProjectionType.INCLUDE, List.of("status", "placedAt")))),
                orders.globalSecondaryIndexes());
        assertEquals(List.of(new SecondaryIndex("byTotal",
                        List.of(new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("total", KeyType.RANGE)),
                        new Projection(ProjectionType.KEYS_ONLY, List.of()))),
                orders.localSecondaryIndexes());
        assertEquals(Optional.empty(), orders.timeToLiveAttribute());
        assertEquals("pk", orders.hashKey());
        assertEquals(Optional.of("sk"), orders.rangeKey());
        TableDefinition plain = tables.get(1);
        assertEquals("test-plain-${Literal}", plain.tableName());
        assertEquals(List.of(new AttributeDefinition("id", ScalarAttributeType.B)), plain.attributeDefinitions());
        assertEquals(Optional.empty(), plain.rangeKey());
        assertEquals(List.of("OrdersTable", "PlainTable"), template.tableLogicalIds());
    }

    @Test
    void plainTableNameIsUsedAsIs() {
        TableTemplate template = parse(singleTableYaml("TableName: fixed-name", "pk", "S"));

        assertEquals("fixed-name", template.tables("ignored-").get(0).tableName());
    }

    @Test
    void undefinedKeyAttributeIsRejected() {
        TemplateException error = assertThrows(TemplateException.class,
                () -> parse(singleTableYaml("TableName: t", "id", "S")).tables("p-"));

        assertEquals("ItemsTable uses key attribute 'pk' without an entry in AttributeDefinitions",
                error.getMessage());
    }

    @Test
    void invalidAttributeTypeIsRejected() {
        TemplateException error = assertThrows(TemplateException.class,
                () -> parse(singleTableYaml("TableName: t", "pk", "STRING")).tables("p-"));

        assertEquals("ItemsTable.AttributeDefinitions[0].AttributeType is 'STRING'; expected one of [S, N, B]",
                error.getMessage());
    }

    @Test
    void pseudoParameterInNameIsRejected() {
        TemplateException error = assertThrows(TemplateException.class,
                () -> parse(singleTableYaml("TableName: !Sub \"${AWS::StackName}-items\"", "pk", "S")).tables("p-"));

        assertTrue(error.getMessage().startsWith("ItemsTable.TableName uses ${AWS::StackName}, which has no value"),
                error.getMessage());
    }

    @Test
    void missingTableNameIsRejected() {
        TemplateException error = assertThrows(TemplateException.class,
                () -> parse(singleTableYaml("BillingMode: PAY_PER_REQUEST", "pk", "S")).tables("p-"));

        assertTrue(error.getMessage().startsWith("ItemsTable.TableName is missing"), error.getMessage());
    }

    @Test
    void misspeltShortFormIsRejected() {
        TemplateException error = assertThrows(TemplateException.class,
                () -> parse(singleTableYaml("TableName: !Subb \"${TablePrefix}items\"", "pk", "S")));

        assertTrue(error.getMessage().startsWith("Invalid YAML in test.yaml"), error.getMessage());
        assertTrue(error.getMessage().contains("!Subb"), error.getMessage());
    }

    @Test
    void duplicateKeyIsRejected() {
        TemplateException error = assertThrows(TemplateException.class,
                () -> parse("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n"));

        assertTrue(error.getMessage().contains("found duplicate key A"), error.getMessage());
    }

    @Test
    void templateWithoutResourcesIsRejected() {
        TemplateException error = assertThrows(TemplateException.class, () -> parse("Parameters: {}\n"));

        assertEquals("test.yaml has no Resources map", error.getMessage());
    }

    private static TableTemplate projectTemplate() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("template.yaml"))) {
            return TableTemplate.parse(reader, "template.yaml");
        }
    }

    private static TableTemplate parse(String yaml) {
        return TableTemplate.parse(new StringReader(yaml), "test.yaml");
    }

    /** Returns a template with one table, ItemsTable, keyed by {@code pk} and defining one attribute. */
    private static String singleTableYaml(String nameLine, String definedAttribute, String attributeType) {
        return """
                Resources:
                  ItemsTable:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      %s
                      AttributeDefinitions: [{AttributeName: %s, AttributeType: %s}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                """.formatted(nameLine, definedAttribute, attributeType);
    }

    private static TableDefinition table(String logicalId, String name, List<AttributeDefinition> attributes,
            List<KeySchemaElement> keySchema, Optional<String> timeToLive) {
        return new TableDefinition(logicalId, name, attributes, keySchema, List.of(), List.of(), timeToLive);
    }
}
