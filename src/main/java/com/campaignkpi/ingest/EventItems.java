package com.campaignkpi.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item mapper of the events table. Attribute names are short because every byte of every event counts against the
 * 1 KB write unit; absent fields are left out of the item.
 */
final class EventItems {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String NAME = "n";
    static final String TIME_MICROS = "t";
    static final String CLIENT_ID = "c";
    static final String USER_ID = "u";
    static final String SESSION_ID = "s";
    static final String SESSION_NUMBER = "sn";
    static final String PAGE_LOCATION = "pl";
    static final String PAGE_REFERRER = "pr";
    static final String PAGE_TITLE = "pt";
    static final String SOURCE = "src";
    static final String MEDIUM = "med";
    static final String CAMPAIGN = "cmp";
    static final String TERM = "trm";
    static final String CONTENT = "cnt";
    static final String CAMPAIGN_ID = "cid";
    static final String CLICK_IDS = "clk";
    static final String ENGAGEMENT_MSEC = "et";
    static final String SESSION_ENGAGED = "se";
    static final String NON_INTERACTION = "ni";
    static final String DEVICE_CATEGORY = "dc";
    static final String VALUE = "v";
    static final String CURRENCY = "cur";
    static final String TRANSACTION_ID = "tx";
    static final String ITEMS = "it";
    static final String PARAMS = "p";
    /** Present, and true, only for an event whose user agent is on the crawler list. */
    static final String BOT = "b";
    /** When the item expires, in seconds since the epoch (DynamoDB TTL). */
    static final String EXPIRES_AT = "expiresAt";

    private EventItems() {
    }

    static LocalDate utcDay(long timestampMicros) {
        return LocalDate.ofInstant(EpochMicros.toInstant(timestampMicros), ZoneOffset.UTC);
    }

    static Map<String, AttributeValue> toItem(EventPartitions partitions, TrackedEvent event,
            long expiresAtEpochSeconds) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(partitions.keyOf(utcDay(event.timestampMicros()), event.clientId())));
        item.put(SK, AttributeValue.fromS(event.eventId()));
        item.put(NAME, AttributeValue.fromS(event.name()));
        item.put(TIME_MICROS, AttributeValue.fromN(Long.toString(event.timestampMicros())));
        item.put(CLIENT_ID, AttributeValue.fromS(event.clientId()));

        putText(item, USER_ID, event.userId());
        putText(item, SESSION_ID, event.sessionId());
        putNumber(item, SESSION_NUMBER, event.sessionNumber());
        putText(item, PAGE_LOCATION, event.pageLocation());
        putText(item, PAGE_REFERRER, event.pageReferrer());
        putText(item, PAGE_TITLE, event.pageTitle());

        putText(item, SOURCE, event.campaign().source());
        putText(item, MEDIUM, event.campaign().medium());
        putText(item, CAMPAIGN, event.campaign().campaign());
        putText(item, TERM, event.campaign().term());
        putText(item, CONTENT, event.campaign().content());
        putText(item, CAMPAIGN_ID, event.campaign().campaignId());
        putMap(item, CLICK_IDS, event.clickIds());

        putNumber(item, ENGAGEMENT_MSEC, event.engagementTimeMsec());
        if (event.sessionEngaged() != null) {
            item.put(SESSION_ENGAGED, AttributeValue.fromBool(event.sessionEngaged()));
        }
        if (event.nonInteraction()) {
            item.put(NON_INTERACTION, AttributeValue.fromBool(true));
        }
        putText(item, DEVICE_CATEGORY, event.deviceCategory());

        if (event.value() != null) {
            item.put(VALUE, AttributeValue.fromN(event.value().toPlainString()));
        }
        putText(item, CURRENCY, event.currency());
        putText(item, TRANSACTION_ID, event.transactionId());
        putText(item, ITEMS, event.itemsJson());
        putMap(item, PARAMS, event.params());
        if (event.bot()) {
            item.put(BOT, AttributeValue.fromBool(true));
        }

        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAtEpochSeconds)));
        return item;
    }

    static TrackedEvent fromItem(Map<String, AttributeValue> item) {
        return new TrackedEvent(
                item.get(SK).s(),
                item.get(NAME).s(),
                Long.parseLong(item.get(TIME_MICROS).n()),
                item.get(CLIENT_ID).s(),
                text(item, USER_ID),
                text(item, SESSION_ID),
                item.containsKey(SESSION_NUMBER) ? Integer.valueOf(item.get(SESSION_NUMBER).n()) : null,
                text(item, PAGE_LOCATION),
                text(item, PAGE_REFERRER),
                text(item, PAGE_TITLE),
                new CampaignParams(text(item, SOURCE), text(item, MEDIUM), text(item, CAMPAIGN), text(item, TERM),
                        text(item, CONTENT), text(item, CAMPAIGN_ID)),
                map(item, CLICK_IDS),
                item.containsKey(ENGAGEMENT_MSEC) ? Long.valueOf(item.get(ENGAGEMENT_MSEC).n()) : null,
                item.containsKey(SESSION_ENGAGED) ? item.get(SESSION_ENGAGED).bool() : null,
                item.containsKey(NON_INTERACTION) && item.get(NON_INTERACTION).bool(),
                text(item, DEVICE_CATEGORY),
                item.containsKey(VALUE) ? new BigDecimal(item.get(VALUE).n()) : null,
                text(item, CURRENCY),
                text(item, TRANSACTION_ID),
                text(item, ITEMS),
                map(item, PARAMS),
                item.containsKey(BOT) && Boolean.TRUE.equals(item.get(BOT).bool()));
    }

    private static void putText(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static void putNumber(Map<String, AttributeValue> item, String name, Number value) {
        if (value != null) {
            item.put(name, AttributeValue.fromN(value.toString()));
        }
    }

    private static void putMap(Map<String, AttributeValue> item, String name, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        Map<String, AttributeValue> map = new HashMap<>();
        values.forEach((key, value) -> {
            if (!value.isEmpty()) {
                map.put(key, AttributeValue.fromS(value));
            }
        });
        item.put(name, AttributeValue.fromM(map));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Map<String, String> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return Map.of();
        }
        Map<String, String> result = new HashMap<>();
        value.m().forEach((key, attribute) -> result.put(key, attribute.s()));
        return result;
    }
}
