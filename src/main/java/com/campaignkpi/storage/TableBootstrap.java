package com.campaignkpi.storage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates the tables of {@code template.yaml} at startup when {@code campaignkpi.storage.create-tables} is true, for
 * the local store and tests; a deployment leaves it false, because CloudFormation creates the tables there. Tables
 * that exist are left as they are, so a restart against a persistent store keeps its data. Time to live is enabled
 * where the template declares it and the server supports it (dynalite does not).
 *
 * <p>A start where every table exists costs one DescribeTable call per table and one DescribeTimeToLive call per
 * table with time to live, or a single one on a server without time to live. ListTables would save the DescribeTable
 * calls, but it is not among the operations that {@code DynamoOperationsTest} allows.
 */
@ApplicationScoped
public class TableBootstrap {

    private static final Logger LOG = Logger.getLogger(TableBootstrap.class);

    /** Error code of a request the server does not implement, such as UpdateTimeToLive on dynalite 4.0.0. */
    static final String UNKNOWN_OPERATION = "UnknownOperationException";

    /** Polls DescribeTable once a second for at most 2 minutes while a new table is CREATING. */
    private static final WaiterOverrideConfiguration ACTIVE_WAIT = WaiterOverrideConfiguration.builder()
            .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofSeconds(1)))
            .maxAttempts(120)
            .build();

    private final DynamoDbClient dynamo;
    private final StorageConfig config;
    private final TableNames tables;

    @Inject
    public TableBootstrap(DynamoDbClient dynamo, StorageConfig config, TableNames tables) {
        this.dynamo = dynamo;
        this.config = config;
        this.tables = tables;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.createTables()) {
            LOG.debug("Table creation is off (campaignkpi.storage.create-tables=false)");
            return;
        }
        List<String> created = createMissingTables();
        LOG.infof("Table bootstrap finished: created %d of %d tables", created.size(), tables.definitions().size());
    }

    /**
     * Creates every table of the template that does not exist yet and enables time to live where the template
     * declares it.
     *
     * @return names of the tables created by this call, in template order; empty when all existed
     */
    public List<String> createMissingTables() {
        List<String> created = new ArrayList<>();
        List<String> withoutTimeToLive = new ArrayList<>();
        for (TableDefinition table : tables.definitions()) {
            if (createIfMissing(table)) {
                created.add(table.tableName());
            }

            Optional<String> attribute = table.timeToLiveAttribute();
            if (attribute.isEmpty()) {
                continue;
            }
            // Once the server has rejected time to live as an unknown operation, it rejects it for every table.
            if (!withoutTimeToLive.isEmpty() || !enableTimeToLive(table.tableName(), attribute.get())) {
                withoutTimeToLive.add(table.tableName() + "." + attribute.get());
            }
        }
        if (!withoutTimeToLive.isEmpty()) {
            LOG.infof("This DynamoDB server does not support time to live, so the items of %s keep that attribute "
                    + "but never expire", String.join(", ", withoutTimeToLive));
        }
        return created;
    }

    /** Creates one table unless it exists; returns whether this call created it. */
    boolean createIfMissing(TableDefinition table) {
        if (exists(table.tableName())) {
            LOG.debugf("Table %s (%s) exists, left unchanged", table.tableName(), table.logicalId());
            return false;
        }
        return create(table);
    }

    /** Creates one table and waits until it is ACTIVE; returns false when another process created it meanwhile. */
    private boolean create(TableDefinition table) {
        CreateTableResponse response;
        try {
            response = dynamo.createTable(CreateTableRequests.of(table));
        } catch (ResourceInUseException createdMeanwhile) {
            LOG.debugf("Table %s was created by another process meanwhile", table.tableName());
            return false;
        }

        if (response.tableDescription().tableStatus() != TableStatus.ACTIVE) {
            awaitActive(table.tableName());
        }
        LOG.infof("Created table %s (%s), key %s", table.tableName(), table.logicalId(), describeKey(table));
        return true;
    }

    private boolean exists(String tableName) {
        try {
            dynamo.describeTable(DescribeTableRequest.builder().tableName(tableName).build());
            return true;
        } catch (ResourceNotFoundException missing) {
            return false;
        }
    }

    private void awaitActive(String tableName) {
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(dynamo).overrideConfiguration(ACTIVE_WAIT)
                .build()) {
            waiter.waitUntilTableExists(DescribeTableRequest.builder().tableName(tableName).build())
                    .matched()
                    .exception()
                    .ifPresent(failure -> {
                        throw new IllegalStateException("Table " + tableName + " did not become ACTIVE", failure);
                    });
        }
    }

    /**
     * Enables time to live on {@code attribute}, unless it is on already. A DynamoDB error does not fail startup:
     * any error other than a server without time to live (dynalite) gets a WARN line.
     *
     * @return false when the server does not implement time to live, which the caller reports; true otherwise
     */
    boolean enableTimeToLive(String tableName, String attribute) {
        try {
            TimeToLiveDescription current = dynamo.describeTimeToLive(DescribeTimeToLiveRequest.builder()
                    .tableName(tableName)
                    .build()).timeToLiveDescription();
            if (isOn(current) && attribute.equals(current.attributeName())) {
                LOG.debugf("Time to live on %s.%s is on already", tableName, attribute);
                return true;
            }

            dynamo.updateTimeToLive(UpdateTimeToLiveRequest.builder()
                    .tableName(tableName)
                    .timeToLiveSpecification(TimeToLiveSpecification.builder()
                            .attributeName(attribute)
                            .enabled(true)
                            .build())
                    .build());
            LOG.infof("Enabled time to live on %s.%s", tableName, attribute);
        } catch (DynamoDbException e) {
            if (UNKNOWN_OPERATION.equals(errorCode(e))) {
                return false;
            }
            LOG.warnf("Enabling time to live on %s.%s failed (%s), so its items will not expire; enable it "
                    + "on the table by hand", tableName, attribute, e.getMessage());
        }
        return true;
    }

    private static boolean isOn(TimeToLiveDescription description) {
        return description != null && (description.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || description.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
    }

    private static String errorCode(DynamoDbException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String describeKey(TableDefinition table) {
        return table.rangeKey().map(range -> table.hashKey() + " (HASH), " + range + " (RANGE)")
                .orElse(table.hashKey() + " (HASH)");
    }
}
