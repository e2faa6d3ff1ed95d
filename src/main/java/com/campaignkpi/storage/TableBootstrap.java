package com.campaignkpi.storage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Creates the template's tables at startup when {@code campaignkpi.storage.create-tables} is true: for the local
 * store and tests. A deployment leaves it false, because CloudFormation creates the tables there.
 */
@ApplicationScoped
public class TableBootstrap {

    private static final Logger LOG = Logger.getLogger(TableBootstrap.class);

    @Inject
    DynamoDbClient dynamo;

    @ConfigProperty(name = "campaignkpi.storage.create-tables", defaultValue = "false")
    boolean createTables;

    @ConfigProperty(name = "campaignkpi.storage.table-prefix", defaultValue = "campaign-kpi-")
    String tablePrefix;

    void onStart(@Observes StartupEvent event) {
        if (!createTables) {
            return;
        }
        for (TableDefinition table : TableTemplate.fromClasspath(tablePrefix)) {
            create(table);
        }
    }

    private void create(TableDefinition table) {
        try {
            dynamo.createTable(table.toCreateRequest());
            LOG.infof("Created table %s (%s)", table.tableName(), table.logicalId());
        } catch (ResourceInUseException exists) {
            LOG.debugf("Table %s exists already", table.tableName());
            return;
        }
        if (table.ttlAttribute() == null) {
            return;
        }
        try {
            dynamo.updateTimeToLive(UpdateTimeToLiveRequest.builder()
                    .tableName(table.tableName())
                    .timeToLiveSpecification(TimeToLiveSpecification.builder()
                            .attributeName(table.ttlAttribute())
                            .enabled(true)
                            .build())
                    .build());
        } catch (DynamoDbException unsupported) {
            // dynalite has no UpdateTimeToLive; items then keep their expiresAt but never expire locally.
            LOG.infof("Time to live on %s.%s is not supported by this server (%s); items will not expire",
                    table.tableName(), table.ttlAttribute(), unsupported.awsErrorDetails() == null
                            ? unsupported.getMessage() : unsupported.awsErrorDetails().errorCode());
        }
    }
}
