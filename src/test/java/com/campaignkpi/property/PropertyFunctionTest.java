package com.campaignkpi.property;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.testing.Replays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class PropertyFunctionTest {

    @Test
    void updateKeepsOmittedSettings() {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-KEEP", "timeZone", "Asia/Tehran", "apiSecret", "first-secret-1",
                        "keyEvents", List.of("purchase", "book_demo"), "sessionTimeoutMinutes", 45,
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200);

        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-KEEP", "apiSecret", "second-secret-2", "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200)
                .body("timeZone", equalTo("Asia/Tehran"))
                .body("keyEvents", equalTo(List.of("book_demo", "purchase")))
                .body("sessionTimeoutMinutes", equalTo(45))
                .body("apiSecrets", equalTo(1));
    }

    @Test
    void newPropertyGetsDefaults() {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-DEFAULTS", "apiSecret", "default-secret", "adminToken",
                        Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("keyEvents", equalTo(List.of("generate_lead", "purchase", "sign_up")))
                .body("sessionTimeoutMinutes", equalTo(30));
    }

    @Test
    void fractionalTimeoutIs400() {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-FRACTION", "apiSecret", "fraction-secret", "sessionTimeoutMinutes", 1.5,
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(400)
                .body("field", equalTo("sessionTimeoutMinutes"))
                .body("error", equalTo("sessionTimeoutMinutes 1.5 is invalid: use a whole number from 1 to 240 "
                        + "(GA4 allows up to 7 h 55 min, but longer gaps merge unrelated visits)"));
    }

    @Test
    void blankSecretIs400() {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-BLANK", "apiSecret", "          ", "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(400)
                .body("error", equalTo("apiSecret is too short: use at least 8 characters other than spaces"));
    }

    @Test
    void invalidKeyEventIs400() {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-KEYS", "apiSecret", "keys-secret-1", "keyEvents", List.of("Sign Up"),
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(400)
                .body("field", equalTo("keyEvents[0]"));
    }
}
