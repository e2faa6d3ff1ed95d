package com.campaignkpi.rollup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.ingest.LateMarks;
import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.storage.TableNames;
import com.campaignkpi.testing.Replays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Daily rollups. A snapshot of settled days stores each day's sessions, and the next one reads them instead of the
 * events and returns the same KPIs. A late event, a change of session settings or an erasure makes the days it
 * touches be read from events again.
 *
 * <p>The events, on 2024-04-01 to 2024-04-05 (UTC), long settled: each day has 3 visits of 2 page views, one
 * with a purchase of 10 EUR and one with a branded site search, so 8 events; a visit runs from 23:50 on the 2nd to
 * 00:10 on the 3rd, and one visit on the 4th is a crawler's. 42 events in all.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class DailyRollupsTest {

    private static final String SECRET = "rollup-secret-1";
    private static final List<String> DAYS = List.of("2024-04-01", "2024-04-02", "2024-04-03", "2024-04-04",
            "2024-04-05");
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    private static void register(String property, String timeZone) {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", property, "timeZone", timeZone, "apiSecret", SECRET,
                        "brandTerms", List.of("teashop"), "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200);
    }

    /** Builds a canonical event. {@code params} are more parameters as JSON members, such as {@code "value":10}. */
    private static String event(String id, String client, String name, String time, String params) {
        return "{\"event_id\":\"" + id + "\",\"name\":\"" + name + "\",\"client_id\":\"" + client
                + "\",\"timestamp\":\"" + time + "\",\"params\":{\"page_location\":\"https://teashop.example/"
                + id + "\"" + params + "}}";
    }

    /** Posts the events 25 to a request, the webhook's limit. */
    private static void post(String property, List<String> events) {
        for (int start = 0; start < events.size(); start += 25) {
            List<String> chunk = events.subList(start, Math.min(events.size(), start + 25));
            given().contentType(ContentType.JSON).body("[" + String.join(",", chunk) + "]")
                    .queryParam("measurement_id", property).queryParam("api_secret", SECRET)
                    .queryParam("import", "true")
                    .post("/events")
                    .then().log().ifValidationFails().statusCode(200).body("rejected", equalTo(0))
                    .body("accepted", equalTo(chunk.size()));
        }
    }

    private static List<String> fiveDays() {
        List<String> events = new ArrayList<>();
        for (String day : DAYS) {
            for (int visit = 1; visit <= 3; visit++) {
                String client = "c" + visit + "-" + day;
                String id = day + "-" + visit;
                String hour = String.format("T%02d:00:00Z", 8 + visit);
                events.add(event(id + "a", client, "page_view", day + hour, ""));
                events.add(event(id + "b", client, "page_view", day + hour.replace(":00:00", ":02:00"),
                        day.equals("2024-04-04") && visit == 3 ? ",\"user_agent\":\"" + GOOGLEBOT + "\"" : ""));
                if (visit == 1) {
                    events.add(event(id + "c", client, "purchase", day + hour.replace(":00:00", ":03:00"),
                            ",\"transaction_id\":\"T-" + day + "\",\"value\":10,\"currency\":\"EUR\""));
                }
                if (visit == 2) {
                    events.add(event(id + "s", client, "search", day + hour.replace(":00:00", ":01:00"),
                            ",\"search_term\":\"TeaShop green\""));
                }
            }
        }
        events.add(event("night-a", "night", "page_view", "2024-04-02T23:50:00Z", ""));
        events.add(event("night-b", "night", "page_view", "2024-04-03T00:10:00Z", ""));
        return events;
    }

    private static Map<String, Object> snapshot(String property, String from, String to, String groupBy) {
        Map<String, Object> request = new HashMap<>(Map.of("property", property, "from", from, "to", to,
                "refresh", true));
        if (groupBy != null) {
            request.put("groupBy", groupBy);
        }
        return Replays.snapshot(request);
    }

    /** The parts of a snapshot that must not depend on where its sessions were read from. */
    private static Map<String, Object> answer(Map<String, Object> snapshot) {
        Map<String, Object> answer = new HashMap<>(snapshot);
        answer.keySet().removeAll(List.of("computedAt", "eventsRead", "rollupDays"));
        return answer;
    }

    private static long count(Map<String, Object> snapshot, String kpi) {
        return ((Number) Replays.kpiValue(snapshot, kpi)).longValue();
    }

    private List<String> storedSortKeys(String property) {
        return dynamo.query(QueryRequest.builder().tableName(tables.events())
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk",
                                AttributeValue.fromS(LateMarks.partitionKey(property))))
                        .build())
                .items().stream().map(item -> item.get("sk").s()).toList();
    }

    @Test
    void secondSnapshotReadsRollupsAndAgrees() {
        register("G-ROLL1", "UTC");
        List<String> events = fiveDays();
        post("G-ROLL1", events);

        Map<String, Object> fromEvents = snapshot("G-ROLL1", "2024-04-01", "2024-04-05", "date");
        Map<String, Object> fromRollups = snapshot("G-ROLL1", "2024-04-01", "2024-04-05", "date");

        assertEquals(events.size(), ((Number) fromEvents.get("eventsRead")).intValue());
        assertNull(fromEvents.get("rollupDays"));
        assertEquals(0, ((Number) fromRollups.get("eventsRead")).intValue());
        assertEquals(5, ((Number) fromRollups.get("rollupDays")).intValue());
        assertEquals(answer(fromEvents), answer(fromRollups));
        assertEquals(15, count(fromRollups, "sessions"), "15 visits and the night one, less the crawler's");
        assertEquals(1, count(fromRollups, "bot_sessions"));
        assertEquals(5, count(fromRollups, "transactions"));
        assertEquals(5, count(fromRollups, "branded_site_searches"));
        // The import's events are all late, so each day also has its mark.
        assertEquals(List.of("2024-04-01#0000", "2024-04-01#late", "2024-04-02#0000", "2024-04-02#late",
                "2024-04-03#0000", "2024-04-03#late", "2024-04-04#0000", "2024-04-04#late", "2024-04-05#0000",
                "2024-04-05#late"), storedSortKeys("G-ROLL1"));
    }

    @Test
    void lateEventRereadsDayAndNeighbours() {
        register("G-ROLL2", "UTC");
        post("G-ROLL2", fiveDays());
        Map<String, Object> before = snapshot("G-ROLL2", "2024-04-01", "2024-04-05", null);

        post("G-ROLL2", List.of(event("late-a", "late", "purchase", "2024-04-03T15:00:00Z",
                ",\"transaction_id\":\"T-late\",\"value\":7.5,\"currency\":\"EUR\"")));
        Map<String, Object> after = snapshot("G-ROLL2", "2024-04-01", "2024-04-05", null);

        assertTrue(storedSortKeys("G-ROLL2").contains("2024-04-03#late"));
        assertEquals(2, ((Number) after.get("rollupDays")).intValue(), "the 1st and the 5th stay current");
        // The 2nd to the 4th are read with the 1st and the 5th beside them: 8 + 9 + 9 + 8 + 8 events, and the late one.
        assertEquals(43, ((Number) after.get("eventsRead")).intValue());
        assertEquals(count(before, "sessions") + 1, count(after, "sessions"));
        assertEquals(count(before, "transactions") + 1, count(after, "transactions"));
    }

    @Test
    void rangesInOtherZonesAgreeWithRollups() {
        register("G-ROLL3", "Asia/Tehran");
        post("G-ROLL3", fiveDays());

        Map<String, Object> fromEvents = snapshot("G-ROLL3", "2024-04-02", "2024-04-04", "source_medium");
        Map<String, Object> mixed = snapshot("G-ROLL3", "2024-04-02", "2024-04-04", "source_medium");

        // Tehran's 2nd to 4th run from 20:30 UTC on the 1st to 20:30 UTC on the 4th: UTC days 1 to 4.
        assertEquals(4, ((Number) mixed.get("rollupDays")).intValue());
        assertEquals(answer(fromEvents), answer(mixed));
        assertEquals(9, count(mixed, "sessions"), "the 2nd, 3rd and 4th, the night visit and the crawler left out");
    }

    @Test
    void changedKeyEventsRebuildTheRollups() {
        register("G-ROLL4", "UTC");
        post("G-ROLL4", fiveDays());
        Map<String, Object> purchaseOnly = snapshot("G-ROLL4", "2024-04-01", "2024-04-05", null);

        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-ROLL4", "keyEvents", List.of("purchase", "search"),
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200);
        Map<String, Object> withSearch = snapshot("G-ROLL4", "2024-04-01", "2024-04-05", null);

        assertNull(withSearch.get("rollupDays"));
        assertEquals(5, count(purchaseOnly, "conversions"));
        assertEquals(10, count(withSearch, "conversions"));
    }

    @Test
    void erasingAVisitorDeletesTheRollups() {
        register("G-ROLL5", "UTC");
        post("G-ROLL5", fiveDays());
        snapshot("G-ROLL5", "2024-04-01", "2024-04-05", null);

        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-ROLL5", "clientIds", List.of("c1-2024-04-03"),
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/erase")
                .then().statusCode(200).body("deleted.events", equalTo(3)).body("deleted.rollups", equalTo(5));
        Map<String, Object> after = snapshot("G-ROLL5", "2024-04-01", "2024-04-05", null);

        assertNull(after.get("rollupDays"));
        assertEquals(14, count(after, "sessions"));
        assertEquals(4, count(after, "transactions"));
    }
}
