package com.campaignkpi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.storage.TableNames;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class AlertStoreTest {

    @Inject
    AlertStore store;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    private static Alert alert(String property, String day, AlertRule rule, String scope, String raisedAt,
            String value) {
        return new Alert(property, rule, scope, day, raisedAt, new BigDecimal(value), new BigDecimal("0.3"),
                rule.id() + " on " + day + " at " + scope, "هشدار " + day, Map.of("current", value));
    }

    private static List<String> keys(List<Alert> alerts) {
        return alerts.stream().map(AlertStore::sortKey).toList();
    }

    @Test
    void sameDayRuleAndScopeIsStoredOnce() {
        String property = "G-ALERT-ONCE";
        store.put(alert(property, "2024-05-01", AlertRule.CTR_DROP, "property", "2024-05-01T10:00:00Z", "0.31"));
        Alert rerun = new Alert(property, AlertRule.CTR_DROP, "property", "2024-05-01", "2024-05-01T11:00:00Z",
                new BigDecimal("0.42"), new BigDecimal("0.3"), "CTR fell by 42%.", "نرخ کلیک ۴۲٪ افت کرد.",
                Map.of("current", "0.0116", "previous", "0.02"));
        store.put(rerun);

        assertEquals(List.of(rerun), store.list(property, null, 10));
    }

    @Test
    void putAllStoresDuplicatesOnce() {
        String property = "G-ALERT-BATCH";
        Alert first = alert(property, "2024-05-01", AlertRule.ROAS_BELOW_1, "campaign:A", "2024-05-01T10:00:00Z",
                "0.5");
        Alert second = alert(property, "2024-05-01", AlertRule.ROAS_BELOW_1, "campaign:A", "2024-05-01T11:00:00Z",
                "0.4");
        Alert other = alert(property, "2024-05-01", AlertRule.ROAS_BELOW_1, "campaign:B", "2024-05-01T11:00:00Z",
                "0.6");

        store.putAll(List.of(first, second, other));

        assertEquals(List.of(other, second), store.list(property, null, 10));
    }

    @Test
    void listOrderLimitAndStartDay() {
        String property = "G-ALERT-ORDER";
        store.put(alert(property, "2024-05-02", AlertRule.TRACKING_GAP, "property", "2024-05-02T06:00:00Z", "7"));
        store.put(alert(property, "2024-05-01", AlertRule.CTR_DROP, "property", "2024-05-02T01:00:00Z", "0.4"));
        store.put(alert(property, "2024-05-03", AlertRule.CLV_BELOW_CAC, "property", "2024-05-04T01:00:00Z", "0.5"));
        store.put(alert(property, "2024-05-02", AlertRule.BOUNCE_RATE_SPIKE, "property", "2024-05-03T01:00:00Z",
                "0.12"));
        store.put(alert("G-ALERT-OTHER", "2024-05-04", AlertRule.CTR_DROP, "property", "2024-05-05T01:00:00Z",
                "0.5"));

        assertEquals(List.of("2024-05-03#clv_below_cac#property", "2024-05-02#tracking_gap#property",
                "2024-05-02#bounce_rate_spike#property", "2024-05-01#ctr_drop#property"),
                keys(store.list(property, null, 10)));
        assertEquals(List.of("2024-05-03#clv_below_cac#property", "2024-05-02#tracking_gap#property"),
                keys(store.list(property, null, 2)));
        assertEquals(List.of("2024-05-03#clv_below_cac#property", "2024-05-02#tracking_gap#property",
                "2024-05-02#bounce_rate_spike#property"), keys(store.list(property, LocalDate.parse("2024-05-02"),
                10)));
        assertEquals(List.of(), store.list(property, LocalDate.parse("2024-05-04"), 10));
        assertEquals(List.of(), store.list("G-ALERT-NONE", null, 10));
    }

    @Test
    void itemExpiresFourHundredDaysAfterRaised() {
        String property = "G-ALERT-TTL";
        Alert alert = alert(property, "2024-05-01", AlertRule.TRACKING_GAP, "property", "2024-05-01T06:30:00Z",
                "6.5");

        store.put(alert);

        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(tables.alerts())
                .key(Map.of("pk", AttributeValue.fromS(property), "sk",
                        AttributeValue.fromS("2024-05-01#tracking_gap#property")))
                .build()).item();
        long expected = Instant.parse("2024-05-01T06:30:00Z").plus(400, ChronoUnit.DAYS).getEpochSecond();
        assertEquals(Long.toString(expected), item.get("expiresAt").n());
        assertEquals("6.5", item.get("value").n());
    }

    @Test
    void limitBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> store.list("G-ALERT-ORDER", null, 0));
    }
}
