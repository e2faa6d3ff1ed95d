package com.campaignkpi.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.testing.Replays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A property whose days are spread over several partitions: where its events land, that duplicates are still
 * found, that the shard count can only grow, and that its snapshot equals an unsharded property's.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class ShardedEventsTest {

    private static final String SECRET = "sharded-secret-1";
    private static final LocalDate DAY = LocalDate.parse("2024-06-03");
    private static final long NINE_UTC_MICROS = Instant.parse(DAY + "T09:00:00Z").getEpochSecond() * 1_000_000L;
    private static final int CLIENTS = 40;

    @Inject
    EventStore events;

    private static void register(String property, Integer shards) {
        Map<String, Object> ingest = shards == null ? Map.of() : Map.of("eventShards", shards);
        given().contentType(ContentType.JSON)
                .body(Map.of("property", property, "apiSecret", SECRET, "ingest", ingest,
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200).body("ingest.eventShards", equalTo(shards == null ? 1 : shards));
    }

    /**
     * Builds a visit of client {@code c<n>}: a page view, a second one {@code n} seconds later, and for every fifth client
     * a purchase of {@code n} EUR.
     */
    private static String visit(int n) {
        long start = NINE_UTC_MICROS + n * 60_000_000L;
        String purchase = n % 5 == 0
                ? ",{\"name\":\"purchase\",\"timestamp_micros\":" + (start + 2 * n * 1_000_000L)
                        + ",\"params\":{\"transaction_id\":\"T" + n + "\",\"value\":" + n + ",\"currency\":\"EUR\"}}"
                : "";
        return "{\"client_id\":\"c" + n + "\",\"timestamp_micros\":" + start + ",\"events\":["
                + "{\"name\":\"page_view\",\"params\":{\"page_location\":\"https://shop.example/\"}},"
                + "{\"name\":\"page_view\",\"timestamp_micros\":" + (start + n * 1_000_000L)
                + ",\"params\":{\"page_location\":\"https://shop.example/p" + n + "\"}}" + purchase + "]}";
    }

    private static int expectedEvents(int fromClient, int toClient) {
        int count = 0;
        for (int n = fromClient; n <= toClient; n++) {
            count += n % 5 == 0 ? 3 : 2;
        }
        return count;
    }

    private static JsonPath send(String property, int n) {
        return given().queryParam("measurement_id", property).queryParam("api_secret", SECRET)
                .queryParam("import", "true").body(visit(n))
                .post("/mp/collect")
                .then().statusCode(200).body("rejected", equalTo(0))
                .extract().jsonPath();
    }

    private static JsonPath snapshot(String property) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("property", property, "from", DAY.toString(), "to", DAY.toString(), "refresh", true))
                .post("/snapshot")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void eventsSpreadOverEveryShardAndCountOnce() {
        register("G-SHARD4", 4);
        register("G-FLAT", null);
        for (int n = 1; n <= CLIENTS; n++) {
            send("G-SHARD4", n);
            send("G-FLAT", n);
        }

        EventPartitions partitions = new EventPartitions("G-SHARD4", 4);
        List<Integer> perShard = new ArrayList<>();
        for (String key : partitions.keys(DAY)) {
            perShard.add(events.readPartition(key).size());
        }
        assertEquals(expectedEvents(1, CLIENTS), perShard.stream().mapToInt(Integer::intValue).sum(),
                "events in " + partitions.keys(DAY) + ": " + perShard);
        assertTrue(perShard.stream().allMatch(count -> count > 0), "every shard holds events: " + perShard);
        assertEquals(0, events.readPartition("G-SHARD4#" + DAY).size() - perShard.get(0),
                "shard 0 keeps the unsharded key");

        JsonPath resent = send("G-SHARD4", 7);
        assertEquals(0, resent.getInt("accepted"));
        assertEquals(2, resent.getInt("duplicates"));

        JsonPath sharded = snapshot("G-SHARD4");
        JsonPath flat = snapshot("G-FLAT");
        assertEquals(expectedEvents(1, CLIENTS), sharded.getInt("eventsRead"));
        assertEquals(40, sharded.getInt("kpis.sessions.value"));
        assertEquals(flat.getMap("kpis").toString(), sharded.getMap("kpis").toString());
    }

    @Test
    void growingTheCountKeepsEveryEventOnce() {
        register("G-GROW", 2);
        for (int n = 1; n <= 10; n++) {
            send("G-GROW", n);
        }
        register("G-GROW", 5);
        // Resent after the change, a client may now map to a shard that lacks its events, so they are stored twice.
        // The snapshot still reads each once.
        for (int n = 1; n <= 10; n++) {
            send("G-GROW", n);
        }
        for (int n = 11; n <= 20; n++) {
            send("G-GROW", n);
        }

        int stored = 0;
        for (String key : new EventPartitions("G-GROW", 5).keys(DAY)) {
            stored += events.readPartition(key).size();
        }
        assertTrue(stored >= expectedEvents(1, 20), "stored " + stored);
        assertEquals(expectedEvents(1, 20), events.readDay(new EventPartitions("G-GROW", 5), DAY).size());
        JsonPath snapshot = snapshot("G-GROW");
        assertEquals(expectedEvents(1, 20), snapshot.getInt("eventsRead"));
        assertEquals(20, snapshot.getInt("kpis.sessions.value"));
        assertEquals(4, snapshot.getInt("kpis.transactions.value"));
    }

    @Test
    void shardCountIsCheckedAndCannotShrink() {
        register("G-SHRINK", 3);
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-SHRINK", "ingest", Map.of("eventShards", 2),
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(400).body("field", equalTo("ingest.eventShards"))
                .body("error", containsString("below the current 3"));
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-SHRINK", "ingest", Map.of("eventShards", 33),
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(400).body("field", equalTo("ingest.eventShards"))
                .body("error", equalTo("ingest.eventShards is 33; use a whole number from 1 to 32"));
        given().contentType(ContentType.JSON)
                .body("{\"property\":\"G-SHRINK\",\"ingest\":{\"eventShards\":5.9},\"adminToken\":\""
                        + Replays.ADMIN_TOKEN + "\"}")
                .post("/property")
                .then().statusCode(400).body("field", equalTo("ingest.eventShards"))
                .body("error", equalTo("ingest.eventShards is 5.9; use a whole number from 1 to 32"));
        given().contentType(ContentType.JSON)
                .body("{\"property\":\"G-SHRINK\",\"ingest\":{\"eventShards\":\"four\"},\"adminToken\":\""
                        + Replays.ADMIN_TOKEN + "\"}")
                .post("/property")
                .then().statusCode(400).body("field", equalTo("ingest.eventShards"))
                .body("error", equalTo("The body is not a valid PropertyRequest at ingest.eventShards: expected a "
                        + "number, got \"four\""));
        given().contentType(ContentType.JSON)
                .body("{\"property\":\"G-SHRINK\",\"ingest\":{\"hashUserIds\":[true]},\"adminToken\":\""
                        + Replays.ADMIN_TOKEN + "\"}")
                .post("/property")
                .then().statusCode(400).body("field", equalTo("ingest.hashUserIds"))
                .body("error", equalTo("The body is not a valid PropertyRequest at ingest.hashUserIds: expected true "
                        + "or false"));
    }

    @Test
    void settingsLeftOutKeepTheirValue() {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-KEEP", "apiSecret", SECRET, "ingest",
                        Map.of("requireSignature", true, "hashUserIds", true), "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200);

        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-KEEP", "ingest", Map.of("eventShards", 4),
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200).body("ingest.eventShards", equalTo(4))
                .body("ingest.requireSignature", equalTo(true))
                .body("ingest.hashUserIds", equalTo(true));
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-KEEP", "ingest", Map.of("hashUserIds", false),
                        "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200).body("ingest.eventShards", equalTo(4))
                .body("ingest.requireSignature", equalTo(true))
                .body("ingest.hashUserIds", equalTo(false));
    }

    @Test
    void partitionKeysGiveTheirDay() {
        EventPartitions partitions = new EventPartitions("G-A#B", 4);

        for (String key : partitions.keys(DAY)) {
            assertEquals(DAY, partitions.dayOf(key), key);
        }
    }

    @Test
    void clientsSpreadEvenlyOverShards() {
        int[] counts = new int[8];
        for (int n = 0; n < 80_000; n++) {
            counts[EventPartitions.shardOf(Long.toString(1_700_000_000L + n) + "." + (n % 97), 8)]++;
        }
        for (int count : counts) {
            // 10,000 expected per shard; 3 % either way is over 10 standard deviations of a fair split.
            assertTrue(Math.abs(count - 10_000) < 300, java.util.Arrays.toString(counts));
        }
    }
}
