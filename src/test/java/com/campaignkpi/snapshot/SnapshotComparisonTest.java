package com.campaignkpi.snapshot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.testing.Replays;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Period comparisons over events imported through the webhook, in Asia/Tehran (UTC+03:30), so each base period
 * must start and end at Tehran midnight. An engaged session here has two page views a minute apart, and every
 * other session has one page view.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class SnapshotComparisonTest {

    private static final String PROPERTY = "G-COMPARE";
    private static final String SECRET = "compare-secret-1";
    /** Reads numbers as sent, so 5.0000 stays 5.0000 and is not 5. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        Replays.registerProperty(PROPERTY, "Asia/Tehran", SECRET);
        List<String> events = new ArrayList<>();

        // 2024-03-11..2024-03-17: 4 sessions, 3 engaged. 20:45Z on the 10th is 00:15 on the 11th in Tehran.
        engaged(events, "c1", "2024-03-11T10:00:00Z");
        engaged(events, "c2", "2024-03-12T10:00:00Z");
        engaged(events, "c3", "2024-03-17T10:00:00Z");
        single(events, "c4", "2024-03-10T20:45:00Z");

        // The previous period, 2024-03-04..2024-03-10: 2 sessions, 1 engaged. 20:40Z on the 3rd is 00:10 on the
        // 4th in Tehran, and 10:00Z on the 3rd lies before the period.
        engaged(events, "p1", "2024-03-05T10:00:00Z");
        single(events, "p2", "2024-03-03T20:40:00Z");
        single(events, "x1", "2024-03-03T10:00:00Z");

        // A year earlier, 2023-03-11..2023-03-17: 5 sessions, 1 engaged. 20:35Z on the 17th is already the 18th in
        // Tehran, and the 10th lies before the period.
        engaged(events, "y1", "2023-03-11T10:00:00Z");
        single(events, "y2", "2023-03-12T10:00:00Z");
        single(events, "y3", "2023-03-13T10:00:00Z");
        single(events, "y4", "2023-03-14T10:00:00Z");
        single(events, "y5", "2023-03-17T10:00:00Z");
        single(events, "x2", "2023-03-17T20:35:00Z");
        single(events, "x3", "2023-03-10T10:00:00Z");

        // Leap day: 1 engaged session on 2024-02-29, none on 2024-02-28, 3 sessions on 2023-02-28.
        engaged(events, "l1", "2024-02-29T10:00:00Z");
        single(events, "m1", "2023-02-28T10:00:00Z");
        single(events, "m2", "2023-02-28T11:00:00Z");
        single(events, "m3", "2023-02-28T12:00:00Z");
        single(events, "m4", "2023-03-01T10:00:00Z");

        // The webhook takes at most 25 events per request.
        for (int first = 0; first < events.size(); first += 10) {
            post("[" + String.join(",", events.subList(first, Math.min(first + 10, events.size()))) + "]");
        }
        loaded = true;
    }

    @Test
    void previousPeriodAndYear() throws Exception {
        JsonNode snapshot = snapshot("2024-03-11", "2024-03-17", null,
                List.of("previous_period", "previous_year", "previous_period"));
        JsonNode comparisons = snapshot.get("comparisons");

        assertEquals(2, comparisons.size(), "a repeated id is compared once");
        JsonNode period = comparisons.get(0);
        assertEquals("previous_period", period.get("id").asText());
        assertEquals("2024-03-04", period.get("from").asText());
        assertEquals("2024-03-10", period.get("to").asText());
        assertChange(period, "sessions", "2", "4", "2", "1.000000", null);
        assertChange(period, "engagement_rate", "0.500000", "0.750000", "0.250000", "0.500000", "25.0000");

        JsonNode year = comparisons.get(1);
        assertEquals("previous_year", year.get("id").asText());
        assertEquals("2023-03-11", year.get("from").asText());
        assertEquals("2023-03-17", year.get("to").asText());
        assertChange(year, "sessions", "5", "4", "-1", "-0.200000", null);
        assertChange(year, "engagement_rate", "0.200000", "0.750000", "0.550000", "2.750000", "55.0000");
    }

    @Test
    void comparisonsFollowSnapshotKpiOrder() throws Exception {
        JsonNode snapshot = snapshot("2024-03-11", "2024-03-17", null, List.of("previous_period"));

        List<String> kpis = new ArrayList<>();
        snapshot.get("kpis").fieldNames().forEachRemaining(kpis::add);
        List<String> changes = new ArrayList<>();
        snapshot.get("comparisons").get(0).get("kpis").fieldNames().forEachRemaining(changes::add);
        assertEquals(kpis, changes);
    }

    @Test
    void leapDayPreviousYearIsFebruary28() throws Exception {
        JsonNode snapshot = snapshot("2024-02-29", "2024-02-29", null, List.of("previous_year", "previous_period"));

        JsonNode year = snapshot.get("comparisons").get(0);
        assertEquals("2023-02-28", year.get("from").asText());
        assertEquals("2023-02-28", year.get("to").asText());
        assertChange(year, "sessions", "3", "1", "-2", "-0.666667", null);
        assertChange(year, "engagement_rate", "0.000000", "1.000000", "1.000000", null, "100.0000");
        assertEquals("the base is zero", change(year, "engagement_rate").get("reason").asText());

        JsonNode period = snapshot.get("comparisons").get(1);
        assertEquals("2024-02-28", period.get("from").asText());
        assertEquals("2024-02-28", period.get("to").asText());
        assertChange(period, "sessions", "0", "1", "1", null, null);
        assertEquals("the base is zero", change(period, "sessions").get("reason").asText());
        JsonNode rate = change(period, "engagement_rate");
        assertFalse(rate.has("base"));
        assertFalse(rate.has("absolute"));
        assertEquals("the base value is null: no sessions in the range", rate.get("reason").asText());
    }

    @Test
    void groupedSnapshotComparesUngroupedKpis() throws Exception {
        JsonNode snapshot = snapshot("2024-03-11", "2024-03-17", "date", List.of("previous_year"));

        assertEquals(3, snapshot.get("groups").size());
        assertChange(snapshot.get("comparisons").get(0), "sessions", "5", "4", "-1", "-0.200000", null);
    }

    @Test
    void storedSnapshotMatchesItsComparisons() throws Exception {
        JsonNode plain = stored("2024-03-12", "2024-03-16", null);
        JsonNode compared = stored("2024-03-12", "2024-03-16", List.of("previous_period"));
        JsonNode plainAgain = stored("2024-03-12", "2024-03-16", null);
        JsonNode comparedAgain = stored("2024-03-12", "2024-03-16", List.of("previous_period"));
        JsonNode otherComparison = stored("2024-03-12", "2024-03-16", List.of("previous_year"));

        assertFalse(plain.has("comparisons"));
        assertEquals(1, compared.get("comparisons").size());
        assertFalse(plainAgain.has("comparisons"), "a snapshot with comparisons is not returned without them");
        assertEquals(plain.get("computedAt"), plainAgain.get("computedAt"));
        assertEquals(compared.get("computedAt"), comparedAgain.get("computedAt"));
        assertEquals("previous_year", otherComparison.get("comparisons").get(0).get("id").asText());
    }

    @Test
    void invalidComparisonsAre400() {
        given().contentType(ContentType.JSON)
                .body(request("2024-03-11", "2024-03-17", null, List.of("last_week"), true))
                .post("/snapshot")
                .then().statusCode(400).body("field", equalTo("compare[0]"))
                .body("error", equalTo("compare[0] 'last_week' is unknown: use one of previous_period, "
                        + "previous_year"));
        given().contentType(ContentType.JSON)
                .body(request("2024-03-11", "2024-03-17", null, List.of("previous_year", "PREVIOUS_PERIOD"), true))
                .post("/snapshot")
                .then().statusCode(400).body("field", equalTo("compare[1]"));
        given().contentType(ContentType.JSON)
                .body(request("1970-01-01", "1970-01-07", null, List.of("previous_period"), true))
                .post("/snapshot")
                .then().statusCode(400).body("field", equalTo("compare[0]"))
                .body("error", equalTo("compare[0] previous_period would start on 1969-12-25, outside the years "
                        + "1970 to 9999. Choose a later range or leave out this comparison"));
    }

    private static void assertChange(JsonNode comparison, String kpi, String base, String current, String absolute,
            String relative, String percentagePoints) {
        JsonNode change = change(comparison, kpi);
        String where = comparison.get("id").asText() + " " + kpi + ": " + change;
        assertEquals(new BigDecimal(base), change.get("base").decimalValue(), where);
        assertEquals(new BigDecimal(current), change.get("current").decimalValue(), where);
        assertEquals(new BigDecimal(absolute), change.get("absolute").decimalValue(), where);
        assertDecimalOrAbsent(relative, change, "relative", where);
        assertDecimalOrAbsent(percentagePoints, change, "percentagePoints", where);
    }

    private static void assertDecimalOrAbsent(String expected, JsonNode change, String field, String where) {
        if (expected == null) {
            assertFalse(change.has(field), where);
        } else {
            assertTrue(change.has(field), where);
            assertEquals(new BigDecimal(expected), change.get(field).decimalValue(), where);
        }
    }

    private static JsonNode change(JsonNode comparison, String kpi) {
        return comparison.get("kpis").get(kpi);
    }

    private static JsonNode snapshot(String from, String to, String groupBy, List<String> compare)
            throws Exception {
        return fetch(request(from, to, groupBy, compare, true));
    }

    private static JsonNode stored(String from, String to, List<String> compare) throws Exception {
        return fetch(request(from, to, null, compare, false));
    }

    private static JsonNode fetch(Map<String, Object> request) throws Exception {
        String body = given().contentType(ContentType.JSON).body(request)
                .post("/snapshot")
                .then().statusCode(200)
                .extract().asString();
        return JSON.readTree(body);
    }

    private static Map<String, Object> request(String from, String to, String groupBy, List<String> compare,
            boolean refresh) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("property", PROPERTY);
        request.put("from", from);
        request.put("to", to);
        request.put("refresh", refresh);
        if (groupBy != null) {
            request.put("groupBy", groupBy);
        }
        if (compare != null) {
            request.put("compare", compare);
        }
        return request;
    }

    private static void post(String events) {
        given().contentType(ContentType.JSON).body(events)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .queryParam("import", "true")
                .post("/events")
                .then().statusCode(200).body("rejected", equalTo(0));
    }

    /** Adds two page views a minute apart: an engaged session. */
    private static void engaged(List<String> events, String client, String time) {
        events.add(event(client + "-a", client, time));
        events.add(event(client + "-b", client, Instant.parse(time).plusSeconds(60).toString()));
    }

    private static void single(List<String> events, String client, String time) {
        events.add(event(client + "-a", client, time));
    }

    private static String event(String id, String client, String time) {
        return "{\"event_id\":\"" + id + "\",\"name\":\"page_view\",\"client_id\":\"" + client
                + "\",\"timestamp\":\"" + time + "\",\"params\":{\"page_location\":\"https://shop.example/\"}}";
    }
}
