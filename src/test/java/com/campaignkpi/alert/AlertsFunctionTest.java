package com.campaignkpi.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.testing.Replays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class AlertsFunctionTest {

    @Inject
    AlertStore store;

    private static void register(String property) {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", property, "apiSecret", "alerts-secret-1", "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200);
    }

    private static Map<String, Object> request(String property, String from, Integer limit, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("property", property);
        body.put("from", from);
        body.put("limit", limit);
        body.put("adminToken", token);
        return body;
    }

    @Test
    void listsStoredAlertsNewestFirst() {
        register("G-ALERTS-API");
        for (String day : List.of("2024-05-01", "2024-05-02", "2024-05-03")) {
            store.put(new Alert("G-ALERTS-API", AlertRule.ROAS_BELOW_1, "campaign:Brand", day,
                    day + "T23:00:00Z", new BigDecimal("0.5"), new BigDecimal("1.0"), "ROAS is 0.50 on " + day + ".",
                    "بازگشت هزینه تبلیغ ۰٫۵۰ است.", null));
        }

        given().contentType(ContentType.JSON)
                .body(request("G-ALERTS-API", "2024-05-02", null, Replays.ADMIN_TOKEN))
                .post("/alerts")
                .then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].day", equalTo("2024-05-03"))
                .body("[0].rule", equalTo("roas_below_1"))
                .body("[0].scope", equalTo("campaign:Brand"))
                .body("[0].raisedAt", equalTo("2024-05-03T23:00:00Z"))
                .body("[0].message", equalTo("ROAS is 0.50 on 2024-05-03."))
                .body("[0].messageFa", equalTo("بازگشت هزینه تبلیغ ۰٫۵۰ است."))
                .body("[0].details", equalTo(null))
                .body("[1].day", equalTo("2024-05-02"));

        given().contentType(ContentType.JSON)
                .body(request("G-ALERTS-API", null, 1, Replays.ADMIN_TOKEN))
                .post("/alerts")
                .then().statusCode(200)
                .body("day", equalTo(List.of("2024-05-03")));
    }

    @Test
    void readKeyListsOwnAlertsOnly() {
        for (String property : List.of("G-ALERTS-KEY1", "G-ALERTS-KEY2")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("property", property, "apiSecret", "alerts-secret-1",
                            "readKeys", List.of(property.toLowerCase() + "-read-key"), "adminToken", Replays.ADMIN_TOKEN))
                    .post("/property")
                    .then().statusCode(200);
        }
        store.put(new Alert("G-ALERTS-KEY1", AlertRule.TRACKING_GAP, Alert.PROPERTY_SCOPE, "2024-05-01",
                "2024-05-01T10:00:00Z", new BigDecimal("6"), new BigDecimal("6"), "No event for 6 hours.", "۶ ساعت هیچ رویدادی نرسید.", null));

        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-ALERTS-KEY1", "readKey", "g-alerts-key1-read-key"))
                .post("/alerts")
                .then().statusCode(200)
                .body("rule", equalTo(List.of("tracking_gap")));
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-ALERTS-KEY1", "readKey", "g-alerts-key2-read-key"))
                .post("/alerts")
                .then().statusCode(401)
                .body("field", equalTo("readKey"));
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-ALERTS-KEY1"))
                .post("/alerts")
                .then().statusCode(401)
                .body("field", equalTo("readKey"));
    }

    @Test
    void propertyWithoutReadKeysIsOpen() {
        register("G-ALERTS-OPEN");

        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-ALERTS-OPEN"))
                .post("/alerts")
                .then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void wrongTokenIs401() {
        given().contentType(ContentType.JSON)
                .body(request("G-ALERTS-API", null, null, "wrong-token"))
                .post("/alerts")
                .then().statusCode(401)
                .body("field", equalTo("adminToken"));
    }

    @Test
    void unknownPropertyIs404() {
        given().contentType(ContentType.JSON)
                .body(request("G-ALERTS-UNKNOWN", null, null, Replays.ADMIN_TOKEN))
                .post("/alerts")
                .then().statusCode(404)
                .body("field", equalTo("property"));
    }

    @Test
    void limitAboveMaximumIs400() {
        register("G-ALERTS-LIMIT");

        given().contentType(ContentType.JSON)
                .body(request("G-ALERTS-LIMIT", null, 501, Replays.ADMIN_TOKEN))
                .post("/alerts")
                .then().statusCode(400)
                .body("field", equalTo("limit"))
                .body("error", equalTo("limit 501 is invalid: give a whole number from 1 to 500"));
    }

    @Test
    void invalidFromIs400() {
        register("G-ALERTS-FROM");

        given().contentType(ContentType.JSON)
                .body(request("G-ALERTS-FROM", "2024-13-01", null, Replays.ADMIN_TOKEN))
                .post("/alerts")
                .then().statusCode(400)
                .body("field", equalTo("from"))
                .body("error", equalTo("from '2024-13-01' is not a calendar day in the form yyyy-MM-dd"));
    }
}
