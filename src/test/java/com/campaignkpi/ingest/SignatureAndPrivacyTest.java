package com.campaignkpi.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.privacy.Pseudonyms;
import com.campaignkpi.property.Secrets;
import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.storage.TableNames;
import com.campaignkpi.testing.Replays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Signed webhook requests (HMAC-SHA256 over the timestamp and the body), GA4 consent, user-id pseudonyms and IP
 * addresses: what each property setting lets through, and what is stored.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class SignatureAndPrivacyTest {

    private static final String OLD_SECRET = "signed-old-secret";
    private static final String NEW_SECRET = "signed-new-secret";
    private static final String IP = "203.0.113.77";
    private static final long SENT_AT_MICROS = Instant.now().getEpochSecond() * 1_000_000L;

    @Inject
    EventStore events;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    private static void register(String property, Map<String, Boolean> ingest, String... secrets) {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", property, "apiSecrets", List.of(secrets), "ingest", ingest,
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200).body("ingest", equalTo(Map.of("requireSignature",
                        ingest.getOrDefault("requireSignature", false), "hashUserIds",
                        ingest.getOrDefault("hashUserIds", false), "eventShards", 1)));
    }

    /** Signs as a sender does: HMAC-SHA256 keyed by the hex SHA-256 of the API secret. */
    private static String signature(String secret, long timestamp, String body) {
        byte[] mac = RequestSignature.sign(Secrets.sha256Hex(secret), timestamp,
                body.getBytes(StandardCharsets.UTF_8));
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac);
    }

    /** Builds a body with its own event time, as GA4 tags send it, so a resend is recognised as a duplicate. */
    private static String body(String clientId) {
        return "{\"client_id\":\"" + clientId + "\",\"timestamp_micros\":" + SENT_AT_MICROS
                + ",\"events\":[{\"name\":\"page_view\"}]}";
    }

    private static io.restassured.response.ValidatableResponse post(String property, String secret, String body,
            String signature) {
        var request = given().queryParam("measurement_id", property).queryParam("api_secret", secret).body(body);
        if (signature != null) {
            request.header("X-Signature", signature);
        }
        return request.post("/mp/collect").then();
    }

    @Test
    void requiredSignatureAcceptsOnlySignedBodies() {
        register("G-SIGNED1", Map.of("requireSignature", true), OLD_SECRET, NEW_SECRET);
        long now = Instant.now().getEpochSecond();
        String body = body("signed-1");

        post("G-SIGNED1", NEW_SECRET, body, null).statusCode(401).body("field", equalTo("X-Signature"))
                .body("error", containsString("accepts only signed requests"));
        post("G-SIGNED1", NEW_SECRET, body, signature(NEW_SECRET, now, body)).statusCode(200)
                .body("accepted", equalTo(1));
        post("G-SIGNED1", OLD_SECRET, body, signature(OLD_SECRET, now, body)).statusCode(200)
                .body("duplicates", equalTo(1));
    }

    @Test
    void tamperedOrStaleSignatureIs401() {
        register("G-SIGNED2", Map.of("requireSignature", true), NEW_SECRET);
        long now = Instant.now().getEpochSecond();
        String body = body("signed-2");

        post("G-SIGNED2", NEW_SECRET, body("someone-else"), signature(NEW_SECRET, now, body)).statusCode(401)
                .body("error", containsString("does not match the body and timestamp"));
        // 10 s beyond the window either way, because the server's clock moves on while the test runs.
        post("G-SIGNED2", NEW_SECRET, body, signature(NEW_SECRET, now - 310, body)).statusCode(401)
                .body("error", containsString("the limit is 300 s"));
        post("G-SIGNED2", NEW_SECRET, body, signature(NEW_SECRET, now + 310, body)).statusCode(401);
        post("G-SIGNED2", NEW_SECRET, body, signature(OLD_SECRET, now, body)).statusCode(401);
        post("G-SIGNED2", NEW_SECRET, body, "v1=abc").statusCode(401).body("error", containsString("malformed"));
        post("G-SIGNED2", NEW_SECRET, body, signature(NEW_SECRET, now - 290, body)).statusCode(200);
    }

    @Test
    void optionalSignatureIsCheckedWhenSent() {
        register("G-SIGNED3", Map.of(), NEW_SECRET);
        long now = Instant.now().getEpochSecond();
        String body = body("signed-3");

        post("G-SIGNED3", NEW_SECRET, body, null).statusCode(200);
        post("G-SIGNED3", NEW_SECRET, body, signature("not-the-secret", now, body)).statusCode(401);
    }

    @Test
    void deniedUserDataDropsUserId() {
        register("G-CONSENT1", Map.of(), NEW_SECRET);
        String body = "{\"client_id\":\"consent-1\",\"user_id\":\"customer-42\","
                + "\"consent\":{\"ad_user_data\":\"DENIED\",\"ad_personalization\":\"DENIED\"},"
                + "\"events\":[{\"name\":\"page_view\"}]}";

        post("G-CONSENT1", NEW_SECRET, body, null).statusCode(200).body("accepted", equalTo(1));

        List<TrackedEvent> stored = today("G-CONSENT1");
        assertEquals(1, stored.size());
        assertEquals("consent-1", stored.get(0).clientId());
        assertNull(stored.get(0).userId(), "a user who denied ad_user_data is stored by client id only");
    }

    @Test
    void grantedConsentKeepsUserId() {
        register("G-CONSENT2", Map.of(), NEW_SECRET);
        String body = "{\"client_id\":\"consent-2\",\"user_id\":\"customer-43\","
                + "\"consent\":{\"ad_user_data\":\"GRANTED\",\"ad_personalization\":\"DENIED\"},"
                + "\"events\":[{\"name\":\"page_view\"}]}";

        post("G-CONSENT2", NEW_SECRET, body, null).statusCode(200).body("accepted", equalTo(1));

        assertEquals("customer-43", today("G-CONSENT2").get(0).userId());
    }

    @Test
    void rejectedBodiesProtectUserIds() {
        register("G-PSEUDO3", Map.of("hashUserIds", true), NEW_SECRET);
        register("G-CONSENT3", Map.of(), NEW_SECRET);

        post("G-PSEUDO3", NEW_SECRET, "{\"client_id\":\"r1\",\"user_id\":\"bob@example.com\","
                + "\"events\":[{\"name\":\"9-bad\"}]}", null).statusCode(200).body("rejected", equalTo(1));
        post("G-CONSENT3", NEW_SECRET, "{\"client_id\":\"r2\",\"user_id\":\"carol@example.com\","
                + "\"consent\":{\"ad_user_data\":\"DENIED\"},\"events\":[{\"name\":\"9-bad\"}]}", null)
                .statusCode(200).body("rejected", equalTo(1));

        for (Map<String, AttributeValue> item : dynamo.scanPaginator(ScanRequest.builder()
                .tableName(tables.rejections()).build()).items()) {
            assertFalse(item.toString().contains("bob@example.com"), "a pseudonymous property's rejection: " + item);
            assertFalse(item.toString().contains("carol@example.com"), "a denied user id in a rejection: " + item);
        }
    }

    @Test
    void hashedUserIdsStayPseudonymous() {
        register("G-PSEUDO1", Map.of("hashUserIds", true), NEW_SECRET);
        for (String client : List.of("phone", "laptop")) {
            post("G-PSEUDO1", NEW_SECRET, "{\"client_id\":\"" + client + "\",\"user_id\":\"ali@example.com\","
                    + "\"events\":[{\"name\":\"page_view\"}]}", null).statusCode(200);
        }

        List<String> userIds = today("G-PSEUDO1").stream().map(TrackedEvent::userId).distinct().toList();
        assertEquals(List.of(Pseudonyms.of("G-PSEUDO1", "ali@example.com")), userIds,
                "both devices carry one pseudonym");
        assertTrue(userIds.get(0).startsWith("h:"), userIds.get(0));
        assertFalse(userIds.get(0).contains("ali"), userIds.get(0));
        assertFalse(Pseudonyms.of("G-PSEUDO1", "ali@example.com")
                .equals(Pseudonyms.of("G-PSEUDO2", "ali@example.com")), "pseudonyms differ per property");
    }

    @Test
    void ipAddressIsNeverStoredWhole() {
        register("G-NOIP1", Map.of(), NEW_SECRET);
        String accepted = "{\"client_id\":\"noip-1\",\"ip_override\":\"" + IP + "\","
                + "\"user_location\":{\"city\":\"Tehran\"},\"user_data\":{\"sha256_email_address\":[\"ab\"]},"
                + "\"events\":[{\"name\":\"page_view\",\"params\":{\"visitor_ip\":\"" + IP + "\","
                + "\"server_ip\":\"2001:db8:85a3::8a2e:370:7334\",\"opening_time\":\"10:30:00\","
                + "\"mapped_ip\":\"::ffff:203.0.113.78\",\"peer\":\"203.0.113.79:443\","
                + "\"page_location\":\"https://shop.example/?ip=203.0.113.80\"}}]}";
        String rejected = "{\"client_id\":\"noip-2\",\"ip_override\":\"" + IP + "\","
                + "\"events\":[{\"name\":\"9-invalid-name\",\"params\":{\"client_ip\":\"" + IP + "\"}}]}";

        post("G-NOIP1", NEW_SECRET, accepted, null).statusCode(200).body("accepted", equalTo(1));
        post("G-NOIP1", NEW_SECRET, rejected, null).statusCode(200).body("rejected", equalTo(1));

        Map<String, String> params = today("G-NOIP1").get(0).params();
        assertEquals("203.0.113.0", params.get("visitor_ip"));
        assertEquals("2001:db8:85a3::", params.get("server_ip"));
        assertEquals("10:30:00", params.get("opening_time"), "a clock time is no IP address");
        assertEquals("203.0.113.0", params.get("mapped_ip"));
        assertEquals("203.0.113.0", params.get("peer"));
        assertEquals("https://shop.example/?ip=203.0.113.0", today("G-NOIP1").get(0).pageLocation());
        for (String table : List.of(tables.events(), tables.rejections(), tables.visitors())) {
            for (Map<String, AttributeValue> item : dynamo.scanPaginator(ScanRequest.builder().tableName(table)
                    .build()).items()) {
                assertFalse(item.toString().contains(IP), table + " stores the IP address: " + item);
                assertFalse(item.toString().contains("370:7334"), table + " stores the IPv6 address: " + item);
                for (String address : List.of("203.0.113.78", "203.0.113.79", "203.0.113.80")) {
                    assertFalse(item.toString().contains(address), table + " stores " + address + ": " + item);
                }
            }
        }
    }

    private List<TrackedEvent> today(String property) {
        LocalDate day = LocalDate.now(java.time.ZoneOffset.UTC);
        List<TrackedEvent> stored = new java.util.ArrayList<>(events.readDay(new EventPartitions(property, 1), day));
        stored.addAll(events.readDay(new EventPartitions(property, 1), day.minusDays(1)));
        return stored;
    }
}
