package com.campaignkpi.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.testing.Replays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the content fingerprint of events sent without an id. A resend is recognised only while the fingerprint of
 * the same content stays the same, so a change to how it is computed would store every resent event twice.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class FingerprintPinTest {

    private static final String BODY = "{\"client_id\":\"1234.5678\",\"user_id\":\"کاربر-۷\","
            + "\"timestamp_micros\":1711615518250000,\"events\":["
            + "{\"name\":\"purchase\",\"params\":{\"currency\":\"EUR\",\"value\":12.50,\"transaction_id\":\"T-9\","
            + "\"engagement_time_msec\":1200,\"page_location\":\"https://shop.example/خرید?utm_source=news\","
            + "\"items\":[{\"item_id\":\"SKU\\\"1\",\"price\":1e1,\"quantity\":2,\"flag\":true,\"none\":null}]}},"
            + "{\"name\":\"page_view\",\"params\":{\"page_title\":\"Tab\\there \\u2066x\\u2069\",\"debug\":false}}]}";

    @Test
    void fingerprintsOfTheSameContentStayTheSame() {
        Replays.registerProperty("G-FPPIN", "UTC", "fp-pin-secret");

        List<String> ids = given().queryParam("measurement_id", "G-FPPIN").queryParam("api_secret", "fp-pin-secret")
                .queryParam("import", "true").body(BODY)
                .post("/mp/collect")
                .then().statusCode(200)
                .extract().jsonPath().getList("results.eventId");

        assertEquals(List.of(
                "fp:222ff25acd4a5f86b4853c9b24c7220c", "fp:820b7a96a2e3e6f388d8173d92ef46d2"), ids);
    }
}
