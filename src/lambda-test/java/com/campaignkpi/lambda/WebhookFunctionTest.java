package com.campaignkpi.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.ingest.CollectService;
import com.campaignkpi.ingest.Endpoint;
import com.campaignkpi.ingest.EventPartitions;
import com.campaignkpi.ingest.EventStore;
import com.campaignkpi.ingest.QueuedRequest;
import com.campaignkpi.ingest.Rejection;
import com.campaignkpi.ingest.RejectionStore;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.property.Secrets;
import com.campaignkpi.storage.DynaliteTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code webhook} function as Lambda runs it behind API Gateway's HTTP API: HTTP API events in through the mock
 * event server, SendMessage out to a loopback stand-in for SQS, and the queued message then stored as the
 * {@code ingest} function stores it.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
@QuarkusTestResource(FakeSqs.class)
@TestProfile(FunctionProfile.Webhook.class)
class WebhookFunctionTest {

    private static final String PROPERTY = "G-WEBHOOK1";
    private static final String SECRET = "webhook-secret-1";

    @Inject
    PropertyStore properties;

    @Inject
    CollectService collector;

    @Inject
    EventStore events;

    @Inject
    RejectionStore rejections;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void setUp() {
        properties.save(new Property(PROPERTY, ZoneId.of("Europe/Berlin"), Property.DEFAULT_KEY_EVENTS,
                Property.DEFAULT_SESSION_TIMEOUT, List.of(Secrets.sha256Hex(SECRET))));
        FakeSqs.clear();
        StoreCalls.clear();
    }

    @Test
    void webhookQueuesValidAndRejected() throws Exception {
        JsonNode response = invoke(event("/mp/collect", "measurement_id=" + PROPERTY + "&api_secret=" + SECRET,
                """
                {"client_id":"555.666","events":[
                  {"name":"purchase","params":{"transaction_id":"T-1","currency":"EUR","value":"49.90"}},
                  {"name":"bad name"}]}""", false));
        Set<String> calls = StoreCalls.recorded();

        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        JsonNode result = mapper.readTree(response.get("body").asText());
        assertEquals(1, result.get("queued").asInt());
        assertEquals(0, result.get("accepted").asInt());
        assertEquals(1, result.get("rejected").asInt());
        assertEquals("queued", result.at("/results/0/status").asText());
        assertEquals("rejected", result.at("/results/1/status").asText());
        assertEquals("events[1].name", result.at("/results/1/field").asText());
        assertEquals(Set.of("GetItem campaign-kpi-properties"), calls);
        assertEquals(Set.of(), TemplatePolicies.outside("WebhookFunction", calls));

        List<FakeSqs.Received> sent = FakeSqs.received();
        assertEquals(1, sent.size());
        assertEquals("AmazonSQS.SendMessage", sent.get(0).target());
        assertTrue(sent.get(0).body().get("QueueUrl").asText().endsWith(FakeSqs.QUEUE_PATH));
        QueuedRequest queued = mapper.readValue(sent.get(0).body().get("MessageBody").asText(),
                QueuedRequest.class);
        assertNull(queued.problem());
        assertEquals(PROPERTY, queued.property());
        assertEquals(Endpoint.MEASUREMENT_PROTOCOL, queued.endpoint());
        assertEquals("555.666", mapper.readTree(queued.body()).get("client_id").asText());

        // What the ingest function does with the message: the event is stored under the id the webhook returned.
        collector.storeQueued(queued);
        LocalDate day = LocalDate.ofInstant(queued.receivedAt(), ZoneOffset.UTC);
        List<TrackedEvent> stored = events.readDay(new EventPartitions(PROPERTY, 1), day);
        assertEquals(1, stored.size());
        assertEquals(result.at("/results/0/eventId").asText(), stored.get(0).eventId());
        List<Rejection> rejected = rejections.readDay(PROPERTY, day, 10);
        assertEquals(1, rejected.size());
        assertEquals(queued.requestId(), rejected.get(0).requestId());
    }

