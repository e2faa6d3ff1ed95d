package com.campaignkpi.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The right to erasure: a visitor's events, rejected requests and history go, on every day they were stored
 * (imported history included), and no one else's. A whole property goes with its settings.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class EraseFunctionTest {

    private static final String SECRET = "erase-secret-1";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    private static void register(String property, boolean hashUserIds) {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", property, "apiSecret", SECRET, "ingest", Map.of("hashUserIds", hashUserIds),
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property").then().statusCode(200);
    }

    /** Two visits of {@code client} (one in 2016, as imported history), a purchase, and one rejected event. */
    private static void visit(String property, String client, String userId) {
        String user = userId == null ? "" : ",\"user_id\":\"" + userId + "\"";
        String events = "[{\"name\":\"page_view\",\"client_id\":\"" + client + "\"" + user
                + ",\"timestamp\":\"2016-08-01T10:00:00Z\"},"
                + "{\"name\":\"purchase\",\"client_id\":\"" + client + "\"" + user
                + ",\"timestamp\":\"2026-03-10T10:00:00Z\",\"params\":{\"transaction_id\":\"T-" + client
                + "\",\"value\":10,\"currency\":\"EUR\"}},"
                + "{\"name\":\"9-bad-name\",\"client_id\":\"" + client + "\",\"timestamp\":\"2026-03-10T10:00:00Z\"}]";
        given().queryParam("measurement_id", property).queryParam("api_secret", SECRET).queryParam("import", true)
                .body(events).post("/events")
                .then().statusCode(200).body("accepted", equalTo(2)).body("rejected", equalTo(1));
    }

    private static io.restassured.response.ValidatableResponse erase(Map<String, Object> body) {
        Map<String, Object> request = new HashMap<>(body);
        request.put("adminToken", Replays.ADMIN_TOKEN);
        return given().contentType(ContentType.JSON).body(request).post("/erase").then();
    }

    @Test
    void clientIdErasesOnlyThatVisitor() {
        register("G-ERASE1", false);
        visit("G-ERASE1", "leaving", null);
        visit("G-ERASE1", "staying", null);

        erase(Map.of("property", "G-ERASE1", "clientIds", List.of("leaving"))).statusCode(200)
                .body("scope", equalTo("visitors"))
                .body("deleted.events", equalTo(2))
                .body("deleted.rejections", equalTo(1));

        List<String> left = itemsOf("G-ERASE1");
        assertFalse(left.stream().anyMatch(item -> item.contains("leaving")), "nothing of 'leaving' stays: " + left);
        assertEquals(2, left.stream().filter(item -> item.startsWith(tables.events() + " ")).count(), left.toString());
        assertTrue(left.stream().anyMatch(item -> item.contains("staying")), left.toString());
    }

    @Test
    void rejectionsFoundInEveryForm() {
        register("G-ERASE6", false);
        // A rejected request keeps a numeric client id as a bare number, and a quote in an id escaped.
        for (String body : List.of("{\"client_id\":777.888,\"events\":[{\"name\":\"1bad\"}]}",
                "{\"client_id\":\"q\\\"9\",\"events\":[{\"name\":\"2bad\"}]}")) {
            given().queryParam("measurement_id", "G-ERASE6").queryParam("api_secret", SECRET).body(body)
                    .post("/mp/collect").then().statusCode(200).body("rejected", equalTo(1));
        }

        erase(Map.of("property", "G-ERASE6", "clientIds", List.of("777.888", "q\"9"))).statusCode(200)
                .body("deleted.rejections", equalTo(2));

        assertEquals(List.of(), itemsOf("G-ERASE6").stream()
                .filter(item -> item.startsWith(tables.rejections() + " ")).toList());
    }

    @Test
    void userIdFindsPseudonymousEvents() {
        register("G-ERASE2", true);
        visit("G-ERASE2", "device-1", "customer@example.com");
        visit("G-ERASE2", "device-2", "other@example.com");

        erase(Map.of("property", "G-ERASE2", "userIds", List.of("customer@example.com"))).statusCode(200)
                .body("deleted.events", equalTo(2));

        List<String> events = itemsOf("G-ERASE2").stream().filter(item -> item.startsWith(tables.events() + " "))
                .toList();
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.stream().allMatch(item -> item.contains(Pseudonyms.of("G-ERASE2", "other@example.com"))),
                events.toString());
    }

    @Test
    void wholePropertyLeavesNothing() {
        register("G-ERASE3", false);
        register("G-ERASE4", false);
        visit("G-ERASE3", "gone", null);
        visit("G-ERASE4", "neighbour", null);

        erase(Map.of("property", "G-ERASE3", "wholeProperty", true)).statusCode(200)
                .body("scope", equalTo("property"))
                .body("deleted.properties", equalTo(1));

        assertEquals(List.of(), itemsOf("G-ERASE3"));
        assertFalse(itemsOf("G-ERASE4").isEmpty(), "the other property keeps its data");
        given().queryParam("measurement_id", "G-ERASE3").queryParam("api_secret", SECRET)
                .body("[{\"name\":\"page_view\",\"client_id\":\"x\"}]").post("/events").then().statusCode(404);
    }

    @Test
    void requestsWithoutIdsAre400() {
        register("G-ERASE5", false);

        erase(Map.of("property", "G-ERASE5")).statusCode(400).body("field", equalTo("clientIds"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= EraseFunction.MAX_IDS; i++) {
            many.add("client-" + i);
        }
        erase(Map.of("property", "G-ERASE5", "clientIds", many)).statusCode(400)
                .body("error", containsString("the limit is 25"));
        erase(Map.of("property", "G-ERASE5", "clientIds", List.of(""))).statusCode(400)
                .body("field", equalTo("clientIds[0]"));
        erase(Map.of("property", "G-ERASE5", "wholeProperty", true, "clientIds", List.of("a"))).statusCode(400)
                .body("field", equalTo("wholeProperty"));
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-ERASE5", "clientIds", List.of("a"), "adminToken", "wrong"))
                .post("/erase").then().statusCode(401);
    }

    /**
     * Returns "table item" for every stored item whose partition key starts with the property id, but for late marks:
     * they hold a day and a time only, and an erasure writes them for the days it changed.
     */
    private List<String> itemsOf(String property) {
        List<String> items = new ArrayList<>();
        for (String table : List.of(tables.properties(), tables.events(), tables.rejections(), tables.visitors(),
                tables.snapshots(), tables.spend(), tables.goals(), tables.alerts())) {
            for (Map<String, AttributeValue> item : dynamo.scanPaginator(ScanRequest.builder().tableName(table)
                    .build()).items()) {
                String key = item.get("pk").s();
                boolean lateMark = key.equals(LateMarks.partitionKey(property))
                        && item.get("sk").s().endsWith(LateMarks.SORT_SUFFIX);
                if (!lateMark && (key.equals(property) || key.startsWith(property + "#"))) {
                    items.add(table + " " + item);
                }
            }
        }
        return items;
    }
}
