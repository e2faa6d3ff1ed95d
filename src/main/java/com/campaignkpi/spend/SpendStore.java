package com.campaignkpi.spend;

import com.campaignkpi.storage.DynamoBatches;
import com.campaignkpi.storage.DynamoQueries;
import com.campaignkpi.storage.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Spend table: daily rows partitioned by property and month, period totals in one partition per property. A row's
 * sort key is its identity, so importing a report again overwrites its rows instead of adding to them.
 */
@ApplicationScoped
public class SpendStore {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    /**
     * Stores the rows. Rows that share an identity within one report (ads a report lists by their texts only) get
     * their position among those rows as a suffix, so none is lost and importing the same file again still
     * overwrites each of them.
     */
    void putAll(String property, List<SpendRow> rows, String importedAt) {
        Map<String, Integer> seen = new HashMap<>();
        List<Map<String, AttributeValue>> items = new ArrayList<>(rows.size());
        for (SpendRow row : rows) {
            Map<String, AttributeValue> item = SpendItems.toItem(property, row, importedAt);
            String identity = item.get(SpendItems.PK).s() + "/" + item.get(SpendItems.SK).s();
            int occurrence = seen.merge(identity, 1, Integer::sum) - 1;
            if (occurrence > 0) {
                item.put(SpendItems.SK, AttributeValue.fromS(item.get(SpendItems.SK).s() + "#" + occurrence));
            }
            items.add(item);
        }
        DynamoBatches.putAll(dynamo, tables.spend(), items);
    }

    /**
     * Reads the daily rows from {@code from} to {@code to} inclusive, one Query per month, and every period total
     * that overlaps those days.
     */
    public List<SpendRow> read(String property, LocalDate from, LocalDate to) {
        // NOTE: the period totals of a property share one partition that every snapshot reads whole, so years of
        // imported "All time" reports make that read grow.
        List<SpendRow> rows = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            for (SpendRow row : query(SpendItems.partitionKey(property, month.atDay(1)))) {
                if (!row.date().isBefore(from) && !row.date().isAfter(to)) {
                    rows.add(row);
                }
            }
        }
        for (SpendRow row : query(SpendItems.partitionKey(property, null))) {
            if (!row.rangeEnd().isBefore(from) && !row.rangeStart().isAfter(to)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private List<SpendRow> query(String partitionKey) {
        List<SpendRow> rows = new ArrayList<>();
        DynamoQueries.partition(dynamo, tables.spend(), partitionKey)
                .forEach(item -> rows.add(SpendItems.fromItem(item)));
        return rows;
    }
}
