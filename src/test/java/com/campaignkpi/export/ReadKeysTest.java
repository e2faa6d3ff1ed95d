package com.campaignkpi.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.campaignkpi.storage.DynaliteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Read keys per property: a property with keys returns its snapshot and CSV export only for one of them or the
 * admin token, and a key of one property does not read another.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class ReadKeysTest {

    private static final String ADMIN_TOKEN = "test-admin-token";
    private static final String KEY_A = "read-key-of-property-a";
    private static final String KEY_B = "read-key-of-property-b";

    @BeforeEach
    void createProperties() {
        for (String[] property : List.of(new String[] {"G-READA", KEY_A}, new String[] {"G-READB", KEY_B})) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("property", property[0], "apiSecret", "read-test-secret", "readKeys",
                            List.of(property[1]), "adminToken", ADMIN_TOKEN))
                    .post("/property")
                    .then().statusCode(200).body("readKeys", equalTo(1));
        }
    }

    @Test
    void snapshotNeedsItsOwnKey() {
        Map<String, String> body = Map.of("property", "G-READA", "from", "2026-03-01", "to", "2026-03-02");

        given().contentType(ContentType.JSON).body(body).post("/snapshot")
                .then().statusCode(401).body("field", equalTo("Authorization"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + KEY_B).body(body).post("/snapshot")
                .then().statusCode(401).body("error", equalTo("the read key is wrong for property 'G-READA'"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + KEY_A).body(body).post("/snapshot")
                .then().statusCode(200).body("property", equalTo("G-READA"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ADMIN_TOKEN).body(body)
                .post("/snapshot").then().statusCode(200);
    }

    @Test
    void fieldNameCaseCannotDodgeKey() {
        // Funqy binds field names in any case, so the check must read "Property" as the property too.
        given().contentType(ContentType.JSON)
                .body(Map.of("Property", "G-READA", "from", "2026-03-01", "to", "2026-03-02"))
                .post("/snapshot").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + KEY_B)
                .body("{\"property\":\"G-READB\",\"from\":\"2026-03-01\",\"to\":\"2026-03-02\","
                        + "\"Property\":\"G-READA\"}")
                .post("/snapshot").then().statusCode(400).body("field", equalTo("Property"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + KEY_B)
                .body("{\"property\":\"G-READB\",\"from\":\"2026-03-01\",\"to\":\"2026-03-02\","
                        + "\"property\":\"G-READA\"}")
                .post("/snapshot").then().statusCode(400).body("field", equalTo("$"));
    }

    @Test
    void csvTakesKeyInQuery() {
        given().queryParam("property", "G-READB").queryParam("from", "2026-03-01").queryParam("to", "2026-03-02")
                .get("/export/snapshot.csv").then().statusCode(401);
        given().queryParam("property", "G-READB").queryParam("from", "2026-03-01").queryParam("to", "2026-03-02")
                .queryParam("key", KEY_A).get("/export/snapshot.csv").then().statusCode(401);
        given().queryParam("property", "G-READB").queryParam("from", "2026-03-01").queryParam("to", "2026-03-02")
                .queryParam("key", KEY_B).get("/export/snapshot.csv").then().statusCode(200);
    }

    @Test
    void shortKeyIs400() {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-READC", "apiSecret", "read-test-secret", "readKeys", List.of("short"),
                        "adminToken", ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(400).body("field", equalTo("readKeys[0]"));
    }
}
