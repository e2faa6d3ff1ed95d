package com.campaignkpi.lambda;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.api.RequestException;
import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.ingest.EventPartitions;
import com.campaignkpi.ingest.EventStore;
import com.campaignkpi.ingest.QueuedRequest;
import com.campaignkpi.ingest.Rejection;
import com.campaignkpi.ingest.RejectionStore;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.property.Secrets;
import com.campaignkpi.snapshot.ScheduledRun;
import com.campaignkpi.storage.DynaliteTestResource;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile and malformed input for every Lambda function: events that API Gateway, SQS or EventBridge Scheduler
 * could deliver, and requests an attacker can send through API Gateway. The webhook runs as exported, through the
 * mock event server. The other functions are called as beans, with their input decoded by the application's object
 * mapper as Funqy decodes it, so one Quarkus start serves every function.
 *
 * <p>Each case asserts the correct outcome. A client's mistake gets a 4xx response whose error body names the field,
 * and never fails the invocation of an HTTP function. The ingest function never names a message in the batch item
 * failures when the message can never be stored, and never loses a valid event. A scheduled snapshot with bad input
 * fails its invocation with a message naming the field.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
@QuarkusTestResource(FakeSqs.class)
@TestProfile(FunctionProfile.Webhook.class)
class HostileEventsTest {

    private static final String PROPERTY = "G-HOSTILE1";
    private static final String SECRET = "hostile-secret-1";
    /** The admin token of the test profile in application.properties. */
    private static final String ADMIN_TOKEN = "test-admin-token";
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    /** A Measurement Protocol body with one valid event and no timestamp, so it is stored on the receipt day. */
    private static final String VALID_MP_BODY = """
            {"client_id":"%s","events":[{"name":"page_view","params":{"page_location":"https://shop.example/"}}]}""";

    @Inject
    PropertyStore properties;

    @Inject
    EventStore events;

    @Inject
    RejectionStore rejections;

    @Inject
    IngestFunction ingestFunction;

    @Inject
    ScheduledSnapshotFunction scheduledSnapshots;

    @Inject
    ApiFunctions api;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void setUp() {
        // The ingest function stores a queued request with its property's settings, so each property exists.
        for (String property : List.of(PROPERTY, "G-HOSTILE-CANON", "G-HOSTILE-IMPORT", "G-HOSTILE-TWICE",
                "G-HOSTILE-BULK")) {
            properties.save(new Property(property, TEHRAN, Property.DEFAULT_KEY_EVENTS,
                    Property.DEFAULT_SESSION_TIMEOUT, List.of(Secrets.sha256Hex(SECRET))));
        }
        FakeSqs.clear();
        StoreCalls.clear();
    }

    // ---------------------------------------------------------------------------------------------------------
    // webhook, invoked through the mock event server as API Gateway invokes it
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void webhookWithoutHeadersOrContext() throws Exception {
        ObjectNode event = webhookEvent("/mp/collect", credentials(), VALID_MP_BODY.formatted("1.1"), false);
        event.remove("headers");
        event.remove("requestContext");

        JsonNode response = invokeWebhook(event);

        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        assertEquals(1, resultOf(response).path("queued").asInt());
        assertEquals(1, FakeSqs.received().size());
    }

    @Test
    void webhookEmptyEventIs404() throws Exception {
        assertError(invokeWebhook("{}"), 404, "$");
        assertEquals(List.of(), FakeSqs.received());
    }

    @Test
    void webhookNullEventIs400() throws Exception {
        assertError(invokeWebhook("null"), 400, "$");
    }

    @Test
    void webhookEmptyBodiesAre400() throws Exception {
        assertError(invokeWebhook(webhookEvent("/mp/collect", credentials(), null, false)), 400, "$");
        assertError(invokeWebhook(webhookEvent("/mp/collect", credentials(), "", false)), 400, "$");
        assertError(invokeWebhook(webhookEvent("/events", credentials(), "", true)), 400, "$");
        assertError(invokeWebhook(webhookEvent("/mp/collect", credentials(), "   \n", false)), 400, "$");
        assertEquals(List.of(), FakeSqs.received());
    }

    @Test
    void webhookBodyNotObjectIs400() throws Exception {
        for (String body : List.of("null", "\"text\"", "42", "true", "[]", "[{\"client_id\":\"1.2\"}]")) {
            assertError(invokeWebhook(webhookEvent("/mp/collect", credentials(), body, false)), 400, "$", body);
        }
        for (String body : List.of("null", "\"text\"", "42", "true", "[]")) {
            assertError(invokeWebhook(webhookEvent("/events", credentials(), body, false)), 400, "$", body);
        }
        assertEquals(List.of(), FakeSqs.received());
    }

    @Test
    void webhookInvalidBase64Is400() throws Exception {
        for (String body : List.of("ab=c", "eyJh\nYiI6MX0=", "e30=====", "\u0000")) {
            assertError(invokeWebhook(webhookEvent("/mp/collect", credentials(), body, true)), 400, "$", body);
        }
        assertEquals(List.of(), FakeSqs.received());
    }

