package com.campaignkpi.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.ingest.Endpoint;
import com.campaignkpi.ingest.EventPartitions;
import com.campaignkpi.ingest.EventStore;
import com.campaignkpi.ingest.QueuedRequest;
import com.campaignkpi.ingest.Rejection;
import com.campaignkpi.ingest.RejectionStore;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.storage.DynaliteTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code ingest} function as Lambda runs it, fed SQS batches through the mock event server, against dynalite.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
@TestProfile(FunctionProfile.Ingest.class)
class IngestFunctionTest {

    @Inject
    PropertyStore properties;

    @Inject
    EventStore events;

    @Inject
    RejectionStore rejections;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void stopThrottling() {
        StoreCalls.throttle(false);
    }

    @Test
    void onlyThrottledMessageIsRetried() throws Exception {
        String property = "G-INGEST1";
        properties.save(new Property(property, ZoneId.of("Asia/Tehran"), Property.DEFAULT_KEY_EVENTS,
                Property.DEFAULT_SESSION_TIMEOUT, List.of()));
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate day = LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
        String valid = queued(property, "req-valid", receivedAt, """
                {"client_id":"111.222","events":[
                  {"name":"page_view","params":{"page_location":"https://shop.example/"}},
                  {"name":"add_to_cart","params":{"currency":"EUR","value":12.5}}]}""");
        String invalid = queued(property, "req-invalid", receivedAt, """
                {"client_id":"333.444","events":[{"name":"page view!"}]}""");
        String throttled = queued(property, "req-throttled", receivedAt, """
                {"client_id":"%s","events":[{"name":"page_view"}]}""".formatted(StoreCalls.THROTTLED_MARKER));
        String batch = batch(List.of(
                message("m-valid", valid), message("m-invalid", invalid), message("m-throttled", throttled),
                message("m-foreign", "{\"hello\":\"world\"}")));

        StoreCalls.throttle(true);
        StoreCalls.clear();
        JsonNode first = invoke(batch);
        Set<String> calls = StoreCalls.recorded();

        assertEquals(List.of("m-throttled"), failures(first));
        assertEquals(Set.of("add_to_cart", "page_view"), names(events.readDay(new EventPartitions(property, 1), day)));
        List<Rejection> rejected = rejections.readDay(property, day, 10);
        assertEquals(1, rejected.size());
        assertEquals("req-invalid", rejected.get(0).requestId());
        assertEquals("events[0].name", rejected.get(0).field());
        assertEquals("events[0].name 'page view!' is invalid: start with a letter and use only letters, digits "
                + "and '_'", rejected.get(0).reason());
        assertEquals(Set.of(), TemplatePolicies.outside("IngestFunction", calls),
                "DynamoDB calls the template does not allow the function");

        // SQS delivers the failed message again, and a duplicate delivery of the others may come with it.
        StoreCalls.throttle(false);
        JsonNode second = invoke(batch);

        assertEquals(List.of(), failures(second));
        List<TrackedEvent> stored = events.readDay(new EventPartitions(property, 1), day);
        assertEquals(3, stored.size(), "each event once, though two messages were delivered twice");
        assertTrue(stored.stream().anyMatch(event -> event.clientId().equals(StoreCalls.THROTTLED_MARKER)));
        assertEquals(1, rejections.readDay(property, day, 10).size());
    }

    @Test
    void unreadableMessagesAreDropped() throws Exception {
        JsonNode response = invoke(batch(List.of(
                message("m-empty", ""),
                message("m-version", "{\"version\":9,\"requestId\":\"r\",\"receivedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"property\":\"G-X\",\"endpoint\":\"mp\",\"body\":\"{}\"}"),
                message("m-endpoint", "{\"version\":1,\"requestId\":\"r\",\"receivedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"property\":\"G-X\",\"endpoint\":\"xml\",\"body\":\"{}\"}"))));

        assertEquals(List.of(), failures(response));
    }

    private String queued(String property, String requestId, Instant receivedAt, String body) throws Exception {
        return mapper.writeValueAsString(new QueuedRequest(QueuedRequest.VERSION, requestId, receivedAt, property,
                Endpoint.MEASUREMENT_PROTOCOL, false, body));
    }

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
        event.putArray("Records").addAll(messages);
        return mapper.writeValueAsString(event);
    }

    private JsonNode invoke(String event) throws Exception {
        HttpResponse<String> response = MockEventServer.invoke(event);
        assertEquals(200, response.statusCode(), response.body());
        return mapper.readTree(response.body());
    }

    private static List<String> failures(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("batchItemFailures").forEach(failure -> ids.add(failure.get("itemIdentifier").asText()));
        return ids;
    }

    private static Set<String> names(List<TrackedEvent> stored) {
        return stored.stream().map(TrackedEvent::name).collect(Collectors.toSet());
    }
}