    @Test
    void canonicalBase64WithHeaderSecret() throws Exception {
        ObjectNode event = event("/events", null, Base64.getEncoder().encodeToString("""
                {"client_id":"777.888","name":"page_view","params":{"page_location":"https://shop.example/"}}"""
                .getBytes(StandardCharsets.UTF_8)), true);
        ((ObjectNode) event.get("headers")).put("x-measurement-id", PROPERTY).put("x-api-secret", SECRET);

        JsonNode response = invoke(event);

        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        assertEquals(1, mapper.readTree(response.get("body").asText()).get("queued").asInt());
        assertEquals(1, FakeSqs.received().size());
    }

    @Test
    void wrongSecretIs401() throws Exception {
        JsonNode wrong = invoke(event("/mp/collect", "measurement_id=" + PROPERTY + "&api_secret=guess",
                "{\"client_id\":\"1.2\",\"events\":[{\"name\":\"page_view\"}]}", false));
        JsonNode missing = invoke(event("/mp/collect", "measurement_id=" + PROPERTY,
                "{\"client_id\":\"1.2\",\"events\":[{\"name\":\"page_view\"}]}", false));

        assertEquals(401, wrong.get("statusCode").asInt());
        assertEquals("{\"status\":401,\"error\":\"api_secret is wrong for measurement_id 'G-WEBHOOK1'\","
                + "\"field\":\"api_secret\"}", wrong.get("body").asText());
        assertEquals(401, missing.get("statusCode").asInt());
        assertEquals("api_secret", mapper.readTree(missing.get("body").asText()).get("field").asText());
        assertEquals(List.of(), FakeSqs.received());
    }

    @Test
    void queueFailureIs503WithRetryAfter() throws Exception {
        FakeSqs.failing(true);
        JsonNode response;
        try {
            response = invoke(event("/mp/collect", "measurement_id=" + PROPERTY + "&api_secret=" + SECRET,
                    "{\"client_id\":\"1.2\",\"events\":[{\"name\":\"page_view\"}]}", false));
        } finally {
            FakeSqs.failing(false);
        }

        assertEquals(503, response.get("statusCode").asInt(), response.toString());
        assertEquals("5", response.at("/headers/Retry-After").asText());
        assertTrue(FakeSqs.received().size() > 1, "the SDK retried before giving up");
    }

    @Test
    void clientMistakesGet4xx() throws Exception {
        String query = "measurement_id=" + PROPERTY + "&api_secret=" + SECRET;

        assertEquals(413, invoke(event("/mp/collect", query, "{\"client_id\":\"1.2\",\"events\":[],\"pad\":\""
                + "x".repeat(140_000) + "\"}", false)).get("statusCode").asInt());
        assertEquals(400, invoke(event("/mp/collect", query, "{not json", false)).get("statusCode").asInt());
        assertEquals(400, invoke(event("/mp/collect", query, "%%%", true)).get("statusCode").asInt());
        assertEquals(404, invoke(event("/mp/collect", "measurement_id=G-UNKNOWN&api_secret=x", "{}", false))
                .get("statusCode").asInt());
        assertEquals(List.of(), FakeSqs.received());
    }

    /** Builds an HTTP API payload 2.0 event for {@code POST path?query}, as API Gateway does. */
    private ObjectNode event(String path, String query, String body, boolean base64) {
        ObjectNode event = mapper.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "POST " + path);
        event.put("rawPath", path);
        event.put("rawQueryString", query == null ? "" : query);
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "application/json");
        headers.put("user-agent", "GTM-Server-Side");
        if (query != null) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "api-request-1");
        context.putObject("http").put("method", "POST").put("path", path).put("sourceIp", "203.0.113.9");
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return event;
    }

    private JsonNode invoke(ObjectNode event) throws Exception {
        HttpResponse<String> response = MockEventServer.invoke(mapper.writeValueAsString(event));
        assertEquals(200, response.statusCode(), response.body());
        return mapper.readTree(response.body());
    }
}
