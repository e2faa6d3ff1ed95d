package com.campaignkpi.snapshot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.testing.Replays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Day boundaries in a property's time zone. Tehran is UTC+03:30 all year (Iran has kept no daylight saving time
 * since 2022), so its 2024-03-28 runs from 2024-03-27T20:30Z to 2024-03-28T20:30Z. Los Angeles is UTC-07:00 in late
 * March 2024.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class SnapshotTimeZoneTest {

    private static final String PROPERTY = "G-TEHRAN";
    private static final String SECRET = "tehran-secret-1";
    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        Replays.registerProperty(PROPERTY, "Asia/Tehran", SECRET);
        String events = "["
                // 23:59 in Tehran on the 27th.
                + event("t1-a", "t1", "page_view", "2024-03-27T20:29:00Z") + ","
                + event("t1-b", "t1", "page_view", "2024-03-27T20:29:30Z") + ","
                // Midnight in Tehran: the 28th, although still the 27th in UTC.
                + event("t2-a", "t2", "page_view", "2024-03-27T20:30:00Z") + ","
                // 23:55 in Tehran on the 28th; the session runs past midnight and stays on the 28th.
                + event("t3-a", "t3", "page_view", "2024-03-28T20:25:00Z") + ","
                + event("t3-b", "t3", "page_view", "2024-03-28T20:40:00Z") + "]";
        post(events);
        loaded = true;
    }

    @Test
    void tehranDayStartsAtTwentyThirtyUtc() {
        Map<String, Object> snapshot = snapshot("2024-03-28", "2024-03-28", null, null, false);

        assertEquals(2, count(snapshot, "sessions"));
        assertEquals(3, count(snapshot, "page_views"));
        assertEquals("Asia/Tehran", snapshot.get("timeZone"));
    }

    @Test
    void groupsByTehranDate() {
        Map<String, Object> snapshot = snapshot("2024-03-27", "2024-03-29", null, "date", false);
        Map<String, Integer> byDay = new LinkedHashMap<>();
        for (Map<String, Object> group : Replays.groups(snapshot)) {
            byDay.put((String) group.get("key"), ((Number) Replays.kpiValue(group, "sessions")).intValue());
        }

        assertEquals(Map.of("2024-03-27", 1, "2024-03-28", 2), byDay);
        assertEquals(3, count(snapshot, "sessions"));
    }

    @Test
    void utcAndLosAngelesOverrideZone() {
        Map<String, Object> utc = snapshot("2024-03-27", "2024-03-27", "UTC", null, false);
        Map<String, Object> losAngeles = snapshot("2024-03-28", "2024-03-28", "America/Los_Angeles", null, false);

        assertEquals(2, count(utc, "sessions"), "t1 and t2 start on the 27th in UTC");
        assertEquals(1, count(losAngeles, "sessions"), "only t3 starts on the 28th in Los Angeles");
    }

    @Test
    void emptyRangeHasNullRatios() {
        Map<String, Object> snapshot = snapshot("2023-01-01", "2023-01-31", null, null, false);

        assertEquals(0, count(snapshot, "sessions"));
        assertNull(Replays.kpiValue(snapshot, "engagement_rate"));
        assertEquals("no sessions in the range", kpi(snapshot, "engagement_rate").get("reason"));
        assertNull(Replays.kpiValue(snapshot, "aov"));
    }

    @Test
    void storedSnapshotIsReusedUntilRefresh() {
        Map<String, Object> first = snapshot("2024-03-26", "2024-03-30", null, null, true);
        post("[" + event("t4-a", "t4", "page_view", "2024-03-30T10:00:00Z") + "]");

        Map<String, Object> stored = snapshot("2024-03-26", "2024-03-30", null, null, false);
        Map<String, Object> refreshed = snapshot("2024-03-26", "2024-03-30", null, null, true);

        assertEquals(first.get("computedAt"), stored.get("computedAt"));
        assertEquals(3, count(stored, "sessions"));
        assertNotEquals(first.get("computedAt"), refreshed.get("computedAt"));
        assertEquals(4, count(refreshed, "sessions"), "the late event is included once the range is recomputed");
    }

    @Test
    void invalidRequestsAre400() {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", PROPERTY, "from", "2024-03-30", "to", "2024-03-01"))
                .post("/snapshot")
                .then().statusCode(400).body("field", equalTo("to"))
                .body("error", equalTo("to 2024-03-01 is before from 2024-03-30"));
        given().contentType(ContentType.JSON)
                .body(Map.of("property", PROPERTY, "from", "28/03/2024", "to", "2024-03-30"))
                .post("/snapshot")
                .then().statusCode(400).body("field", equalTo("from"));
        given().contentType(ContentType.JSON)
                .body(Map.of("property", PROPERTY, "from", "2024-03-01", "to", "2024-03-30", "groupBy", "country"))
                .post("/snapshot")
                .then().statusCode(400).body("field", equalTo("groupBy"));
        given().contentType(ContentType.JSON)
                .body(Map.of("property", PROPERTY, "from", "+999999999-12-31", "to", "+999999999-12-31"))
                .post("/snapshot")
                .then().statusCode(400).body("field", equalTo("from"))
                .body("error", equalTo("from +999999999-12-31 is outside the years 1970 to 9999"));
        given().contentType(ContentType.JSON)
                .body(Map.of("property", "G-MISSING", "from", "2024-03-01", "to", "2024-03-30"))
                .post("/snapshot")
                .then().statusCode(404).body("field", equalTo("property"));
    }

    private static void post(String events) {
        given().contentType(ContentType.JSON).body(events)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .queryParam("import", "true")
                .post("/events")
                .then().statusCode(200).body("rejected", equalTo(0));
    }

    private static String event(String id, String client, String name, String time) {
        return "{\"event_id\":\"" + id + "\",\"name\":\"" + name + "\",\"client_id\":\"" + client
                + "\",\"timestamp\":\"" + time + "\",\"params\":{\"page_location\":\"https://shop.example/\"}}";
    }

    private static Map<String, Object> snapshot(String from, String to, String zone, String groupBy,
            boolean refresh) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("property", PROPERTY);
        request.put("from", from);
        request.put("to", to);
        request.put("refresh", refresh);
        if (zone != null) {
            request.put("timeZone", zone);
        }
        if (groupBy != null) {
            request.put("groupBy", groupBy);
        }
        return Replays.snapshot(request);
    }

    private static int count(Map<String, Object> snapshot, String id) {
        return ((Number) Replays.kpiValue(snapshot, id)).intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kpi(Map<String, Object> snapshot, String id) {
        return (Map<String, Object>) ((Map<String, Object>) snapshot.get("kpis")).get(id);
    }
}
