package com.campaignkpi.rollup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.ingest.LateMarks;
import com.campaignkpi.session.Session;
import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.storage.TableNames;
import com.campaignkpi.testing.Replays;
import com.campaignkpi.traffic.TrafficSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Daily rollups against the same days read from events: span, erasure, expiry and size. */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class RollupConsistencyTest {

    private static final String SECRET = "consistency-secret-1";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    private static void register(String property) {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", property, "timeZone", "UTC", "apiSecret", SECRET,
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200);
    }

    private static String event(String id, String client, String name, String time, String params) {
        return "{\"event_id\":\"" + id + "\",\"name\":\"" + name + "\",\"client_id\":\"" + client
                + "\",\"timestamp\":\"" + time + "\",\"params\":{\"page_location\":\"https://shop.example/"
                + id + "\"" + params + "}}";
    }

    private static void post(String property, List<String> events) {
        given().contentType(ContentType.JSON).body("[" + String.join(",", events) + "]")
                .queryParam("measurement_id", property).queryParam("api_secret", SECRET)
                .queryParam("import", "true")
                .post("/events")
                .then().log().ifValidationFails().statusCode(200).body("accepted", equalTo(events.size()));
    }

    private static Map<String, Object> snapshot(String property, String from, String to) {
        return Replays.snapshot(new HashMap<>(Map.of("property", property, "from", from, "to", to,
                "refresh", true)));
    }

    private static long sessions(Map<String, Object> snapshot) {
        return ((Number) Replays.kpiValue(snapshot, "sessions")).longValue();
    }

    private static int rollupDays(Map<String, Object> snapshot) {
        Object days = snapshot.get("rollupDays");
        return days == null ? 0 : ((Number) days).intValue();
    }

    private List<Map<String, AttributeValue>> items(String partition) {
        return dynamo.query(QueryRequest.builder().tableName(tables.events())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                .build()).items();
    }

    /**
     * A sender session id reused after more than a day counts as two sessions, whether the days are read together
     * from events or the later one from the rollup that a snapshot of that day alone stored.
     */
    @Test
    void reusedSessionIdCountsSameEitherWay() {
        List<String> events = List.of(
                event("s-a", "c1", "page_view", "2024-05-01T23:00:00Z", ",\"session_id\":\"s1\""),
                event("s-b", "c1", "page_view", "2024-05-03T10:00:00Z", ",\"session_id\":\"s1\""));
        register("G-DIV1A");
        register("G-DIV1B");
        post("G-DIV1A", events);
        post("G-DIV1B", events);

        Map<String, Object> fromEvents = snapshot("G-DIV1A", "2024-05-01", "2024-05-03");
        snapshot("G-DIV1B", "2024-05-03", "2024-05-03");
        Map<String, Object> withRollup = snapshot("G-DIV1B", "2024-05-01", "2024-05-03");

        assertEquals(0, rollupDays(fromEvents));
        assertEquals(1, rollupDays(withRollup), "the 3rd comes from the rollup of the snapshot of the 3rd alone");
        assertEquals(2, sessions(fromEvents));
        assertEquals(sessions(fromEvents), sessions(withRollup));
    }

    /**
     * An erasure, and late events, land while a snapshot is between reading a day's events and storing its rollup.
     * The erasure marks the day, so later snapshots do not take that rollup as current. They read the day again
     * without the erased visitor and with the late events.
     */
    @Test
    void rollupStoredAcrossAnErasureIsNotCurrent() {
        register("G-DIV2");
        post("G-DIV2", List.of(
                event("e-1", "leaving", "page_view", "2024-05-10T09:00:00Z", ""),
                event("e-2", "staying", "page_view", "2024-05-10T10:00:00Z", "")));

        RollupStore real = (RollupStore) ClientProxy.unwrap(Arc.container().instance(RollupStore.class).get());
        AtomicBoolean interleaved = new AtomicBoolean();
        RollupStore interleaving = new RollupStore() {
            @Override
            public void write(String property, DailyRollup rollup, long expiresAtEpochSeconds) {
                if (property.equals("G-DIV2") && interleaved.compareAndSet(false, true)) {
                    post("G-DIV2", List.of(event("e-late1", "late1", "page_view", "2024-05-10T11:00:00Z", ""),
                            event("e-late2", "late2", "page_view", "2024-05-10T12:00:00Z", "")));
                    given().contentType(ContentType.JSON)
                            .body(Map.of("property", "G-DIV2", "clientIds", List.of("leaving"),
                                    "adminToken", Replays.ADMIN_TOKEN))
                            .post("/erase")
                            .then().statusCode(200).body("deleted.events", equalTo(1));
                }
                real.write(property, rollup, expiresAtEpochSeconds);
            }

            @Override
            public StoredRollups read(String property, LocalDate first, LocalDate last) {
                return real.read(property, first, last);
            }

            @Override
            public java.util.Set<LocalDate> deleteAll(String property) {
                return real.deleteAll(property);
            }
        };
        QuarkusMock.installMockForType(interleaving, RollupStore.class);

        snapshot("G-DIV2", "2024-05-10", "2024-05-10");
        assertTrue(interleaved.get());
        Map<String, Object> after = snapshot("G-DIV2", "2024-05-10", "2024-05-10");

        // Read from events, the day has "staying", "late1" and "late2", because the erased visitor is gone.
        assertEquals(3, sessions(after));
        assertEquals(0, rollupDays(after), "a rollup stored across an erasure must not be current");
        DailyRollup stored = real.read("G-DIV2", LocalDate.parse("2024-05-10"), LocalDate.parse("2024-05-10"))
                .rollups().get(LocalDate.parse("2024-05-10"));
        assertNotNull(stored);
        assertFalse(stored.sessions().stream().anyMatch(session -> session.clientId().equals("leaving")),
                "the erased client id is still stored in the rollup");
    }

    /** A rollup stored long after its events were received expires with them, not a retention period later. */
    @Test
    void rollupExpiresNoLaterThanItsEvents() throws ReflectiveOperationException {
        register("G-DIV3");
        post("G-DIV3", List.of(event("r-1", "c1", "page_view", "2024-05-20T09:00:00Z", "")));

        Object loader = ClientProxy.unwrap(Arc.container().instance(loaderClass()).get());
        Field clockField = loader.getClass().getDeclaredField("clock");
        clockField.setAccessible(true);
        Object previous = clockField.get(loader);
        // The same snapshot, taken 300 days after the import.
        clockField.set(loader, Clock.fixed(Instant.now().plus(Duration.ofDays(300)), ZoneOffset.UTC));
        try {
            snapshot("G-DIV3", "2024-05-20", "2024-05-20");
        } finally {
            clockField.set(loader, previous);
        }

        long eventExpiry = Long.parseLong(items("G-DIV3#2024-05-20").get(0).get("expiresAt").n());
        Map<String, AttributeValue> chunk = items(LateMarks.partitionKey("G-DIV3")).stream()
                .filter(item -> item.get("sk").s().equals("2024-05-20#0000")).findFirst().orElseThrow();
        long rollupExpiry = Long.parseLong(chunk.get("expiresAt").n());
        assertTrue(rollupExpiry <= eventExpiry, "rollup expires " + Duration.ofSeconds(rollupExpiry - eventExpiry)
                + " after its day's events");
    }

    private static Class<?> loaderClass() {
        try {
            return Class.forName("com.campaignkpi.snapshot.SessionLoader");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A day whose deflated sessions need two chunks is read back whole. */
    @Test
    void twoChunkRollupReadsBack() {
        Random random = new Random(7);
        List<Session> sessions = new ArrayList<>();
        long start = Instant.parse("2024-05-30T00:00:00Z").getEpochSecond() * 1_000_000L;
        for (int i = 0; i < 4_000; i++) {
            StringBuilder term = new StringBuilder();
            for (int c = 0; c < 200; c++) {
                term.append((char) ('a' + random.nextInt(26)));
            }
            sessions.add(new Session("c" + i, null, "w" + (start + i), start + i, start + i + 5, null, 1, 1, null,
                    false, 0, List.of(), new TrafficSource("(direct)", "(none)", null, null, null, null), "/", null,
                    new LinkedHashSet<>(), false, List.of(term.toString())));
        }
        byte[] encoded = SessionCodec.encode(sessions);
        assertTrue(encoded.length > RollupStore.CHUNK_BYTES, encoded.length + " bytes");
        LocalDate day = LocalDate.parse("2024-05-30");
        RollupStore store = (RollupStore) ClientProxy.unwrap(Arc.container().instance(RollupStore.class).get());
        store.write("G-DIV4", new DailyRollup(day, 42L, "timeout=30m;keyEvents=purchase", sessions), 1L);

        DailyRollup read = store.read("G-DIV4", day, day).rollups().get(day);

        assertNotNull(read, "the rollup of " + encoded.length + " bytes is not read back");
        assertEquals(sessions, SessionCodec.decode(new ByteArrayInputStream(encoded)));
        assertEquals(sessions.size(), read.sessions().size());
    }
}
