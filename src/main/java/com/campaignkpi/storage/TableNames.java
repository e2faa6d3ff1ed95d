package com.campaignkpi.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of the DynamoDB tables, resolved from {@code template.yaml} with the configured table prefix, so a store
 * uses exactly the name that the stack creates (with the default prefix, {@code EventsTable} is
 * {@code campaign-kpi-events}).
 */
@ApplicationScoped
public class TableNames {

    public static final String PROPERTIES = "PropertiesTable";
    public static final String EVENTS = "EventsTable";
    public static final String REJECTIONS = "RejectionsTable";
    public static final String VISITORS = "VisitorsTable";
    public static final String SNAPSHOTS = "SnapshotsTable";
    public static final String SPEND = "SpendTable";
    public static final String GOALS = "GoalsTable";
    public static final String ALERTS = "AlertsTable";

    private static final List<String> REQUIRED = List.of(PROPERTIES, EVENTS, REJECTIONS, VISITORS, SNAPSHOTS,
            SPEND, GOALS, ALERTS);

    private final Map<String, TableDefinition> byLogicalId = new LinkedHashMap<>();

    @Inject
    public TableNames(StorageConfig config) {
        this(TableTemplate.fromClasspath(), config.tablePrefix());
    }

    /**
     * Resolves the names of a given template.
     *
     * @throws TemplateException when the template lacks one of the tables the stores use
     */
    public TableNames(TableTemplate template, String tablePrefix) {
        for (TableDefinition table : template.tables(tablePrefix)) {
            byLogicalId.put(table.logicalId(), table);
        }
        for (String logicalId : REQUIRED) {
            if (!byLogicalId.containsKey(logicalId)) {
                throw new TemplateException(template.source() + " has no " + TableTemplate.TABLE_TYPE
                        + " resource named " + logicalId + "; its tables are " + byLogicalId.keySet());
            }
        }
    }

    /**
     * Returns the table name of a table resource, such as {@code campaign-kpi-events} for {@code EventsTable}.
     *
     * @throws IllegalArgumentException when the template has no table with that logical id
     */
    public String tableName(String logicalId) {
        TableDefinition table = byLogicalId.get(logicalId);
        if (table == null) {
            throw new IllegalArgumentException("No table resource named '" + logicalId + "' in the template; known: "
                    + byLogicalId.keySet());
        }
        return table.tableName();
    }

    /** Returns every table of the template, in template order, with resolved names. */
    public List<TableDefinition> definitions() {
        return List.copyOf(byLogicalId.values());
    }

    /** Returns the name of the properties table: one item per tracked website or app. */
    public String properties() {
        return tableName(PROPERTIES);
    }

    /** Returns the name of the raw events table. */
    public String events() {
        return tableName(EVENTS);
    }

    /** Returns the name of the rejected events table. */
    public String rejections() {
        return tableName(REJECTIONS);
    }

    /** Returns the name of the per-visitor history table. */
    public String visitors() {
        return tableName(VISITORS);
    }

    /** Returns the name of the KPI snapshots table. */
    public String snapshots() {
        return tableName(SNAPSHOTS);
    }

    /** Returns the name of the ad spend table. */
    public String spend() {
        return tableName(SPEND);
    }

    /** Returns the name of the goals table: a property's SMART goals. */
    public String goals() {
        return tableName(GOALS);
    }

    /** Returns the name of the alerts table: alerts raised by scheduled snapshots. */
    public String alerts() {
        return tableName(ALERTS);
    }
}
