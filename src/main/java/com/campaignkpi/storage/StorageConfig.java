package com.campaignkpi.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the DynamoDB tables, under {@code campaignkpi.storage}. */
@ConfigMapping(prefix = "campaignkpi.storage")
public interface StorageConfig {

    /**
     * Whether to create the tables of {@code template.yaml} at startup when they are missing. For the local store
     * and tests only: a deployment leaves this false, because CloudFormation creates the tables there.
     */
    @WithDefault("false")
    boolean createTables();

    /**
     * Prefix of every table name, the value of the template's {@code TablePrefix} parameter, so several deployments
     * can share one account and region. Must equal the prefix the stack was deployed with.
     */
    @WithDefault("campaign-kpi-")
    String tablePrefix();
}
