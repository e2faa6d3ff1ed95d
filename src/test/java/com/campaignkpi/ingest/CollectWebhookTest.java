package com.campaignkpi.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.testing.Replays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class CollectWebhookTest {

    private static final String PROPERTY = "G-WEBHOOK";
    private static final String SECRET = "webhook-secret-1";
    private static boolean registered;

    @Inject
    EventStore events;

    @Inject
    RejectionStore rejections;

    @BeforeEach
    void register() {
        if (!registered) {
            Replays.registerProperty(PROPERTY, "Asia/Tehran", SECRET);
            registered = true;
        }
    }

    private static long microsAgo(long minutes) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now().minus(minutes, ChronoUnit.MINUTES));
    }

    @Test
    void acceptsThenDeduplicates() {
        long time = microsAgo(10);
        String body = "{\"client_id\":\"555.111\",\"timestamp_micros\":" + time + ",\"events\":["
                + "{\"name\":\"page_view\",\"params\":{\"page_location\":\"https://shop.example/?utm_source=news"
                + "&utm_medium=email\",\"ga_session_id\":\"1700\",\"ga_session_number\":1}},"
                + "{\"name\":\"purchase\",\"params\":{\"transaction_id\":\"T-1\",\"value\":25.5,"
                + "\"currency\":\"EUR\",\"ga_session_id\":\"1700\"}}]}";

        given().contentType(ContentType.JSON).body(body)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(0)).body("rejected", equalTo(0))
                .body("results[0].status", equalTo("accepted"));
        given().contentType(ContentType.JSON).body(body)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(2))
                .body("results[1].status", equalTo("duplicate"));

        List<TrackedEvent> stored = events.readDay(new EventPartitions(PROPERTY, 1), LocalDate.ofInstant(
                Instant.EPOCH.plus(time, ChronoUnit.MICROS), ZoneOffset.UTC)).stream()
                .filter(event -> event.clientId().equals("555.111")).toList();
        assertEquals(2, stored.size());
        TrackedEvent pageView = stored.stream().filter(event -> event.name().equals("page_view")).findFirst()
                .orElseThrow();
        assertEquals("news", pageView.campaign().source());
        assertEquals("email", pageView.campaign().medium());
        assertEquals("1700", pageView.sessionId());
        assertEquals(Integer.valueOf(1), pageView.sessionNumber());
    }

    @Test
    void sameEventIdStoredOnce() {
        String event = "{\"event_id\":\"evt-42\",\"name\":\"sign_up\",\"client_id\":\"c-42\",\"timestamp_micros\":"
                + microsAgo(5) + "}";

        given().contentType(ContentType.JSON).body("[" + event + "," + event + "]")
                .header("X-Measurement-Id", PROPERTY).header("X-Api-Secret", SECRET)
                .post("/events")
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(1))
                .body("results[0].eventId", equalTo("id:evt-42"));
    }

    @Test
    void rejectedEventIsStoredWithReasonAndBody() {
        String body = "{\"client_id\":\"c-77\",\"events\":[{\"name\":\"sign_up\"},{\"name\":\"bad-name\","
                + "\"params\":{\"plan\":\"pro\"}}]}";

        given().contentType(ContentType.JSON).body(body)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].field", equalTo("events[1].name"))
                .body("results[1].eventId", nullValue());

        List<Rejection> stored = rejections.readDay(PROPERTY, LocalDate.now(ZoneOffset.UTC), 1000).stream()
                .filter(rejection -> rejection.body().contains("c-77")).toList();
        assertEquals(1, stored.size());
        assertEquals("events[1].name", stored.get(0).field());
        assertEquals(1, stored.get(0).index());
        assertEquals("mp", stored.get(0).endpoint());
        assertEquals("{\"client_id\":\"c-77\",\"events\":[{\"name\":\"bad-name\",\"params\":{\"plan\":\"pro\"}}]}",
                stored.get(0).body());
    }

    @Test
    void wrongSecretIs401() {
        given().contentType(ContentType.JSON).body("{\"client_id\":\"c\",\"events\":[{\"name\":\"x\"}]}")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", "not-the-secret")
                .post("/mp/collect")
                .then().statusCode(401)
                .body("field", equalTo("api_secret"))
                .body("error", equalTo("api_secret is wrong for measurement_id 'G-WEBHOOK'"));
    }

    @Test
    void missingSecretIs401() {
        given().contentType(ContentType.JSON).body("{\"client_id\":\"c\",\"events\":[{\"name\":\"x\"}]}")
                .queryParam("measurement_id", PROPERTY)
                .post("/mp/collect")
                .then().statusCode(401).body("field", equalTo("api_secret"));
    }

    @Test
    void unknownPropertyIs404() {
        given().contentType(ContentType.JSON).body("{\"client_id\":\"c\",\"events\":[{\"name\":\"x\"}]}")
                .queryParam("measurement_id", "G-NOPE").queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(404).body("field", equalTo("measurement_id"));
    }

    @Test
    void unreadableBodyIs400() {
        given().contentType(ContentType.JSON).body("{\"client_id\":\"c\",\"events\":[")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(400).body("field", equalTo("$"));
    }

    @Test
    void missingEventsIs400() {
        given().contentType(ContentType.JSON).body("{\"client_id\":\"c\"}")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(400)
                .body("field", equalTo("events"))
                .body("error", equalTo("events is missing or not an array"));
    }

    @Test
    void oversizedBodyIs413() {
        String padding = "x".repeat(99);
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 1400; i++) {
            events.append(i == 0 ? "" : ",").append("{\"name\":\"e\",\"params\":{\"p\":\"").append(padding)
                    .append("\"}}");
        }

        given().contentType(ContentType.JSON).body("{\"client_id\":\"c\",\"events\":[" + events + "]}")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(413)
                .body("error", org.hamcrest.Matchers.endsWith("the limit is 130000 bytes per request, so split "
                        + "the events over several requests"));
    }

    @Test
    void collectFunctionTakesCredentialsInBody() {
        given().contentType(ContentType.JSON)
                .body(Map.of("measurementId", PROPERTY, "apiSecret", SECRET, "format", "canonical",
                        "body", Map.of("name", "generate_lead", "client_id", "c-fn", "event_id", "fn-1")))
                .post("/collect")
                .then().statusCode(200).body("accepted", equalTo(1));
        given().contentType(ContentType.JSON)
                .body(Map.of("measurementId", PROPERTY, "apiSecret", "wrong-secret", "body", Map.of()))
                .post("/collect")
                .then().statusCode(401).body("field", equalTo("apiSecret"));
    }

    @Test
    void propertyNeedsAdminToken() {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-OTHER", "apiSecret", "long-enough-secret", "adminToken", "guess"))
                .post("/property")
                .then().statusCode(401).body("field", equalTo("adminToken"));
    }

    @Test
    void propertyRejectsBadTimeZone() {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-OTHER", "apiSecret", "long-enough-secret", "timeZone", "Mars/Olympus",
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(400)
                .body("field", equalTo("timeZone"))
                .body("error", equalTo("timeZone 'Mars/Olympus' is not an IANA time zone id such as Asia/Tehran or "
                        + "America/New_York"));
    }

    @Test
    void kpiDefinitionsIncludePersian() {
        given().get("/kpis")
                .then().statusCode(200)
                .body("size()", equalTo(37))
                .body("[36].id", equalTo("clv_to_cac"))
                .body("[18].id", equalTo("bot_sessions"))
                .body("[18].better", equalTo("lower"))
                .body("[18].nameFa", equalTo("ترافیک ربات"))
                .body("[19].id", equalTo("branded_searches"))
                .body("[2].id", equalTo("engagement_rate"))
                .body("[2].unit", equalTo("ratio"))
                .body("[2].nameFa", equalTo("نرخ تعامل"));
    }

    @Test
    void manyEventsCostOneRejection() {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            events.append(i == 0 ? "" : ",").append('1');
        }
        String client = "overflow-" + System.nanoTime();

        given().contentType(ContentType.JSON).body("{\"client_id\":\"" + client + "\",\"events\":[" + events + "]}")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(200)
                .body("accepted", equalTo(0)).body("rejected", equalTo(5000))
                .body("results.size()", equalTo(26))
                .body("results[25].index", equalTo(25))
                .body("results[25].lastIndex", equalTo(4999))
                .body("results[25].reason", equalTo("the request has 5000 events; the limit is 25 per request, so "
                        + "the 4975 events from index 25 on are rejected"));

        List<Rejection> stored = rejections.readDay(PROPERTY, LocalDate.now(ZoneOffset.UTC), 1000).stream()
                .filter(rejection -> rejection.body().contains(client)).toList();
        assertEquals(26, stored.size());
    }

    @Test
    void formContentTypeIsReadAsJson() {
        String padding = "p".repeat(90);
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            events.append(i == 0 ? "" : ",").append("{\"name\":\"view_item\",\"params\":{\"label\":\"")
                    .append(padding).append(i).append("\"}}");
        }

        given().contentType("application/x-www-form-urlencoded")
                .body("{\"client_id\":\"form-1\",\"timestamp_micros\":" + microsAgo(3) + ",\"events\":["
                        + events + "]}")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(200).body("accepted", equalTo(12));
    }

    /**
     * Vert.x decodes a body labelled as a form before the route runs. A '%' without two hex digits before the first
     * '=' fails as an IllegalArgumentException, which was a 500 that logged the body.
     */
    @Test
    void undecodableFormBodyIs400() {
        given().contentType("application/x-www-form-urlencoded")
                .body("{\"client_id\":\"form-2\",\"events\":[{\"name\":\"page_view\",\"params\":{\"page_title\":"
                        + "\"100% tea\",\"page_location\":\"https://shop.example/?utm_source=mail\"}}]}")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(400)
                .body("field", equalTo("$"))
                .body("error", equalTo("The body could not be decoded as its Content-Type declares; send JSON with "
                        + "Content-Type: application/json, uncompressed"));
    }

    @Test
    void contentAfterJsonValueIs400() {
        given().contentType(ContentType.JSON)
                .body("{\"client_id\":\"trail-1\",\"events\":[{\"name\":\"page_view\"}]} "
                        + "{\"client_id\":\"trail-2\",\"events\":[{\"name\":\"page_view\"}]}")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(400)
                .body("field", equalTo("$"))
                .body("error", org.hamcrest.Matchers.containsString("Trailing token"));
    }

    @Test
    void moneyKeepsEveryDigit() {
        given().contentType(ContentType.JSON)
                .body("{\"client_id\":\"exact-1\",\"events\":[{\"name\":\"purchase\",\"params\":{"
                        + "\"transaction_id\":\"T-EXACT\",\"currency\":\"IRR\",\"value\":12345678901234567.89}}]}")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(200).body("accepted", equalTo(1));

        List<TrackedEvent> stored = events.readDay(new EventPartitions(PROPERTY, 1), LocalDate.now(ZoneOffset.UTC)).stream()
                .filter(event -> event.clientId().equals("exact-1")).toList();
        assertEquals(1, stored.size());
        assertEquals(new java.math.BigDecimal("12345678901234567.89"), stored.get(0).value(),
                "a double would give 12345678901234568");
    }

    @Test
    void overlongUtf8Is400() {
        // C0 AF is an overlong encoding of '/', which a lenient decoder would store as a different text.
        byte[] body = "{\"client_id\":\"utf-1\",\"events\":[{\"name\":\"page_view\",\"params\":{\"page_title\":\"a?b\"}}]}"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int question = new String(body, java.nio.charset.StandardCharsets.US_ASCII).indexOf('?');
        byte[] malformed = new byte[body.length + 1];
        System.arraycopy(body, 0, malformed, 0, question);
        malformed[question] = (byte) 0xC0;
        malformed[question + 1] = (byte) 0xAF;
        System.arraycopy(body, question + 1, malformed, question + 2, body.length - question - 1);

        given().contentType(ContentType.JSON).body(malformed)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(400)
                .body("field", equalTo("$"))
                .body("error", equalTo("The body is not valid UTF-8 near byte " + question + ": send JSON encoded as "
                        + "UTF-8"));
    }

    @Test
    void getOnWebhookIs405() {
        given().get("/mp/collect")
                .then().statusCode(405)
                .header("Allow", "POST")
                .body("error", equalTo("GET is not allowed on /mp/collect; send the events with POST"));
    }

    @Test
    void deepNestingIs400() {
        String nested = "[".repeat(1500) + "]".repeat(1500);

        given().contentType(ContentType.JSON)
                .body("{\"client_id\":\"n\",\"events\":[{\"name\":\"p\",\"params\":{\"x\":" + nested + "}}]}")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(400).body("field", equalTo("$"));
    }

    @Test
    void eventIdResentAcrossMidnightIsDuplicate() {
        String before = "{\"event_id\":\"midnight-1\",\"name\":\"page_view\",\"client_id\":\"q\","
                + "\"timestamp\":\"2024-03-27T23:59:59Z\"}";
        String after = before.replace("2024-03-27T23:59:59Z", "2024-03-28T00:00:01Z");

        given().contentType(ContentType.JSON).body(before)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET).queryParam("import", "1")
                .post("/events")
                .then().statusCode(200).body("accepted", equalTo(1));
        given().contentType(ContentType.JSON).body(after)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET).queryParam("import", "1")
                .post("/events")
                .then().statusCode(200).body("duplicates", equalTo(1)).body("accepted", equalTo(0));
    }

    @Test
    void hugeTimestampIsRejectedNot500() {
        given().contentType(ContentType.JSON)
                .body("{\"client_id\":\"x\",\"timestamp_micros\":9300000000000000,\"events\":[{\"name\":\"p\"}]}")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET).queryParam("import", "true")
                .post("/mp/collect")
                .then().statusCode(200)
                .body("rejected", equalTo(1))
                .body("results[0].field", equalTo("timestamp_micros"));
    }

    @Inject
    com.campaignkpi.visitor.VisitorStore visitors;

    @Test
    void samePurchaseTwiceInOneRequest() {
        long time = microsAgo(2);
        String purchase = "{\"name\":\"purchase\",\"params\":{\"transaction_id\":\"T-DUP\",\"value\":12.5,"
                + "\"currency\":\"USD\",\"event_id\":\"%s\"}}";

        given().contentType(ContentType.JSON)
                .body("{\"client_id\":\"dup-buyer\",\"timestamp_micros\":" + time + ",\"events\":["
                        + purchase.formatted("e1") + "," + purchase.formatted("e2") + "]}")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/mp/collect")
                .then().statusCode(200).body("accepted", equalTo(2));

        var history = visitors.purchases(PROPERTY, List.of("dup-buyer")).get("dup-buyer");
        assertEquals(1, history.size());
        assertEquals("T-DUP", history.get(0).transactionKey());
    }
}
