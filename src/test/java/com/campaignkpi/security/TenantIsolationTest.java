package com.campaignkpi.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.property.PropertyIds;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Two clients of one agency side by side: the API secret and read key of property A neither write to nor read
 * property B through any function, and every stored item's partition key starts with its property id.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class TenantIsolationTest {

    private static final String A = "G-TENANTA";
    private static final String B = "G-TENANTB";
    private static final Map<String, String> SECRETS = Map.of(A, "tenant-a-api-secret", B, "tenant-b-api-secret");
    private static final Map<String, String> READ_KEYS = Map.of(A, "tenant-a-read-key-01", B, "tenant-b-read-key-01");
    private static final String DAY = "2026-03-10";

    private static final String MP_BODY = "{\"client_id\":\"c1\",\"events\":[{\"name\":\"page_view\","
            + "\"params\":{\"page_location\":\"https://a.example/\"}}]}";
    private static final String CANONICAL_EVENT = "[{\"name\":\"page_view\",\"client_id\":\"c1\","
            + "\"timestamp\":\"" + DAY + "T10:00:00Z\"}]";
    private static final String SPEND_ROW = "[{\"date\":\"" + DAY + "\",\"platform\":\"google_ads\","
            + "\"campaign_name\":\"Spring\",\"impressions\":100,\"clicks\":5,\"cost\":\"2.50\",\"currency\":\"EUR\"}]";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @BeforeEach
    void createProperties() {
        for (String property : List.of(A, B)) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("property", property, "timeZone", "UTC", "apiSecret", SECRETS.get(property),
                            "readKeys", List.of(READ_KEYS.get(property)), "adminToken", Replays.ADMIN_TOKEN))
                    .post("/property")
                    .then().statusCode(200);
        }
    }

    @Test
    void secretOfAWritesNothingToB() {
        String secretOfA = SECRETS.get(A);

        given().queryParam("measurement_id", B).queryParam("api_secret", secretOfA).body(MP_BODY)
                .post("/mp/collect").then().statusCode(401).body("field", equalTo("api_secret"));
        given().header("X-Measurement-Id", B).header("X-Api-Secret", secretOfA).body(MP_BODY)
                .post("/mp/collect").then().statusCode(401);
        given().queryParam("measurement_id", B).queryParam("api_secret", secretOfA).queryParam("import", true)
                .body(CANONICAL_EVENT).post("/events").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("measurementId", B, "apiSecret", secretOfA, "format", "canonical", "importMode", true,
                        "body", CANONICAL_EVENT))
                .post("/collect").then().statusCode(401);
        given().queryParam("measurement_id", B).queryParam("api_secret", secretOfA).queryParam("format", "canonical")
                .body(SPEND_ROW).post("/spend/import").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("measurementId", B, "apiSecret", secretOfA, "format", "canonical", "content", SPEND_ROW))
                .post("/spend").then().statusCode(401);

        Map<String, Object> snapshot = snapshotOf(B);
        assertEquals(0, ((Number) snapshot.get("eventsRead")).intValue(), "B received no event");
        assertFalse(snapshot.containsKey("paid"), "B received no spend");
    }

    @Test
    void readKeyOfAReadsNothingOfB() {
        String keyOfA = READ_KEYS.get(A);
        Map<String, String> range = Map.of("property", B, "from", DAY, "to", DAY);

        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + keyOfA).body(range)
                .post("/snapshot").then().statusCode(401);
        given().queryParams(range).queryParam("key", keyOfA).get("/export/snapshot.csv").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("property", B, "readKey", keyOfA))
                .post("/alerts").then().statusCode(401);
        // A read key is no admin token: it neither reads goals nor changes a property, runs a schedule or erases.
        given().contentType(ContentType.JSON)
                .body(Map.of("action", "list", "property", A, "adminToken", keyOfA))
                .post("/goals").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("property", A, "apiSecret", "taken-over-secret", "adminToken", keyOfA))
                .post("/property").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("property", A, "run", "daily", "adminToken", keyOfA))
                .post("/schedule").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("property", B, "wholeProperty", true, "adminToken", keyOfA))
                .post("/erase").then().statusCode(401);
        // The API secret is for writing only.
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + SECRETS.get(B)).body(range)
                .post("/snapshot").then().statusCode(401);
    }

    @Test
    void everyStoredKeyNamesItsProperty() {
        for (String property : List.of(A, B)) {
            given().queryParam("measurement_id", property).queryParam("api_secret", SECRETS.get(property))
                    .queryParam("import", true).body(CANONICAL_EVENT).post("/events")
                    .then().statusCode(200).body("accepted", equalTo(1));
            given().queryParam("measurement_id", property).queryParam("api_secret", SECRETS.get(property))
                    .queryParam("format", "canonical").body(SPEND_ROW).post("/spend/import").then().statusCode(200);
            given().queryParam("measurement_id", property).queryParam("api_secret", SECRETS.get(property))
                    .queryParam("import", true).body("[{\"name\":\"9 invalid\",\"client_id\":\"c1\"}]")
                    .post("/events").then().statusCode(200).body("rejected", equalTo(1));
            snapshotOf(property);
        }

        Map<String, Integer> itemsPerTable = new HashMap<>();
        List<String> strays = new ArrayList<>();
        for (String table : List.of(tables.properties(), tables.events(), tables.rejections(), tables.visitors(),
                tables.snapshots(), tables.spend(), tables.goals(), tables.alerts())) {
            for (Map<String, AttributeValue> item : dynamo.scanPaginator(ScanRequest.builder().tableName(table)
                    .build()).items()) {
                // Keys are the property id, or the property id and '#' before the rest (day, client, range).
                String key = item.get("pk").s();
                String owner = key.split("#", 2)[0];
                if (!PropertyIds.isValid(owner)) {
                    strays.add(table + ": " + key);
                }
                if (owner.equals(A) || owner.equals(B)) {
                    itemsPerTable.merge(table, 1, Integer::sum);
                }
            }
        }

        assertTrue(strays.isEmpty(), "partition keys not led by a property id: " + strays);
        for (String table : List.of(tables.properties(), tables.events(), tables.rejections(), tables.visitors(),
                tables.snapshots(), tables.spend())) {
            assertTrue(itemsPerTable.getOrDefault(table, 0) >= 2, table + " has items of both properties: "
                    + itemsPerTable);
        }
    }

    private static Map<String, Object> snapshotOf(String property) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + READ_KEYS.get(property))
                .body(Map.of("property", property, "from", DAY, "to", DAY, "refresh", true))
                .post("/snapshot").then().statusCode(200).extract().jsonPath().getMap("$");
    }
}