    @Test
    void webhookInvalidUtf8Is400() throws Exception {
        byte[] prefix = "{\"client_id\":\"1.2\",\"events\":[{\"name\":\"page_view\",\"params\":{\"page_title\":\""
                .getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}}]}".getBytes(StandardCharsets.UTF_8);
        // 0xC3 starts a two-byte sequence, and 0x28 '(' is no continuation byte.
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);

        JsonNode response = invokeWebhook(webhookEvent("/mp/collect", credentials(),
                Base64.getEncoder().encodeToString(body), true));

        assertError(response, 400, "$");
        assertEquals(List.of(), FakeSqs.received());
    }

    @Test
    void webhookSixMegabyteBodyIs413() throws Exception {
        String body = "{\"client_id\":\"1.2\",\"events\":[{\"name\":\"page_view\"}],\"pad\":\""
                + "x".repeat(6 * 1024 * 1024) + "\"}";

        assertError(invokeWebhook(webhookEvent("/mp/collect", credentials(), body, false)), 413, "$");
        assertEquals(List.of(), FakeSqs.received());
    }

    @Test
    void webhookDeepNestingIs400() throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        assertError(invokeWebhook(webhookEvent("/events", credentials(), deep, false)), 400, "$");
        assertError(invokeWebhook(webhookEvent("/mp/collect", credentials(),
                "{\"client_id\":\"1.2\",\"events\":[{\"name\":\"page_view\"}],\"pad\":" + deep + "}", false)),
                400, "$");
        assertEquals(List.of(), FakeSqs.received());
    }

    /**
     * A body exactly at the parser's nesting limit is valid JSON with a valid event. The webhook must either reject
     * it with 400 or queue a message that the ingest function can read and store. It must not respond with 500.
     */
    @Test
    void webhookBodyAtNestingLimit() throws Exception {
        int maxDepth = StreamReadConstraints.defaults().getMaxNestingDepth();
        // The body object is one level, so the padding gets the rest.
        String pad = "[".repeat(maxDepth - 1) + "]".repeat(maxDepth - 1);
        String body = "{\"client_id\":\"deep.1\",\"events\":[{\"name\":\"page_view\"}],\"pad\":" + pad + "}";

        JsonNode response = invokeWebhook(webhookEvent("/mp/collect", credentials(), body, false));
        int status = response.get("statusCode").asInt();

        assertTrue(status == 200 || status == 400, "expected 200 or 400, got " + response);
        if (status == 400) {
            assertError(response, 400, "$");
        } else {
            assertEquals(1, resultOf(response).path("queued").asInt(), response.toString());
            assertEquals(List.of(), ingestSent(), "the queued message must be readable by the ingest function");
            assertEquals(1, storedToday("deep.1").size(), "the queued event must reach the events table");
        }
    }

    /** One level below the parser's limit, the queued message is exactly at it and still readable. */
    @Test
    void webhookBodyBelowNestingLimitStored() throws Exception {
        int depth = StreamReadConstraints.defaults().getMaxNestingDepth() - 1;
        String pad = "[".repeat(depth - 1) + "]".repeat(depth - 1);
        String body = "{\"client_id\":\"deep.2\",\"events\":[{\"name\":\"page_view\"}],\"pad\":" + pad + "}";

        JsonNode response = invokeWebhook(webhookEvent("/mp/collect", credentials(), body, false));

        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        assertEquals(List.of(), ingestSent());
        assertEquals(1, storedToday("deep.2").size());
    }

    @Test
    void webhookDuplicateKeysLastWins() throws Exception {
        String body = """
                {"client_id":"first.1","client_id":"dup.2","events":[
                  {"name":"page_view","name":"sign_up","params":{"method":"a","method":"b"}}]}""";

        JsonNode response = invokeWebhook(webhookEvent("/mp/collect", credentials(), body, false));

        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        JsonNode result = resultOf(response);
        assertEquals(1, result.path("queued").asInt());
        assertEquals(List.of(), ingestSent());
        List<TrackedEvent> stored = storedToday("dup.2");
        assertEquals(1, stored.size());
        assertEquals("sign_up", stored.get(0).name());
        assertEquals("b", stored.get(0).params().get("method"));
        assertEquals(result.at("/results/0/eventId").asText(), stored.get(0).eventId(),
                "the webhook and the ingest function read the same duplicate key");
        assertEquals(List.of(), storedToday("first.1"));
    }

    @Test
    void webhookLongMeasurementIdIs400() throws Exception {
        Map<String, String> query = Map.of("measurement_id", "G" + "A".repeat(9_999), "api_secret", SECRET);

        JsonNode response = invokeWebhook(webhookEvent("/mp/collect", query, VALID_MP_BODY.formatted("1.2"), false));

        assertError(response, 400, "measurement_id");
        String error = mapper.readTree(response.get("body").asText()).get("error").asText();
        assertTrue(error.length() < 300, "the error quotes the id abbreviated: " + error.length() + " characters");
    }

    @Test
    void webhookUnicodeMeasurementIdIs400() throws Exception {
        for (String id : List.of("G-تست", "G-HOSTILE1🎉", "Ｇ-HOSTILE1", "G-HOSTILE1\u0000", "G-HOSTILE1 ")) {
            Map<String, String> query = Map.of("measurement_id", id, "api_secret", SECRET);
            JsonNode response = invokeWebhook(webhookEvent("/mp/collect", query, VALID_MP_BODY.formatted("1.3"),
                    false));
            assertError(response, 400, "measurement_id", id);
        }
        assertEquals(List.of(), FakeSqs.received());
    }

    /** API Gateway joins a repeated query parameter's values with commas. */
    @Test
    void webhookCommaJoinedParameters() throws Exception {
        String body = VALID_MP_BODY.formatted("comma.1");

        assertError(invokeWebhook(webhookEvent("/mp/collect", Map.of("measurement_id", PROPERTY + "," + PROPERTY,
                "api_secret", SECRET), body, false)), 400, "measurement_id");
        assertError(invokeWebhook(webhookEvent("/mp/collect", Map.of("measurement_id", PROPERTY,
                "api_secret", SECRET + "," + SECRET), body, false)), 401, "api_secret");
        assertEquals(List.of(), FakeSqs.received());

        // API Gateway delivers import=true&import=true as "true,true", which is not the flag. The old event is then
        // rejected with a reason that names import=true.
        long tenDaysAgo = EpochMicros.of(Instant.now().minus(Duration.ofDays(10)));
        Map<String, String> query = new HashMap<>(credentials());
        query.put("import", "true,true");
        JsonNode response = invokeWebhook(webhookEvent("/mp/collect", query,
                "{\"client_id\":\"comma.2\",\"events\":[{\"name\":\"page_view\",\"timestamp_micros\":" + tenDaysAgo
                        + "}]}", false));
        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        JsonNode result = resultOf(response);
        assertEquals(1, result.get("rejected").asInt());
        assertEquals("events[0].timestamp_micros", result.at("/results/0/field").asText());
        assertTrue(result.at("/results/0/reason").asText().contains("import=true"), result.toString());
    }

    @Test
    void webhookPathVariants() throws Exception {
        String body = VALID_MP_BODY.formatted("path.1");

        for (String path : List.of("/mp/collect/", "/MP/COLLECT", "/events/", "/mp/collect%00", "/")) {
            assertError(invokeWebhook(webhookEvent(path, credentials(), body, false)), 404, "$", path);
        }
        assertEquals(List.of(), FakeSqs.received());

        // A named stage puts its name in front of the route.
        JsonNode staged = invokeWebhook(webhookEvent("/prod/mp/collect", credentials(), body, false));
        assertEquals(200, staged.get("statusCode").asInt(), staged.toString());
        assertEquals(1, resultOf(staged).path("queued").asInt());
    }

    @Test
    void webhookPersianAndEmojiKept() throws Exception {
        String title = "فروش نوروزی ۱۴۰۵ 🎉";
        // 100 code points in 200 UTF-16 units: at the limit of 100 characters, which GA4 counts as code points.
        String note = "🎉".repeat(100);
        String body = """
                {"client_id":"۱۲۳.۴۵۶","events":[
                  {"name":"page_view","params":{"page_title":"%s","note":"%s",
                    "page_location":"https://shop.example/fa/محصول?utm_campaign=نوروز"}},
                  {"name":"خرید"},
                  {"name":"page_view","params":{"note":"%s"}}]}""".formatted(title, note, note + "🎉");

        JsonNode response = invokeWebhook(webhookEvent("/mp/collect", credentials(), body, false));

        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        JsonNode result = resultOf(response);
        assertEquals(1, result.path("queued").asInt(), result.toString());
        assertEquals(2, result.get("rejected").asInt(), result.toString());
        assertEquals("events[1].name", result.at("/results/1/field").asText());
        assertEquals("events[2].params.note", result.at("/results/2/field").asText());
        assertEquals(List.of(), ingestSent());
        List<TrackedEvent> stored = storedToday("۱۲۳.۴۵۶");
        assertEquals(1, stored.size());
        assertEquals(title, stored.get(0).pageTitle());
        assertEquals(note, stored.get(0).params().get("note"));
        assertEquals("نوروز", stored.get(0).campaign().campaign());
    }

    @Test
    void webhookNonFiniteNumbers() throws Exception {
        for (String literal : List.of("NaN", "Infinity", "-Infinity", "+1")) {
            String body = "{\"client_id\":\"nan.1\",\"events\":[{\"name\":\"purchase\","
                    + "\"params\":{\"currency\":\"EUR\",\"value\":" + literal + "}}]}";
            assertError(invokeWebhook(webhookEvent("/mp/collect", credentials(), body, false)), 400, "$", literal);
        }
        assertEquals(List.of(), FakeSqs.received());

        // 1e999 is valid JSON but no finite amount.
        JsonNode response = invokeWebhook(webhookEvent("/mp/collect", credentials(),
                "{\"client_id\":\"nan.2\",\"events\":[{\"name\":\"purchase\",\"params\":{\"currency\":\"EUR\","
                        + "\"value\":1e999}}]}", false));
        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        JsonNode result = resultOf(response);
        assertEquals(1, result.get("rejected").asInt());
        assertEquals("events[0].params.value", result.at("/results/0/field").asText());
    }

    /**
     * SQS allows only #x9, #xA, #xD, #x20 to #xD7FF, #xE000 to #xFFFD and #x10000 to #x10FFFF in a message body
     * (SendMessage, MessageBody). Some versions of that reference state that SQS rejects other characters with
     * InvalidMessageContents, others that it replaces them with U+FFFD. Either outcome loses or alters the request.
     * A sender can put any character in a JSON string as an escape, so the queued body must escape these again.
     */
    @Test
    void webhookQueuesOnlyCharactersSqsAccepts() throws Exception {
        List<String> unescaped = new ArrayList<>();
        for (String escape : List.of("\\ud800", "\\udfff", "\\uffff", "\\ufffe", "\\u0001", "\\u0000")) {
            FakeSqs.clear();
            String body = "{\"client_id\":\"sqs.1\",\"events\":[{\"name\":\"page_view\",\"params\":{\"page_title\":\"a"
                    + escape + "b\"}}]}";

            JsonNode response = invokeWebhook(webhookEvent("/mp/collect", credentials(), body, false));

            assertEquals(200, response.get("statusCode").asInt(), escape + ": " + response);
            List<FakeSqs.Received> sent = FakeSqs.received();
            assertEquals(1, sent.size(), escape);
            if (firstCharacterSqsRejects(sent.get(0).body().get("MessageBody").asText()) >= 0) {
                unescaped.add(escape);
            }
        }

        assertEquals(List.of(), unescaped, "characters that reached the message body unescaped");
    }

    // ---------------------------------------------------------------------------------------------------------
    // ingest, called with SQS events decoded as Funqy decodes them
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void ingestEmptyBatches() throws Exception {
        assertEquals(List.of(), assertDoesNotThrow(() -> ingestFunction.ingest(null)).batchItemFailures());
        for (String event : List.of("{}", "{\"Records\":null}", "{\"Records\":[]}", "{\"records\":[{}]}")) {
            assertEquals(List.of(), ingest(event), event);
        }
    }

    @Test
    void ingestNullRecordKeepsOthers() throws Exception {
        ObjectNode valid = message("m-after-null", queued(PROPERTY, "req-after-null", now().toString(), "mp", false,
                VALID_MP_BODY.formatted("null.1")));
        ObjectNode event = mapper.createObjectNode();
        event.putArray("Records").addNull().add(valid);

        assertEquals(List.of(), ingest(mapper.writeValueAsString(event)));
        assertEquals(1, storedToday("null.1").size());
    }

    @Test
    void ingestDropsUnreadableMessages() throws Exception {
        String receivedAt = now().toString();
        String body = VALID_MP_BODY.formatted("drop.1");
        List<ObjectNode> messages = new ArrayList<>();
        messages.add(message("m-null-body", (String) null));
        for (String text : List.of("null", "\"text\"", "[]", "{}", "42", "{\"version\":1}")) {
            messages.add(message("m-text-" + messages.size(), text));
        }
        ObjectNode versionZero = queued(PROPERTY, "req-v0", receivedAt, "mp", false, body);
        versionZero.put("version", 0);
        messages.add(message("m-version-0", versionZero));
        ObjectNode versionAbsent = queued(PROPERTY, "req-v-absent", receivedAt, "mp", false, body);
        versionAbsent.remove("version");
        messages.add(message("m-version-absent", versionAbsent));
        messages.add(message("m-date-text", queued(PROPERTY, "req-date", "yesterday", "mp", false, body)));
        ObjectNode dateAbsent = queued(PROPERTY, "req-date-absent", receivedAt, "mp", false, body);
        dateAbsent.remove("receivedAt");
        messages.add(message("m-date-absent", dateAbsent));
        ObjectNode endpointAbsent = queued(PROPERTY, "req-endpoint", receivedAt, "mp", false, body);
        endpointAbsent.remove("endpoint");
        messages.add(message("m-endpoint-absent", endpointAbsent));
        messages.add(message("m-property-empty", queued("", "req-property", receivedAt, "mp", false, body)));
        ObjectNode importText = queued(PROPERTY, "req-import", receivedAt, "mp", false, body);
        importText.put("importMode", "sometimes");
        messages.add(message("m-import-text", importText));

        assertEquals(List.of(), ingest(batch(messages)));
        assertEquals(List.of(), writes(), "nothing of a dropped message is stored");
    }

    @Test
    void ingestBodyNotObjectNotRetried() throws Exception {
        String receivedAt = now().toString();
        List<ObjectNode> messages = List.of(
                message("m-body-string", queued(PROPERTY, "req-body-string", receivedAt, "mp", false,
                        mapper.writeValueAsString(VALID_MP_BODY.formatted("string.1")))),
                message("m-body-number", queued(PROPERTY, "req-body-number", receivedAt, "mp", false, "42")),
                message("m-mp-no-events", queued(PROPERTY, "req-no-events", receivedAt, "mp", false, "{}")),
                message("m-mp-empty-events", queued(PROPERTY, "req-empty-events", receivedAt, "mp", false,
                        "{\"client_id\":\"1.2\",\"events\":[]}")),
                message("m-canonical-empty", queued(PROPERTY, "req-canonical-empty", receivedAt, "canonical", false,
                        "[]")),
                message("m-canonical-string", queued(PROPERTY, "req-canonical-string", receivedAt, "canonical",
                        false, "\"page_view\"")));

        assertEquals(List.of(), ingest(batch(messages)),
                "these bodies fail the same way on every delivery, so they must not go back to the queue");
    }

    @Test
    void ingestForErasedPropertyIsDropped() throws Exception {
        Instant receivedAt = now();

        List<String> failures = ingestOne(queued("G-HOSTILE-GONE", "req-gone", receivedAt.toString(), "mp", false,
                VALID_MP_BODY.formatted("gone.1")));

        assertEquals(List.of(), failures, "a message of a property erased meanwhile is dropped, not retried");
        assertEquals(List.of(), events.readDay(new EventPartitions("G-HOSTILE-GONE", 1), utcDay(receivedAt)));
    }

    @Test
    void ingestCanonicalWithMpBodyStoresRejection() throws Exception {
        String property = "G-HOSTILE-CANON";
        Instant receivedAt = now();

        List<String> failures = ingestOne(queued(property, "req-canonical-mp", receivedAt.toString(), "canonical",
                false, VALID_MP_BODY.formatted("canon.1")));

        assertEquals(List.of(), failures);
        List<Rejection> rejected = rejections.readDay(property, utcDay(receivedAt), 10);
        assertEquals(1, rejected.size());
        assertEquals("$.name", rejected.get(0).field());
        assertEquals(List.of(), events.readDay(new EventPartitions(property, 1), utcDay(receivedAt)));
    }

    @Test
    void ingestReceivedAtYear9999() throws Exception {
        List<String> failures = ingestOne(queued("G-HOSTILE-9999", "req-9999", "9999-12-31T23:59:59.999999Z", "mp",
                false, VALID_MP_BODY.formatted("year.9999")));

        assertEquals(List.of(), failures);
    }

    @Test
    void ingestReceivedAtYear1900() throws Exception {
        List<String> failures = ingestOne(queued("G-HOSTILE-1900", "req-1900", "1900-01-01T00:00:00Z", "mp", false,
                VALID_MP_BODY.formatted("year.1900")));

        assertEquals(List.of(), failures);
    }

    @Test
    void ingestReceivedAtInstantMax() throws Exception {
        List<String> failures = ingestOne(queued("G-HOSTILE-MAX", "req-max", Instant.MAX.toString(), "mp", false,
                VALID_MP_BODY.formatted("year.max")));

        assertEquals(List.of(), failures, "a receipt time no event key can hold fails on every delivery");
    }

    /** The webhook queues only property ids that match the id syntax, which excludes '#', the key separator. */
    @Test
    void ingestPropertyWithKeySeparatorDropped() throws Exception {
        Instant receivedAt = now();
        String forged = PROPERTY + "#" + utcDay(receivedAt);

        List<String> failures = ingestOne(queued(forged, "req-hash", receivedAt.toString(), "mp", false,
                VALID_MP_BODY.formatted("hash.1")));

        assertEquals(List.of(), failures);
        assertEquals(List.of(), writes(), "an invalid property id must not become part of a key");
    }

    @Test
    void ingestOverlongPropertyDropped() throws Exception {
        List<String> failures = ingestOne(queued("G" + "A".repeat(9_999), "req-long-property", now().toString(),
                "mp", false, VALID_MP_BODY.formatted("long.1")));

        assertEquals(List.of(), failures, "a key over DynamoDB's size limit fails on every delivery");
        assertEquals(List.of(), writes());
    }

    @Test
    void ingestOverlongRequestIdNotRetried() throws Exception {
        // The invalid event makes a rejection, whose sort key starts with the request id.
        List<String> failures = ingestOne(queued("G-HOSTILE-LONGREQ", "r".repeat(10_000), now().toString(), "mp",
                false, "{\"client_id\":\"longreq.1\",\"events\":[{\"name\":\"bad name\"}]}"));

        assertEquals(List.of(), failures, "a key over DynamoDB's size limit fails on every delivery");
    }

    @Test
    void ingestImportModeOldEventStored() throws Exception {
        String property = "G-HOSTILE-IMPORT";
        Instant tenYearsAgo = now().minus(Duration.ofDays(3_652));
        String body = "{\"client_id\":\"import.1\",\"events\":[{\"name\":\"page_view\",\"timestamp_micros\":"
                + EpochMicros.of(tenYearsAgo) + "}]}";

        List<String> failures = ingestOne(queued(property, "req-import", now().toString(), "mp", true, body));

        assertEquals(List.of(), failures);
        List<TrackedEvent> stored = events.readDay(new EventPartitions(property, 1), utcDay(tenYearsAgo));
        assertEquals(1, stored.size());
        assertEquals(EpochMicros.of(tenYearsAgo), stored.get(0).timestampMicros());
    }

    @Test
    void ingestSameMessageIdTwice() throws Exception {
        String property = "G-HOSTILE-TWICE";
        Instant receivedAt = now();
        ObjectNode message = message("m-twice", queued(property, "req-twice", receivedAt.toString(), "mp", false,
                VALID_MP_BODY.formatted("twice.1")));

        assertEquals(List.of(), ingest(batch(List.of(message, message.deepCopy()))));
        assertEquals(1, events.readDay(new EventPartitions(property, 1), utcDay(receivedAt)).size());
    }

    @Test
    void ingestFiveHundredRecords() throws Exception {
        String property = "G-HOSTILE-BULK";
        Instant receivedAt = now();
        List<ObjectNode> messages = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            messages.add(message("m-bulk-" + i, queued(property, "req-bulk-" + i, receivedAt.toString(), "mp",
                    false, VALID_MP_BODY.formatted("bulk." + i))));
        }

        assertEquals(List.of(), ingest(batch(messages)));
        assertEquals(500, events.readDay(new EventPartitions(property, 1), utcDay(receivedAt)).size());
    }

    // ---------------------------------------------------------------------------------------------------------
    // scheduled-snapshot, called with the schedule's input decoded as Funqy decodes it
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void scheduledNullInputFails() throws Exception {
        RequestException failure = assertThrows(RequestException.class, () -> runSchedule("null"));

        assertEquals("$", failure.field());
        assertTrue(failure.getMessage().contains("input is missing"), failure.getMessage());
    }

    @Test
    void scheduledEmptyInputFails() {
        RequestException failure = assertThrows(RequestException.class, () -> runSchedule("{}"));

        assertEquals(400, failure.status());
        assertEquals("property", failure.field());
    }

    @Test
    void scheduledUnknownPropertyFails() {
        RequestException unknown = assertThrows(RequestException.class,
                () -> runSchedule("{\"property\":\"G-NOT-REGISTERED\",\"run\":\"daily\"}"));
        RequestException invalid = assertThrows(RequestException.class,
                () -> runSchedule("{\"property\":\"" + PROPERTY + "#x\",\"run\":\"daily\"}"));

        assertEquals(404, unknown.status());
        assertEquals("property", unknown.field());
        assertEquals(400, invalid.status());
        assertEquals("property", invalid.field());
    }

    @Test
    void scheduledLateDaysOutOfRangeFails() {
        for (int lateDays : List.of(-1, 32, 10_000)) {
            RequestException failure = assertThrows(RequestException.class, () -> runSchedule(
                    "{\"property\":\"" + PROPERTY + "\",\"run\":\"daily\",\"lateDays\":" + lateDays + "}"));
            assertEquals("lateDays", failure.field());
            assertEquals("lateDays " + lateDays + " is outside 0 to 31", failure.getMessage());
        }
    }

    @Test
    void scheduledLateDaysNotNumberFails() {
        for (String value : List.of("\"abc\"", "99999999999", "[]")) {
            JsonMappingException failure = assertThrows(JsonMappingException.class, () -> runSchedule(
                    "{\"property\":\"" + PROPERTY + "\",\"run\":\"daily\",\"lateDays\":" + value + "}"));
            assertEquals("lateDays", failure.getPath().get(0).getFieldName(), value);
        }
    }

    @Test
    void scheduledUnknownGroupByFails() {
        RequestException unknown = assertThrows(RequestException.class, () -> runSchedule("{\"property\":\""
                + PROPERTY + "\",\"run\":\"hourly\",\"groupBy\":[\"channel_group\",\"bogus\"]}"));
        RequestException missing = assertThrows(RequestException.class, () -> runSchedule("{\"property\":\""
                + PROPERTY + "\",\"run\":\"hourly\",\"groupBy\":[null]}"));

        assertEquals("groupBy[1]", unknown.field());
        assertTrue(unknown.getMessage().startsWith("groupBy 'bogus' is unknown"), unknown.getMessage());
        assertEquals("groupBy[0]", missing.field());
    }

    @Test
    void scheduledRunMissingFails() {
        RequestException failure = assertThrows(RequestException.class,
                () -> runSchedule("{\"property\":\"" + PROPERTY + "\"}"));

        assertEquals(400, failure.status());
        assertEquals("run", failure.field());
    }

    // ---------------------------------------------------------------------------------------------------------
    // api-snapshot, api-property, api-spend and api-kpis, called with HTTP API events
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void apiSnapshotAuthorizationVariants() throws Exception {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("Bearer " + ADMIN_TOKEN, 200);
        // The authentication scheme is a case-insensitive token (RFC 7235 section 2.1, now RFC 9110 section 11.1).
        expected.put("bearer " + ADMIN_TOKEN, 200);
        expected.put("BEARER " + ADMIN_TOKEN, 200);
        expected.put("Bearer   " + ADMIN_TOKEN + "  ", 200);
        expected.put("Bearer", 401);
        expected.put("Bearer ", 401);
        expected.put("Bearer wrong-token", 401);
        expected.put("Bearer " + ADMIN_TOKEN.toUpperCase(), 401);
        expected.put("Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_TOKEN).getBytes(
                StandardCharsets.UTF_8)), 401);
        expected.put(ADMIN_TOKEN, 401);
        expected.put("Token " + ADMIN_TOKEN, 401);
        expected.put("", 401);
        Map<String, String> query = Map.of("property", PROPERTY, "from", "2026-03-20", "to", "2026-03-20");

        for (Map.Entry<String, Integer> entry : expected.entrySet()) {
            HttpApiResponse response = api.snapshot(request("GET", "/snapshot",
                    Map.of("authorization", entry.getKey()), query, null));
            assertEquals(entry.getValue(), response.statusCode(), "'" + entry.getKey() + "': " + response.body());
            if (entry.getValue() == 401) {
                assertError(response, 401, "Authorization");
            }
        }
        assertError(api.snapshot(new HttpApiRequest("GET /snapshot", "/snapshot", null, query, null, false, null)),
                401, "Authorization");
    }

    @Test
    void apiSnapshotGetWithoutQueryIs400() throws Exception {
        Map<String, String> auth = adminHeader();

        assertError(api.snapshot(request("GET", "/snapshot", auth, null, null)), 400, "property");
        assertError(api.snapshot(request("GET", "/snapshot", auth, Map.of(), null)), 400, "property");
        assertError(api.snapshot(request("GET", "/snapshot", auth, Map.of("property", PROPERTY), null)), 400,
                "from");
        assertError(api.snapshot(request("GET", "/snapshot", auth, Map.of("property", PROPERTY,
                "from", "2026-03-20", "to", "2026-03-20", "groupBy", "channel_group,campaign"), null)), 400,
                "groupBy");
        assertError(api.snapshot(request("GET", "/snapshot", auth, Map.of("property", PROPERTY,
                "from", "2026-03-20,2026-03-21", "to", "2026-03-21"), null)), 400, "from");
    }

    @Test
    void apiSnapshotLongRangeIs400() throws Exception {
        HttpApiResponse response = api.snapshot(request("POST", "/snapshot", adminHeader(), null,
                "{\"property\":\"" + PROPERTY + "\",\"from\":\"2025-01-01\",\"to\":\"2026-02-05\"}"));
        HttpApiResponse centuries = api.snapshot(request("POST", "/snapshot", adminHeader(), null,
                "{\"property\":\"" + PROPERTY + "\",\"from\":\"1970-01-01\",\"to\":\"9999-12-31\"}"));

        assertError(response, 400, "to");
        assertEquals("the range has 401 days; the limit is 400 per snapshot",
                mapper.readTree(response.body()).get("error").asText());
        assertError(centuries, 400, "to");
    }

    @Test
    void apiSnapshotBodyNotObjectIs400() throws Exception {
        for (String body : Arrays.asList(null, "", "null", "[]", "\"x\"", "42", "{\"property\":",
                "{\"property\":\"" + PROPERTY + "\",\"from\":NaN}")) {
            assertError(api.snapshot(request("POST", "/snapshot", adminHeader(), null, body)), 400, "$",
                    String.valueOf(body));
        }
    }

    @Test
    void apiSnapshotWrongFieldTypeNamesField() throws Exception {
        HttpApiResponse refresh = api.snapshot(request("POST", "/snapshot", adminHeader(), null, "{\"property\":\""
                + PROPERTY + "\",\"from\":\"2026-03-20\",\"to\":\"2026-03-20\",\"refresh\":\"maybe\"}"));
        HttpApiResponse from = api.snapshot(request("POST", "/snapshot", adminHeader(), null, "{\"property\":\""
                + PROPERTY + "\",\"from\":{\"day\":1},\"to\":\"2026-03-20\"}"));

        assertError(refresh, 400, "refresh");
        assertError(from, 400, "from");
    }

    @Test
    void apiSnapshotOddFieldsAre400() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("\"from\":\"+10000-01-01\",\"to\":\"+10000-01-01\"", "from");
        cases.put("\"from\":\"2026-02-30\",\"to\":\"2026-03-01\"", "from");
        cases.put("\"from\":\"2026-03-20\",\"to\":\"2026-03-20\",\"timeZone\":\"Mars/Olympus\"", "timeZone");
        cases.put("\"from\":\"2026-03-20\",\"to\":\"2026-03-20\",\"groupBy\":\"../../etc\"", "groupBy");
        cases.put("\"from\":\"2026-03-20\",\"to\":\"2026-03-20\",\"exchangeRates\":{\"currency\":\"EUR\","
                + "\"rates\":[null]}", "exchangeRates.rates[0].currency");
        cases.put("\"from\":\"2026-03-20\",\"to\":\"2026-03-20\",\"exchangeRates\":{\"currency\":\"EUR\","
                + "\"rates\":[{\"currency\":\"USD\",\"from\":\"2026-03-20\",\"to\":\"2026-03-20\","
                + "\"rate\":\"1e-999999999\"}]}", "exchangeRates.rates[0].rate");

        for (Map.Entry<String, String> entry : cases.entrySet()) {
            String body = "{\"property\":\"" + PROPERTY + "\"," + entry.getKey() + "}";
            HttpApiResponse response = api.snapshot(request("POST", "/snapshot", adminHeader(), null, body));
            assertError(response, 400, entry.getValue(), entry.getKey().substring(0,
                    Math.min(80, entry.getKey().length())));
            assertTrue(response.body().length() < 1_000, "the error quotes the value abbreviated: "
                    + response.body().length() + " characters");
        }
    }

    @Test
    void apiSnapshotLongTimeZoneAbbreviated() throws Exception {
        HttpApiResponse response = api.snapshot(request("POST", "/snapshot", adminHeader(), null, "{\"property\":\""
                + PROPERTY + "\",\"from\":\"2026-03-20\",\"to\":\"2026-03-20\",\"timeZone\":\"" + "A".repeat(10_000)
                + "\"}"));

        assertError(response, 400, "timeZone");
        assertTrue(response.body().length() < 1_000, "the error quotes the value abbreviated, as api-property does: "
                + response.body().length() + " characters");
    }

    @Test
    void apiSnapshotRangeAtYearLimits() throws Exception {
        // The last day's end in Etc/GMT+12 is noon UTC on 10000-01-01. The first day's start in Etc/GMT-14 is
        // 10:00 UTC on 1969-12-31.
        HttpApiResponse last = api.snapshot(request("POST", "/snapshot", adminHeader(), null, "{\"property\":\""
                + PROPERTY + "\",\"from\":\"9999-12-31\",\"to\":\"9999-12-31\",\"timeZone\":\"Etc/GMT+12\"}"));
        HttpApiResponse first = api.snapshot(request("POST", "/snapshot", adminHeader(), null, "{\"property\":\""
                + PROPERTY + "\",\"from\":\"1970-01-01\",\"to\":\"1970-01-01\",\"timeZone\":\"Etc/GMT-14\"}"));

        assertEquals(200, last.statusCode(), last.body());
        assertEquals(200, first.statusCode(), first.body());
    }

    @Test
    void apiNullRequestIs400() throws Exception {
        assertError(assertDoesNotThrow(() -> api.snapshot(null)), 400, "$");
        assertError(assertDoesNotThrow(() -> api.property(null)), 400, "$");
        assertError(assertDoesNotThrow(() -> api.spend(null)), 400, "$");
        assertError(assertDoesNotThrow(() -> api.kpis(null)), 400, "$");
    }

    @Test
    void apiKpisWithoutContext() {
        HttpApiResponse response = api.kpis(new HttpApiRequest(null, null, null, null, "%%%", true, null));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"id\":\"sessions\""), response.body());
    }

    @Test
    void apiPropertyOddBodiesAre400() throws Exception {
        String token = ",\"adminToken\":\"" + ADMIN_TOKEN + "\"";
        for (String body : Arrays.asList(null, "", "null", "[]", "{\"property\":")) {
            assertError(api.property(request("POST", "/property", Map.of(), null, body)), 400, "$",
                    String.valueOf(body));
        }
        assertError(api.property(request("POST", "/property", Map.of(), null,
                "{\"property\":\"G-HOSTILE-NEW\",\"apiSecret\":\"long-enough-secret\"}")), 401, "adminToken");

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"property\":\"G-تست\",\"apiSecret\":\"long-enough-secret\"" + token + "}", "property");
        cases.put("{\"property\":\"G-HOSTILE-NEW\",\"timeZone\":\"" + "Z".repeat(10_000) + "\"" + token + "}",
                "timeZone");
        cases.put("{\"property\":\"G-HOSTILE-NEW\",\"sessionTimeoutMinutes\":1e999999999" + token + "}",
                "sessionTimeoutMinutes");
        cases.put("{\"property\":\"G-HOSTILE-NEW\",\"sessionTimeoutMinutes\":1e-999999999" + token + "}",
                "sessionTimeoutMinutes");
        cases.put("{\"property\":\"G-HOSTILE-NEW\",\"apiSecrets\":[null]" + token + "}", "apiSecrets");
        cases.put("{\"property\":\"G-HOSTILE-NEW\",\"apiSecret\":\"        \"" + token + "}", "apiSecret");
        cases.put("{\"property\":\"G-HOSTILE-NEW\",\"apiSecret\":\"long-enough-secret\",\"keyEvents\":[\"a b\"]"
                + token + "}", "keyEvents[0]");

        for (Map.Entry<String, String> entry : cases.entrySet()) {
            HttpApiResponse response = api.property(request("POST", "/property", Map.of(), null, entry.getKey()));
            assertError(response, 400, entry.getValue(), entry.getValue());
            assertTrue(response.body().length() < 1_000, "the error quotes the value abbreviated: "
                    + response.body().length() + " characters");
        }
    }

    @Test
    void apiSpendOddBodiesAre4xx() throws Exception {
        Map<String, String> credentials = credentials();

        assertError(api.spend(request("POST", "/spend/import", Map.of(), credentials, null)), 400, "$");
        assertError(api.spend(request("POST", "/spend/import", Map.of(), credentials, "")), 400, "$");
        assertError(api.spend(request("POST", "/spend/import", Map.of(), null, "[]")), 400, "measurement_id");
        assertError(api.spend(request("POST", "/spend/import", Map.of(), Map.of("measurement_id", PROPERTY),
                "[]")), 401, "api_secret");

        Map<String, String> withFrom = new HashMap<>(credentials);
        withFrom.put("from", "2026-03-01");
        assertError(api.spend(request("POST", "/spend/import", Map.of(), withFrom, "[]")), 400, "to");

        Map<String, String> unknownFormat = new HashMap<>(credentials);
        unknownFormat.put("format", "xml");
        assertError(api.spend(request("POST", "/spend/import", Map.of(), unknownFormat, "<spend/>")), 400, "format");
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------------------

    private static Map<String, String> credentials() {
        return Map.of("measurement_id", PROPERTY, "api_secret", SECRET);
    }

    private static Map<String, String> adminHeader() {
        return Map.of("authorization", "Bearer " + ADMIN_TOKEN);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Builds an HTTP API payload 2.0 event for {@code POST path}, as API Gateway does. */
    private ObjectNode webhookEvent(String path, Map<String, String> query, String body, boolean base64) {
        ObjectNode event = mapper.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "POST " + path);
        event.put("rawPath", path);
        event.putObject("headers").put("content-type", "application/json").put("user-agent", "hostile-client");
        if (query != null) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "hostile-request");
        context.putObject("http").put("method", "POST").put("path", path).put("sourceIp", "203.0.113.7");
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return event;
    }

    private JsonNode invokeWebhook(ObjectNode event) throws Exception {
        return invokeWebhook(mapper.writeValueAsString(event));
    }

    /** Invokes the webhook and returns its HTTP API response. A failed invocation fails the test. */
    private JsonNode invokeWebhook(String eventJson) throws Exception {
        HttpResponse<String> response = MockEventServer.invoke(eventJson);
        assertEquals(200, response.statusCode(), "the invocation failed: " + response.body());
        return mapper.readTree(response.body());
    }

    private JsonNode resultOf(JsonNode response) throws Exception {
        return mapper.readTree(response.get("body").asText());
    }

    private void assertError(JsonNode response, int status, String field) throws Exception {
        assertError(response, status, field, "");
    }

    private void assertError(JsonNode response, int status, String field, String input) throws Exception {
        assertEquals(status, response.get("statusCode").asInt(), input + ": " + response);
        JsonNode error = mapper.readTree(response.get("body").asText());
        assertEquals(status, error.path("status").asInt(), input + ": " + error);
        assertEquals(field, error.hasNonNull("field") ? error.get("field").asText() : null, input + ": " + error);
    }

    private void assertError(HttpApiResponse response, int status, String field) throws Exception {
        assertError(response, status, field, "");
    }

    private void assertError(HttpApiResponse response, int status, String field, String input) throws Exception {
        assertError(mapper.valueToTree(response), status, field, input);
    }

    private static HttpApiRequest request(String method, String path, Map<String, String> headers,
            Map<String, String> query, String body) {
        return new HttpApiRequest(method + " " + path, path, headers, query, body, false,
                new HttpApiRequest.RequestContext("hostile-api-request", new HttpApiRequest.Http(method, path)));
    }

    /** Builds a queued request as the webhook writes it, with plain field values so a test can break any of them. */
    private ObjectNode queued(String property, String requestId, String receivedAt, String endpoint,
            boolean importMode, String bodyJson) throws Exception {
        ObjectNode queued = mapper.createObjectNode();
        queued.put("version", QueuedRequest.VERSION);
        queued.put("requestId", requestId);
        queued.put("receivedAt", receivedAt);
        queued.put("property", property);
        queued.put("endpoint", endpoint);
        queued.put("importMode", importMode);
        queued.put("body", bodyJson);
        return queued;
    }

    private ObjectNode message(String id, ObjectNode queued) throws Exception {
        return message(id, mapper.writeValueAsString(queued));
    }

    /** Builds one SQS record as the event source mapping delivers it. */
    private ObjectNode message(String id, String body) {
        ObjectNode message = mapper.createObjectNode();
        message.put("messageId", id);
        message.put("receiptHandle", "handle-" + id);
        message.put("body", body);
        message.putObject("attributes").put("ApproximateReceiveCount", "1");
        message.put("eventSource", "aws:sqs");
        message.put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:ingest");
        return message;
    }

    private String batch(List<ObjectNode> messages) throws Exception {
        ObjectNode event = mapper.createObjectNode();
        ArrayNode records = event.putArray("Records");
        messages.forEach(records::add);
        return mapper.writeValueAsString(event);
    }

    /** Decodes the SQS event, runs the ingest function and returns the ids of the batch item failures. */
    private List<String> ingest(String eventJson) throws Exception {
        SqsEvent event = mapper.readValue(eventJson, SqsEvent.class);
        SqsBatchResponse response = assertDoesNotThrow(() -> ingestFunction.ingest(event),
                "the ingest invocation failed as a whole");
        return response.batchItemFailures().stream().map(SqsBatchResponse.ItemFailure::itemIdentifier).toList();
    }

    /** Runs the ingest function on a batch of one message that contains {@code queued}. */
    private List<String> ingestOne(ObjectNode queued) throws Exception {
        return ingest(batch(List.of(message("m-only", queued))));
    }

    /** Stores every message the webhook sent, as the ingest function does, and returns the batch item failures. */
    private List<String> ingestSent() throws Exception {
        List<ObjectNode> messages = new ArrayList<>();
        for (FakeSqs.Received received : FakeSqs.received()) {
            messages.add(message("sent-" + messages.size(), received.body().get("MessageBody").asText()));
        }
        return ingest(batch(messages));
    }

    /** Returns the events of {@link #PROPERTY} with this client id stored on today's UTC day. */
    private List<TrackedEvent> storedToday(String clientId) {
        return events.readDay(new EventPartitions(PROPERTY, 1), utcDay(Instant.now())).stream()
                .filter(event -> event.clientId().equals(clientId))
                .toList();
    }

    /** Returns the writes to any table recorded since the last {@link StoreCalls#clear()}. */
    private static List<String> writes() {
        return StoreCalls.recorded().stream()
                .filter(call -> call.startsWith("BatchWriteItem") || call.startsWith("PutItem")
                        || call.startsWith("UpdateItem"))
                .toList();
    }

    private ScheduledRun runSchedule(String input) throws Exception {
        return scheduledSnapshots.run(mapper.readValue(input, ScheduledSnapshotRequest.class));
    }

    /**
     * Returns the index of the first character SQS rejects in a message body, or -1. An unpaired surrogate counts
     * as its own code point, which SQS rejects.
     */
    private static int firstCharacterSqsRejects(String body) {
        int index = 0;
        while (index < body.length()) {
            int codePoint = body.codePointAt(index);
            boolean allowed = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                    || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                    || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                    || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
            if (!allowed) {
                return index;
            }
            index += Character.charCount(codePoint);
        }
        return -1;
    }
}
