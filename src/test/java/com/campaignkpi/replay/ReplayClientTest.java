package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayClientTest {

    private static final Duration NO_WAIT = Duration.ofMillis(10);

    @Test
    void countsAndSampleRejections() throws IOException {
        try (FakeServer server = new FakeServer((request, index) -> new FakeServer.Answer(200,
                "{\"accepted\":1,\"duplicates\":1,\"rejected\":1,\"results\":[{\"index\":0,\"status\":\"accepted\"},"
                        + "{\"index\":1,\"status\":\"duplicate\"},{\"index\":2,\"status\":\"rejected\","
                        + "\"reason\":\"events[2].name 'x y' is invalid\",\"field\":\"events[2].name\"}]}"))) {
            List<Batch> batches = Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, List.of(
                    event("c1", 1, "page_view"), event("c1", 2, "page_view"), event("c1", 3, "x y"),
                    event("c2", 4, "page_view"), event("c2", 5, "page_view"), event("c2", 6, "x y")));

            ReplaySummary summary = client(server, 2).replay(batches);

            assertEquals(6, summary.events());
            assertEquals(2, summary.requests());
            assertEquals(0, summary.retries());
            assertEquals(2, summary.accepted());
            assertEquals(2, summary.duplicates());
            assertEquals(2, summary.rejected());
            assertEquals(new Rejection("x y", 3, "events[2].name 'x y' is invalid", "events[2].name"),
                    summary.sampleRejections().stream().filter(r -> r.timestampMicros() == 3).findFirst()
                            .orElseThrow());
            assertEquals(2, summary.sampleRejections().size());
        }
    }

    @Test
    void webhookUrlsCarryImportFlag() throws IOException {
        try (FakeServer server = new FakeServer((request, index) -> FakeServer.acceptAll(request))) {
            ReplayClient client = client(server, 1);

            client.replay(Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, List.of(event("c1", 1, "page_view"))));
            client.replay(Batcher.batch(Endpoint.CANONICAL_EVENTS, List.of(event("c1", 1, "session_start"))));

            assertEquals("/mp/collect", server.requests().get(0).path());
            assertEquals("measurement_id=G-TEST&api_secret=s%26cret&import=true", server.requests().get(0).query());
            assertEquals("/events", server.requests().get(1).path());
            assertEquals("measurement_id=G-TEST&api_secret=s%26cret&import=true", server.requests().get(1).query());
        }
    }

    @Test
    void retriesAfter503() throws IOException {
        try (FakeServer server = new FakeServer((request, index) -> index == 0
                ? new FakeServer.Answer(503, "{\"error\":\"storage busy\"}")
                : FakeServer.acceptAll(request))) {
            List<Batch> batches = Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, List.of(event("c1", 1, "page_view")));

            ReplaySummary summary = client(server, 1).replay(batches);

            assertEquals(2, server.requests().size());
            assertEquals(server.requests().get(0).body(), server.requests().get(1).body());
            assertEquals(1, summary.retries());
            assertEquals(1, summary.requests());
            assertEquals(1, summary.accepted());
        }
    }

    @Test
    void failsAfterSixTries() throws IOException {
        try (FakeServer server = new FakeServer((request, index) -> new FakeServer.Answer(502, "bad gateway"))) {
            List<Batch> batches = Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, List.of(event("c1", 1, "page_view")));

            ReplayException error = assertThrows(ReplayException.class, () -> client(server, 1).replay(batches));

            assertEquals(6, server.requests().size());
            assertTrue(error.getMessage().contains("failed 6 times, last with HTTP 502 bad gateway"),
                    error.getMessage());
            assertTrue(!error.getMessage().contains("cret"), "the message must not show the API secret");
        }
    }

    @Test
    void retryAfterInSecondsIsCapped() {
        assertEquals(Duration.ofSeconds(5), ApiClient.retryAfter("5"));
        assertEquals(ApiClient.MAX_RETRY_AFTER, ApiClient.retryAfter("120"));
        assertEquals(Duration.ZERO, ApiClient.retryAfter(null));
        assertEquals(Duration.ZERO, ApiClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), "a date is not waited for");
    }

    @Test
    void stopsOn401() throws IOException {
        try (FakeServer server = new FakeServer((request, index) -> new FakeServer.Answer(401,
                "{\"error\":\"api_secret is wrong for G-TEST\"}"))) {
            List<Batch> batches = Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, List.of(
                    event("c1", 1, "page_view"), event("c2", 2, "page_view"), event("c3", 3, "page_view")));

            ReplayException error = assertThrows(ReplayException.class, () -> client(server, 1).replay(batches));

            assertEquals(1, server.requests().size());
            assertTrue(error.getMessage().contains("HTTP 401: api_secret is wrong for G-TEST"), error.getMessage());
            assertTrue(error.getMessage().contains("--api-secret"), error.getMessage());
        }
    }

    @Test
    void oversizedBodyCountsAsRejected() throws IOException {
        try (FakeServer server = new FakeServer((request, index) -> index == 0
                ? new FakeServer.Answer(413, "{\"error\":\"the body has 140,000 bytes; the limit is 130,000\"}")
                : FakeServer.acceptAll(request))) {
            List<Batch> batches = Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, List.of(
                    event("c1", 1, "page_view"), event("c1", 2, "page_view"), event("c2", 3, "page_view")));

            ReplaySummary summary = client(server, 1).replay(batches);

            assertEquals(2, summary.rejected());
            assertEquals(1, summary.accepted());
            assertEquals(new Rejection("page_view", 1, "HTTP 413: the body has 140,000 bytes; the limit is 130,000",
                    null), summary.sampleRejections().get(0));
        }
    }

    @Test
    void unexpectedStatusStops() throws IOException {
        try (FakeServer server = new FakeServer((request, index) -> new FakeServer.Answer(404, "not here"))) {
            List<Batch> batches = Batcher.batch(Endpoint.CANONICAL_EVENTS, List.of(event("c1", 1, "page_view")));

            ReplayException error = assertThrows(ReplayException.class, () -> client(server, 1).replay(batches));

            assertTrue(error.getMessage().contains("/events returned HTTP 404: not here"), error.getMessage());
        }
    }

    @Test
    void unreachableServerFails() throws IOException {
        URI closed;
        try (FakeServer server = new FakeServer((request, index) -> FakeServer.acceptAll(request))) {
            closed = server.baseUrl();
        }
        ReplayClient client = new ReplayClient(new ReplayTarget(closed, "G-TEST", "secret"), 1, NO_WAIT, null,
                false);
        List<Batch> batches = Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, List.of(event("c1", 1, "page_view")));

        ReplayException error = assertThrows(ReplayException.class, () -> client.replay(batches));

        assertTrue(error.getMessage().contains("failed 6 times"), error.getMessage());
    }

    /** With several requests in flight, each client's bodies must still arrive in time order. */
    @Test
    void clientBodiesArriveInOrder() throws IOException {
        try (FakeServer server = new FakeServer((request, index) -> {
            Thread.sleep(index % 3 == 0 ? 15 : 1);
            return FakeServer.acceptAll(request);
        })) {
            List<ReplayEvent> events = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                events.add(event("c" + (i % 4), i, "page_view"));
            }

            ReplaySummary summary = client(server, 4).replay(Batcher.batch(Endpoint.MEASUREMENT_PROTOCOL, events));

            assertEquals(300, summary.accepted());
            Map<String, Long> lastTime = new HashMap<>();
            for (FakeServer.Request request : server.requests()) {
                JsonNode body = JsonValues.READER.readTree(request.body());
                String clientId = body.get("client_id").asText();
                long firstTime = body.get("events").get(0).get("timestamp_micros").asLong();
                assertTrue(firstTime > lastTime.getOrDefault(clientId, -1L), clientId + " at " + firstTime);
                lastTime.put(clientId, body.get("events").get(body.get("events").size() - 1)
                        .get("timestamp_micros").asLong());
            }
        }
    }

    private static ReplayClient client(FakeServer server, int concurrency) {
        return new ReplayClient(new ReplayTarget(server.baseUrl(), "G-TEST", "s&cret"), concurrency, NO_WAIT, null,
                false);
    }

    private static ReplayEvent event(String clientId, long micros, String name) {
        return new ReplayEvent(clientId, null, micros, name, Map.of(), null, null);
    }
}
