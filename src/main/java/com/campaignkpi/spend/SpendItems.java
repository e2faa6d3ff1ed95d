package com.campaignkpi.spend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item mapper of the spend table; absent values are left out of the item. */
final class SpendItems {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String DATE = "date";
    static final String RANGE_START = "rangeStart";
    static final String RANGE_END = "rangeEnd";
    static final String PLATFORM = "platform";
    static final String ACCOUNT = "account";
    static final String CAMPAIGN_ID = "campaignId";
    static final String CAMPAIGN_NAME = "campaignName";
    static final String AD_GROUP = "adGroup";
    static final String AD = "ad";
    static final String KEYWORD = "keyword";
    static final String IMPRESSIONS = "impressions";
    static final String REACH = "reach";
    static final String CLICKS = "clicks";
    static final String COST = "cost";
    static final String CURRENCY = "currency";
    static final String CONVERSIONS = "conversions";
    static final String CONVERSION_VALUE = "conversionValue";
    static final String IMPORTED_AT = "importedAt";

    /** Partition of the rows that total a period rather than one day. */
    static final String RANGE_PARTITION = "range";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private SpendItems() {
    }

    static String partitionKey(String property, LocalDate day) {
        return property + "#" + (day == null ? RANGE_PARTITION : MONTH.format(day));
    }

    /** Builds the row's identity: its day or period and every level of the account tree the file names. */
    static String sortKey(SpendRow row) {
        String when = row.date() != null ? row.date().toString() : row.rangeStart() + "_" + row.rangeEnd();
        return String.join("#", when, row.platform().name(), text(row.account()),
                text(row.campaignId() != null ? row.campaignId() : row.campaignName()), text(row.adGroup()),
                text(row.ad()), text(row.keyword()));
    }

    static Map<String, AttributeValue> toItem(String property, SpendRow row, String importedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(partitionKey(property, row.date())));
        item.put(SK, AttributeValue.fromS(sortKey(row)));
        putText(item, DATE, row.date() == null ? null : row.date().toString());
        putText(item, RANGE_START, row.rangeStart() == null ? null : row.rangeStart().toString());
        putText(item, RANGE_END, row.rangeEnd() == null ? null : row.rangeEnd().toString());
        putText(item, PLATFORM, row.platform().name());
        putText(item, ACCOUNT, row.account());
        putText(item, CAMPAIGN_ID, row.campaignId());
        putText(item, CAMPAIGN_NAME, row.campaignName());
        putText(item, AD_GROUP, row.adGroup());
        putText(item, AD, row.ad());
        putText(item, KEYWORD, row.keyword());
        putNumber(item, IMPRESSIONS, row.impressions());
        putNumber(item, REACH, row.reach());
        putNumber(item, CLICKS, row.clicks());
        putNumber(item, COST, row.cost());
        putText(item, CURRENCY, row.currency());
        putNumber(item, CONVERSIONS, row.conversions());
        putNumber(item, CONVERSION_VALUE, row.conversionValue());
        item.put(IMPORTED_AT, AttributeValue.fromS(importedAt));
        return item;
    }

    static SpendRow fromItem(Map<String, AttributeValue> item) {
        return new SpendRow(date(item, DATE), date(item, RANGE_START), date(item, RANGE_END),
                AdPlatform.valueOf(item.get(PLATFORM).s()), text(item, ACCOUNT), text(item, CAMPAIGN_ID),
                text(item, CAMPAIGN_NAME), text(item, AD_GROUP), text(item, AD), text(item, KEYWORD),
                whole(item, IMPRESSIONS), whole(item, REACH), whole(item, CLICKS), null, decimal(item, COST),
                text(item, CURRENCY), decimal(item, CONVERSIONS), decimal(item, CONVERSION_VALUE), null, Map.of());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void putText(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static void putNumber(Map<String, AttributeValue> item, String name, Object value) {
        if (value instanceof BigDecimal decimal) {
            item.put(name, AttributeValue.fromN(decimal.toPlainString()));
        } else if (value != null) {
            item.put(name, AttributeValue.fromN(value.toString()));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private static LocalDate date(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? LocalDate.parse(item.get(name).s()) : null;
    }

    private static Long whole(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Long.valueOf(item.get(name).n()) : null;
    }

    private static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? new BigDecimal(item.get(name).n()) : null;
    }
}
