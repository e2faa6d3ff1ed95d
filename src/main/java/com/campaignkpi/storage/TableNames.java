package com.campaignkpi.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Names of the DynamoDB tables, as {@code template.yaml} names them: the deployment's prefix followed by the table's
 * role.
 */
@ApplicationScoped
public class TableNames {

    @ConfigProperty(name = "campaignkpi.storage.table-prefix", defaultValue = "campaign-kpi-")
    String prefix;

    public String properties() {
        return prefix + "properties";
    }

    public String events() {
        return prefix + "events";
    }

    public String rejections() {
        return prefix + "rejections";
    }

    public String visitors() {
        return prefix + "visitors";
    }

    public String snapshots() {
        return prefix + "snapshots";
    }
}
