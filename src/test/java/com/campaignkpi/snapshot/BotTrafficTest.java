package com.campaignkpi.snapshot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.ingest.CollectCommand;
import com.campaignkpi.ingest.CollectService;
import com.campaignkpi.ingest.Endpoint;
import com.campaignkpi.ingest.EventPartitions;
import com.campaignkpi.ingest.EventStore;
import com.campaignkpi.ingest.QueuedRequest;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.testing.Replays;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Human and bot sessions sent through both webhooks, with the user agent in each place an event may carry it, and
 * the snapshot KPIs with and without {@code includeBots}. All events fall on 2024-05-06 (UTC).
 *
 * <p>Humans, 4 sessions: h1 (Measurement Protocol body with Chrome's user agent; 2 page views and a purchase of
 * 100 EUR, engaged), h2 (canonical, Safari's user agent in the header of a request with {@code Origin}; a branded
 * site search 5 s after its page view), h3
 * (canonical, Firefox in {@code params.user_agent}, which wins over Googlebot at the top level) and h4 (canonical,
 * bingbot in the header of a request without browser headers, so the header is not read). h2 to h4 have one page
 * view each.
 *
 * <p>Bots, 4 sessions: b1 (Measurement Protocol body with Googlebot; 3 page views and a sign_up), b2 (AhrefsBot in
 * {@code params.user_agent}; a page view and a branded site search 5 s later), b3 (bingbot in the header of a request with {@code Sec-Fetch-Mode}) and m1 (a page
 * view without user agent, then one from curl at the top level 30 s later, in the same session).
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class BotTrafficTest {

    private static final String PROPERTY = "G-BOTS";
    private static final String SECRET = "bots-secret-1";
    private static final String DAY = "2024-05-06";
    private static final Instant START = Instant.parse(DAY + "T09:00:00Z");

    private static final String GOOGLEBOT = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.139 Mobile Safari/537.36 (compatible; "
            + "Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String BINGBOT = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
    private static final String AHREFSBOT = "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)";
    private static final String CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.6778.104 Mobile Safari/537.36";
    private static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    /** Short enough for a param value, which GA4 limits to 100 characters. */
    private static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 "
            + "Firefox/133.0";

    /** Reads numbers as sent, so 0.250000 stays 0.250000. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static boolean loaded;

    @Inject
    EventStore events;

    @Inject
    CollectService collector;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("property", PROPERTY, "timeZone", "UTC", "apiSecret", SECRET,
                        "brandTerms", List.of("teashop"), "adminToken", Replays.ADMIN_TOKEN))
                .post("/property")
                .then().statusCode(200);

        postMeasurementProtocol(measurementProtocol("h1", CHROME_ANDROID,
                pageView("s-h1", 0), pageView("s-h1", 60), purchase("s-h1", 120, "T-H1", 100)), 3);
        postCanonical(webhook().header("Origin", "https://shop.example").header("User-Agent", SAFARI_IPHONE),
                JSON.createArrayNode().add(canonical("h2", pageView("s-h2", 0)))
                        .add(canonical("h2", brandSearch("s-h2", 5))));
        ObjectNode firefox = canonical("h3", pageView("s-h3", 0));
        firefox.put("user_agent", GOOGLEBOT);
        ((ObjectNode) firefox.get("params")).put("user_agent", FIREFOX_LINUX);
        postCanonical(webhook(), firefox);
        postCanonical(webhook().header("User-Agent", BINGBOT), canonical("h4", pageView("s-h4", 0)));

        postMeasurementProtocol(measurementProtocol("b1", GOOGLEBOT, pageView("s-b1", 0), pageView("s-b1", 10),
                pageView("s-b1", 20), event("sign_up", "s-b1", 30)), 4);
        ObjectNode ahrefs = canonical("b2", pageView("s-b2", 0));
        ((ObjectNode) ahrefs.get("params")).put("user_agent", AHREFSBOT);
        ObjectNode ahrefsSearch = canonical("b2", brandSearch("s-b2", 5));
        ((ObjectNode) ahrefsSearch.get("params")).put("user_agent", AHREFSBOT);
        postCanonical(webhook(), JSON.createArrayNode().add(ahrefs).add(ahrefsSearch));
        postCanonical(webhook().header("Sec-Fetch-Mode", "cors").header("User-Agent", BINGBOT),
                canonical("b3", pageView("s-b3", 0)));
        ObjectNode curl = canonical("m1", pageView("s-m1", 30));
        curl.put("user_agent", "curl/8.5.0");
        postCanonical(webhook(), JSON.createArrayNode().add(canonical("m1", pageView("s-m1", 0))).add(curl));
        loaded = true;
    }

    @Test
    void storedEventsCarryBotFlag() {
        Map<String, List<Boolean>> flags = events.readDay(new EventPartitions(PROPERTY, 1), LocalDate.parse(DAY)).stream()
                .sorted((a, b) -> Long.compare(a.timestampMicros(), b.timestampMicros()))
                .collect(Collectors.groupingBy(TrackedEvent::clientId, LinkedHashMap::new,
                        Collectors.mapping(TrackedEvent::bot, Collectors.toList())));

        assertEquals(List.of(false, false, false), flags.get("h1"));
        assertEquals(List.of(false, false), flags.get("h2"), "Safari in the header of a browser's request");
        assertEquals(List.of(false), flags.get("h3"), "params.user_agent wins over the top-level field");
        assertEquals(List.of(false), flags.get("h4"), "the header of a request without browser headers");
        assertEquals(List.of(true, true, true, true), flags.get("b1"));
        assertEquals(List.of(true, true), flags.get("b2"));
        assertEquals(List.of(true), flags.get("b3"));
        assertEquals(List.of(false, true), flags.get("m1"));
    }

    @Test
    void botSessionsLeftOutByDefault() throws Exception {
        JsonNode snapshot = snapshot(null, true);

        assertKpi(snapshot, "sessions", "4");
        assertKpi(snapshot, "engaged_sessions", "1");
        assertKpi(snapshot, "engagement_rate", "0.250000");
        assertKpi(snapshot, "page_views", "5");
        assertKpi(snapshot, "users", "4");
        assertKpi(snapshot, "conversions", "1");
        assertKpi(snapshot, "transactions", "1");
        assertKpi(snapshot, "revenue", "100");
        assertKpi(snapshot, "bot_sessions", "4");
        assertKpi(snapshot, "branded_site_searches", "1");
        assertEquals(4, channelSessions(snapshot));
        assertFalse(snapshot.has("includeBots"));
    }

    @Test
    void includeBotsCountsEverySession() throws Exception {
        JsonNode snapshot = snapshot(true, true);

        assertKpi(snapshot, "sessions", "8");
        assertKpi(snapshot, "engaged_sessions", "3");
        assertKpi(snapshot, "engagement_rate", "0.375000");
        assertKpi(snapshot, "page_views", "12");
        assertKpi(snapshot, "users", "8");
        assertKpi(snapshot, "conversions", "2");
        assertKpi(snapshot, "transactions", "1");
        assertKpi(snapshot, "revenue", "100");
        assertKpi(snapshot, "bot_sessions", "4");
        assertKpi(snapshot, "branded_site_searches", "2");
        assertEquals(8, channelSessions(snapshot));
        assertTrue(snapshot.get("includeBots").asBoolean());
    }

    @Test
    void botSessionsFollowBehaviourKpis() throws Exception {
        List<String> ids = JSON.convertValue(snapshot(null, true).get("kpis"), Map.class).keySet().stream()
                .map(Object::toString).toList();

        assertEquals("clv", ids.get(ids.indexOf("bot_sessions") - 1));
        assertEquals("branded_searches", ids.get(ids.indexOf("bot_sessions") + 1));
    }

    @Test
    void storedSnapshotsKeptApartByBotSetting() throws Exception {
        JsonNode withoutBots = snapshot(null, false);
        JsonNode withBots = snapshot(true, false);
        JsonNode withoutBotsAgain = snapshot(false, false);
        JsonNode withBotsAgain = snapshot(true, false);

        assertKpi(withoutBots, "sessions", "4");
        assertKpi(withBots, "sessions", "8");
        assertKpi(withoutBotsAgain, "sessions", "4");
        assertKpi(withBotsAgain, "sessions", "8");
        assertEquals(withoutBots.get("computedAt"), withoutBotsAgain.get("computedAt"), "read from the store");
        assertEquals(withBots.get("computedAt"), withBotsAgain.get("computedAt"), "read from the store");
    }

    @Test
    void queuedRequestKeepsBrowserUserAgent() throws Exception {
        byte[] body = JSON.writeValueAsBytes(canonical("q1", pageView("s-q1", 0, "2024-05-08T09:00:00Z")));
        CollectService.Admission admission = collector.admit(new CollectCommand(PROPERTY, SECRET,
                Endpoint.CANONICAL, true, body, null, BINGBOT));

        String message = mapper.writeValueAsString(admission.toQueued(true));
        QueuedRequest queued = mapper.readValue(message, QueuedRequest.class);
        collector.storeQueued(queued);

        assertEquals(BINGBOT, queued.browserUserAgent());
        List<TrackedEvent> stored = events.readDay(new EventPartitions(PROPERTY, 1), LocalDate.parse("2024-05-08"));
        assertEquals(1, stored.size());
        assertTrue(stored.get(0).bot());
    }

    @Test
    void fullUserAgentParamIsAccepted() {
        ObjectNode event = canonical("long-ua", pageView("s-long-ua", 0, "2024-05-09T09:00:00Z"));
        ((ObjectNode) event.get("params")).put("user_agent", CHROME_ANDROID);

        postCanonical(webhook(), event);

        List<TrackedEvent> stored = events.readDay(new EventPartitions(PROPERTY, 1), LocalDate.parse("2024-05-09"));
        assertEquals(1, stored.size(), "a browser's whole user agent, " + CHROME_ANDROID.length() + " characters, "
                + "fits the param limit");
        assertFalse(stored.get(0).bot());
    }

    @Test
    void queuedRequestWithoutUserAgentField() throws Exception {
        String message = "{\"version\":1,\"requestId\":\"r-1\",\"receivedAt\":\"2024-05-06T10:00:00Z\","
                + "\"property\":\"" + PROPERTY + "\",\"endpoint\":\"canonical\",\"importMode\":true,\"body\":\"{}\"}";

        QueuedRequest queued = mapper.readValue(message, QueuedRequest.class);

        assertNull(queued.browserUserAgent());
        assertNull(queued.problem());
    }

    private JsonNode snapshot(Boolean includeBots, boolean refresh) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("property", PROPERTY);
        request.put("from", DAY);
        request.put("to", DAY);
        request.put("refresh", refresh);
        if (includeBots != null) {
            request.put("includeBots", includeBots);
        }
        String body = given().contentType(ContentType.JSON).body(request)
                .post("/snapshot")
                .then().statusCode(200)
                .extract().asString();
        return JSON.readTree(body);
    }

    private static void assertKpi(JsonNode snapshot, String id, String expected) {
        JsonNode value = snapshot.get("kpis").get(id).get("value");
        assertEquals(0, new BigDecimal(expected).compareTo(value.decimalValue()), id + ": " + value);
    }

    private static int channelSessions(JsonNode snapshot) {
        int sessions = 0;
        for (JsonNode share : snapshot.get("trafficSources").get("channel_group")) {
            sessions += share.get("sessions").asInt();
        }
        return sessions;
    }

    private static RequestSpecification webhook() {
        return given().contentType(ContentType.JSON)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .queryParam("import", "true");
    }

    private static void postMeasurementProtocol(ObjectNode body, int events) {
        webhook().body(body.toString())
                .post("/mp/collect")
                .then().statusCode(200).body("accepted", equalTo(events)).body("rejected", equalTo(0));
    }

    private static void postCanonical(RequestSpecification request, JsonNode body) {
        int events = body.isArray() ? body.size() : 1;
        request.body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post("/events")
                .then().statusCode(200).body("accepted", equalTo(events)).body("rejected", equalTo(0));
    }

    private static ObjectNode measurementProtocol(String clientId, String userAgent, ObjectNode... events) {
        ObjectNode body = JSON.createObjectNode().put("client_id", clientId).put("user_agent", userAgent);
        ArrayNode list = body.putArray("events");
        for (ObjectNode event : events) {
            list.add(event);
        }
        return body;
    }

    /** Turns a Measurement Protocol event into a canonical one of {@code clientId}. */
    private static ObjectNode canonical(String clientId, ObjectNode event) {
        ObjectNode canonical = JSON.createObjectNode().put("client_id", clientId);
        canonical.setAll(event);
        return canonical;
    }

    private static ObjectNode pageView(String sessionId, int secondsAfterStart) {
        return pageView(sessionId, secondsAfterStart, START.toString());
    }

    private static ObjectNode pageView(String sessionId, int secondsAfterStart, String start) {
        ObjectNode event = event("page_view", sessionId, secondsAfterStart, Instant.parse(start));
        ((ObjectNode) event.get("params")).put("page_location", "https://shop.example/p" + secondsAfterStart);
        return event;
    }

    private static ObjectNode brandSearch(String sessionId, int secondsAfterStart) {
        ObjectNode event = event("view_search_results", sessionId, secondsAfterStart);
        ((ObjectNode) event.get("params")).put("search_term", "teashop green tea");
        return event;
    }

    private static ObjectNode purchase(String sessionId, int secondsAfterStart, String transactionId, int value) {
        ObjectNode event = event("purchase", sessionId, secondsAfterStart);
        ((ObjectNode) event.get("params")).put("transaction_id", transactionId).put("value", value)
                .put("currency", "EUR");
        return event;
    }

    private static ObjectNode event(String name, String sessionId, int secondsAfterStart) {
        return event(name, sessionId, secondsAfterStart, START);
    }

    private static ObjectNode event(String name, String sessionId, int secondsAfterStart, Instant start) {
        ObjectNode event = JSON.createObjectNode().put("name", name)
                .put("timestamp_micros", ChronoUnit.MICROS.between(Instant.EPOCH, start) + secondsAfterStart
                        * 1_000_000L);
        event.putObject("params").put("ga_session_id", sessionId);
        return event;
    }
}
