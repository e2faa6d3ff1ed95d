package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatcherTest {

    @Test
    void atMost25EventsPerBody() {
        List<ReplayEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(event("c1", i, "page_view", Map.of()));
        }

        for (Endpoint endpoint : Endpoint.values()) {
            List<Batch> batches = Batcher.batch(endpoint, events);

            assertEquals(List.of(25, 25, 10), batches.stream().map(batch -> batch.events().size()).toList(),
                    endpoint.name());
        }
    }

    @Test
    void atMost130000BytesPerBody() throws IOException {
        List<ReplayEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(event("c1", i, "page_view", Map.of("long_text", "x".repeat(10_000))));
        }

        List<Batch> batches = Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, events);

        assertEquals(List.of(12, 12, 6), batches.stream().map(batch -> batch.events().size()).toList());
        for (int i = 0; i < batches.size(); i++) {
            Batch batch = batches.get(i);
            assertTrue(batch.body().length <= Batcher.MAX_BODY_BYTES, "body " + i + ": " + batch.body().length);
            assertEquals(batch.events().size(), JsonValues.READER.readTree(batch.body()).get("events").size());
        }
        int nextEventBytes = EventJson.measurementProtocolEvent(batches.get(1).events().get(0)).length;
        assertTrue(batches.get(0).body().length + 1 + nextEventBytes > Batcher.MAX_BODY_BYTES);
    }

    @Test
    void measurementProtocolNeverMixesClients() throws IOException {
        List<ReplayEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(event("c" + (i % 3), 1000 - i, "page_view", Map.of()));
        }
        events.add(new ReplayEvent("c0", null, 5, "page_view", Map.of(), "tablet", null));
        events.add(new ReplayEvent("c0", "user-7", 6, "login", Map.of(), null, null));

        List<Batch> batches = Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, events);

        assertEquals(5, batches.size());
        for (Batch batch : batches) {
            JsonNode body = JsonValues.READER.readTree(batch.body());
            ReplayEvent first = batch.events().get(0);
            assertEquals(1, batch.clientIds().size());
            assertEquals(first.clientId(), body.get("client_id").asText());
            for (ReplayEvent event : batch.events()) {
                assertEquals(first.userId(), event.userId());
                assertEquals(first.deviceCategory(), event.deviceCategory());
            }
        }
    }

    @Test
    void measurementProtocolBodyShape() {
        ReplayEvent event = new ReplayEvent("c1", "u1", 1_470_046_245_000_000L, "purchase",
                Map.of("value", new BigDecimal("1E+2")), "mobile", "c1-7-3");

        Batch batch = Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, List.of(event)).get(0);

        assertEquals("{\"client_id\":\"c1\",\"user_id\":\"u1\",\"device\":{\"category\":\"mobile\"},\"events\":["
                + "{\"name\":\"purchase\",\"timestamp_micros\":1470046245000000,\"params\":{\"event_id\":\"c1-7-3\","
                + "\"value\":100}}]}",
                batch.bodyText());
        assertEquals(Endpoint.MEASUREMENT_PROTOCOL, batch.endpoint());
    }

    @Test
    void eventIdLeftOutAtParamLimit() throws IOException {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < ParamsBuilder.MAX_PARAMS; i++) {
            params.put("p" + i, (long) i);
        }
        ReplayEvent event = new ReplayEvent("c1", null, 1, "page_view", params, null, "c1-1-1");

        JsonNode json = JsonValues.READER.readTree(EventJson.measurementProtocolEvent(event));

        assertEquals(25, json.get("params").size());
        assertEquals(null, json.get("params").get("event_id"));
    }

    @Test
    void canonicalBodyShape() {
        ReplayEvent event = new ReplayEvent("c1", null, 42, "session_start", Map.of("ga_session_id", 7L), null, "e1");

        Batch batch = Batcher.batch(Endpoint.CANONICAL_EVENTS, List.of(event)).get(0);

        assertEquals("[{\"event_id\":\"e1\",\"name\":\"session_start\",\"timestamp_micros\":42,\"client_id\":\"c1\","
                + "\"params\":{\"ga_session_id\":7}}]", batch.bodyText());
    }

    @Test
    void canonicalBodiesMixClients() throws IOException {
        List<ReplayEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(event("c" + i, i, "page_view", Map.of()));
        }

        List<Batch> batches = Batcher.batch(Endpoint.CANONICAL_EVENTS, events);

        assertEquals(List.of(25, 5), batches.stream().map(batch -> batch.events().size()).toList());
        assertEquals(25, JsonValues.READER.readTree(batches.get(0).body()).size());
    }

    @Test
    void clientsInTimeOrder() {
        List<ReplayEvent> events = List.of(
                event("b", 30, "page_view", Map.of()),
                event("a", 20, "page_view", Map.of()),
                event("b", 10, "page_view", Map.of()),
                event("a", 40, "page_view", Map.of()),
                event("a", 20, "purchase", Map.of()));

        List<ReplayEvent> ordered = Batcher.batch(Endpoint.CANONICAL_EVENTS, events).get(0).events();

        assertEquals(List.of("b@10", "b@30", "a@20/page_view", "a@20/purchase", "a@40"), ordered.stream()
                .map(e -> e.clientId() + "@" + e.timestampMicros() + (e.timestampMicros() == 20 ? "/" + e.name() : ""))
                .toList());
    }

    @Test
    void oversizedEventSentAlone() {
        List<ReplayEvent> events = List.of(
                event("c1", 1, "page_view", Map.of()),
                event("c1", 2, "page_view", Map.of("huge", "y".repeat(Batcher.MAX_BODY_BYTES))),
                event("c1", 3, "page_view", Map.of()));

        List<Batch> batches = Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, events);

        assertEquals(List.of(1, 1, 1), batches.stream().map(batch -> batch.events().size()).toList());
        assertTrue(batches.get(1).body().length > Batcher.MAX_BODY_BYTES);
    }

    @Test
    void sampleFileBodies() throws IOException {
        List<ReplayEvent> events = new UaHitsReader().read(TestData.SAMPLE_HITS).events();

        List<Batch> batches = Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, events);

        assertEquals(12_041, batches.stream().mapToInt(batch -> batch.events().size()).sum());
        assertEquals(1_843, batches.size());
        assertTrue(batches.stream().allMatch(batch -> batch.events().size() <= Batcher.MAX_EVENTS));
        assertTrue(batches.stream().allMatch(batch -> batch.clientIds().size() == 1));
        assertEquals(482, Batcher.batch(Endpoint.CANONICAL_EVENTS, events).size());
    }

    private static ReplayEvent event(String clientId, long micros, String name, Map<String, Object> params) {
        return new ReplayEvent(clientId, null, micros, name, params, null, null);
    }
}
