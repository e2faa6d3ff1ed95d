package com.campaignkpi.alert;

import com.campaignkpi.storage.DynamoBatches;
import com.campaignkpi.storage.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Alerts table: one partition per property, one item per day, rule and scope ({@code sk} =
 * {@code <day>#<rule>#<scope>}). Evaluating the same day again overwrites its alerts instead of adding copies, and
 * the newest days come first from one Query with {@code ScanIndexForward=false}. Items expire
 * {@link #RETENTION} after they were raised, through the table's {@code expiresAt} TTL.
 */
@ApplicationScoped
public class AlertStore {

    /** How long an alert is kept: a year of history for the same day last year, plus a month. */
    static final Duration RETENTION = Duration.ofDays(400);

    static final String PK = "pk";
    static final String SK = "sk";
    static final String RULE = "rule";
    static final String SCOPE = "scope";
    static final String DAY = "day";
    static final String RAISED_AT = "raisedAt";
    static final String VALUE = "value";
    static final String THRESHOLD = "threshold";
    static final String MESSAGE = "message";
    static final String MESSAGE_FA = "messageFa";
    static final String DETAILS = "details";
    static final String EXPIRES_AT = "expiresAt";

    private static final Logger LOG = Logger.getLogger(AlertStore.class);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    /** Stores {@code alert} with one PutItem, replacing a stored alert of the same day, rule and scope. */
    public void put(Alert alert) {
        dynamo.putItem(PutItemRequest.builder().tableName(tables.alerts()).item(toItem(alert)).build());
    }

    /**
     * Stores {@code alerts} with BatchWriteItem, 25 per request. Of alerts with the same day, rule and scope only
     * the last is written, because one batch may not put the same key twice.
     */
    public void putAll(List<Alert> alerts) {
        Map<String, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            byKey.put(alert.property() + "\n" + sortKey(alert), toItem(alert));
        }
        DynamoBatches.putAll(dynamo, tables.alerts(), new ArrayList<>(byKey.values()));
    }

    /**
     * Returns up to {@code limit} alerts of {@code property} from {@code fromDay} on (all days when null), newest
     * day first. Within a day the order is by rule and scope, descending, as the sort key orders them.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    public List<Alert> list(String property, LocalDate fromDay, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(property));
        String condition = "pk = :pk";
        if (fromDay != null) {
            condition += " AND sk >= :from";
            values.put(":from", AttributeValue.fromS(fromDay.toString()));
        }

        List<Alert> alerts = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        // One Query returns them all unless DynamoDB cuts the page at 1 MB; then the next page is read.
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tables.alerts())
                    .keyConditionExpression(condition)
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(limit - alerts.size());
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = dynamo.query(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                fromItem(item).ifPresent(alerts::add);
            }
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null && alerts.size() < limit);
        return alerts;
    }

    /** Returns the sort key {@code <day>#<rule>#<scope>}, which orders a property's alerts by day. */
    static String sortKey(Alert alert) {
        return alert.day() + "#" + alert.rule().id() + "#" + alert.scope();
    }

    static Map<String, AttributeValue> toItem(Alert alert) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(alert.property()));
        item.put(SK, AttributeValue.fromS(sortKey(alert)));
        item.put(RULE, AttributeValue.fromS(alert.rule().id()));
        item.put(SCOPE, AttributeValue.fromS(alert.scope()));
        item.put(DAY, AttributeValue.fromS(alert.day()));
        item.put(RAISED_AT, AttributeValue.fromS(alert.raisedAt()));
        if (alert.value() != null) {
            item.put(VALUE, AttributeValue.fromN(alert.value().toPlainString()));
        }
        item.put(THRESHOLD, AttributeValue.fromN(alert.threshold().toPlainString()));
        item.put(MESSAGE, AttributeValue.fromS(alert.message()));
        item.put(MESSAGE_FA, AttributeValue.fromS(alert.messageFa()));
        if (alert.details() != null && !alert.details().isEmpty()) {
            Map<String, AttributeValue> details = new LinkedHashMap<>();
            alert.details().forEach((key, value) -> details.put(key, AttributeValue.fromS(value)));
            item.put(DETAILS, AttributeValue.fromM(details));
        }
        long expiresAt = Instant.parse(alert.raisedAt()).plus(RETENTION).getEpochSecond();
        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt)));
        return item;
    }

    /** Reads a stored alert; an item with a rule id this version does not know is skipped with a warning. */
    static Optional<Alert> fromItem(Map<String, AttributeValue> item) {
        Optional<AlertRule> rule = AlertRule.fromId(item.get(RULE).s());
        if (rule.isEmpty()) {
            LOG.warnf("Skipping stored alert %s / %s: rule '%s' is unknown to this version", item.get(PK).s(),
                    item.get(SK).s(), item.get(RULE).s());
            return Optional.empty();
        }
        Map<String, String> details = null;
        if (item.containsKey(DETAILS)) {
            details = new LinkedHashMap<>();
            for (Map.Entry<String, AttributeValue> entry : item.get(DETAILS).m().entrySet()) {
                details.put(entry.getKey(), entry.getValue().s());
            }
        }
        return Optional.of(new Alert(item.get(PK).s(), rule.get(), item.get(SCOPE).s(), item.get(DAY).s(),
                item.get(RAISED_AT).s(), item.containsKey(VALUE) ? new BigDecimal(item.get(VALUE).n()) : null,
                new BigDecimal(item.get(THRESHOLD).n()), item.get(MESSAGE).s(), item.get(MESSAGE_FA).s(), details));
    }
}
