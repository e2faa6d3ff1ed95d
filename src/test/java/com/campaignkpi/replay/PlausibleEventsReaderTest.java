package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlausibleEventsReaderTest {

    private static final String EVENTS = "web_analytics_hits/plausible_io_events_2024-03_500users.csv";
    private static final String HEADER = "\"timestamp\",\"name\",\"site_id\",\"user_id\",\"session_id\",\"hostname\","
            + "\"pathname\",\"referrer\",\"referrer_source\",\"country_code\",\"screen_size\",\"operating_system\","
            + "\"browser\",\"utm_medium\",\"utm_source\",\"utm_campaign\",\"meta.key\",\"meta.value\","
            + "\"browser_version\",\"operating_system_version\",\"subdivision1_code\",\"subdivision2_code\","
            + "\"city_geoname_id\",\"utm_content\",\"utm_term\",\"revenue_reporting_amount\","
            + "\"revenue_reporting_currency\",\"revenue_source_amount\",\"revenue_source_currency\"\r\n";

    @Test
    void sharedFileEventCounts() throws IOException {
        ReadResult result = new PlausibleEventsReader().read(TestData.shared(EVENTS));
        Map<String, Long> byName = result.events().stream()
                .collect(Collectors.groupingBy(ReplayEvent::name, Collectors.counting()));

        assertEquals(6_407, result.events().size());
        assertEquals(Map.of("page_view", 6_298L, "filter_menu_open", 104L, "signup", 3L,
                "signup_via_invitation", 2L), byName);
        assertEquals(2_088, result.events().stream().map(event -> event.param("ga_session_id")).distinct().count());
        assertEquals(Map.of(), result.truncatedValues());
        assertEquals(Map.of(), result.droppedParams());
    }

    @Test
    void sharedFileFirstEvent() throws IOException {
        ReplayEvent first = new PlausibleEventsReader().read(TestData.shared(EVENTS)).events().get(0);

        assertEquals("4038582707051174035", first.clientId());
        assertEquals(1_711_615_518_000_000L, first.timestampMicros());
        assertEquals("page_view", first.name());
        assertEquals("mobile", first.deviceCategory());
        assertEquals(List.of("ga_session_id", "page_location", "browser_language", "logged_in", "theme"),
                List.copyOf(first.params().keySet()));
        assertEquals("268081295194536186", first.param("ga_session_id"));
        assertEquals("https://plausible.io/:dashboard", first.param("page_location"));
        assertEquals("en-GB", first.param("browser_language"));
        assertEquals("true", first.param("logged_in"));
        assertEquals("light", first.param("theme"));
        assertEquals("268081295194536186-1711615518-0", first.eventId());
    }

    @Test
    void sharedFileIdenticalRowsKeepDistinctIds() throws IOException {
        List<ReplayEvent> events = new PlausibleEventsReader().read(TestData.shared(EVENTS)).events();

        assertEquals(6_407, events.stream().map(ReplayEvent::eventId).distinct().count());
    }

    @Test
    void sharedFileCustomEventsAndSources() throws IOException {
        List<ReplayEvent> events = new PlausibleEventsReader().read(TestData.shared(EVENTS)).events();

        ReplayEvent filterMenu = events.stream().filter(e -> e.name().equals("filter_menu_open")).findFirst()
                .orElseThrow();
        assertEquals("Filter Menu: Open", filterMenu.param("plausible_name"));
        ReplayEvent twitter = events.stream().filter(e -> "Twitter".equals(e.param("source"))).findFirst()
                .orElseThrow();
        assertEquals("social", twitter.param("medium"));
        assertEquals("profile", twitter.param("campaign"));
        assertEquals(115, events.stream().filter(e -> e.params().containsKey("page_referrer")).count());
        assertEquals(2, events.stream().filter(e -> !e.params().containsKey("page_location")).count());
        assertEquals(Map.of("mobile", 2_471L, "desktop", 3_936L), events.stream()
                .collect(Collectors.groupingBy(ReplayEvent::deviceCategory, Collectors.counting())));
    }

    @Test
    void rowWithRevenueAndReferrer(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.csv", HEADER + row("Purchase: Pro plan", "google.com",
                "['plan']", "['pro']", "49.90", "\"eur\""));

        ReplayEvent event = new PlausibleEventsReader().read(file).events().get(0);

        assertEquals("purchase_pro_plan", event.name());
        assertEquals("Purchase: Pro plan", event.param("plausible_name"));
        assertEquals("https://google.com", event.param("page_referrer"));
        assertEquals(new BigDecimal("49.90"), event.param("value"));
        assertEquals("EUR", event.param("currency"));
        assertEquals("pro", event.param("plan"));
        assertEquals("tablet", event.deviceCategory());
        assertEquals(1_711_615_518_000_000L, event.timestampMicros());
    }

    @Test
    void nullRevenueLeftOut(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.csv", HEADER + row("pageview", "", "[]", "[]", "\\N",
                "\"\u0000\u0000\u0000\""));

        ReplayEvent event = new PlausibleEventsReader().read(file).events().get(0);

        assertFalse(event.params().containsKey("value"));
        assertFalse(event.params().containsKey("currency"));
        assertFalse(event.params().containsKey("page_referrer"));
    }

    @Test
    void customPropertiesCappedAt25Params(@TempDir Path dir) throws IOException {
        String keys = IntStream.range(0, 30).mapToObj(i -> "'k" + i + "'").collect(Collectors.joining(",", "[", "]"));
        String values = IntStream.range(0, 30).mapToObj(i -> "'v" + i + "'")
                .collect(Collectors.joining(",", "[", "]"));
        Path file = TestData.write(dir, "events.csv", HEADER + row("pageview", "", keys, values, "\\N", "\"\""));

        ReadResult result = new PlausibleEventsReader().read(file);

        ReplayEvent event = result.events().get(0);
        assertEquals(24, event.params().size());
        assertEquals("v21", event.param("k21"));
        assertFalse(event.params().containsKey("k22"));
        assertEquals(8L, result.droppedCount());
        JsonNode params = JsonValues.READER.readTree(EventJson.measurementProtocolEvent(event)).get("params");
        assertEquals(25, params.size());
        assertEquals("268081295194536186-1711615518-0", params.get("event_id").asText());
    }

    @Test
    void unequalMetaArraysRejected(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.csv", HEADER + row("pageview", "", "['a','b']", "['1']", "\\N",
                "\"\""));

        ReplayInputException error = assertThrows(ReplayInputException.class,
                () -> new PlausibleEventsReader().read(file));

        assertEquals(2, error.line());
        assertEquals("meta.value", error.column());
    }

    @Test
    void malformedMetaArrayRejected(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.csv", HEADER + row("pageview", "", "['a'", "['1']", "\\N", "\"\""));

        ReplayInputException error = assertThrows(ReplayInputException.class,
                () -> new PlausibleEventsReader().read(file));

        assertEquals("meta.key", error.column());
    }

    @Test
    void malformedTimestampRejected(@TempDir Path dir) throws IOException {
        String bad = row("pageview", "", "[]", "[]", "\\N", "\"\"").replace("2024-03-28 08:45:18", "28/03/2024");
        Path file = TestData.write(dir, "events.csv", HEADER + row("pageview", "", "[]", "[]", "\\N", "\"\"") + bad);

        ReplayInputException error = assertThrows(ReplayInputException.class,
                () -> new PlausibleEventsReader().read(file));

        assertEquals(3, error.line());
        assertEquals("timestamp", error.column());
    }

    @Test
    void arrayLiteralEscapes() {
        assertEquals(List.of("it's", "a\\b", "", "x, y"),
                ClickHouseArrays.parseStrings("['it\\'s','a\\\\b','','x, y']"));
        assertEquals(List.of(), ClickHouseArrays.parseStrings("[]"));
        assertEquals(List.of("a", "b"), ClickHouseArrays.parseStrings("[ 'a' , 'b' ]"));
        assertThrows(IllegalArgumentException.class, () -> ClickHouseArrays.parseStrings("['a' 'b']"));
        assertThrows(IllegalArgumentException.class, () -> ClickHouseArrays.parseStrings("a,b"));
    }

    @Test
    void deviceCategories() {
        assertEquals("mobile", PlausibleEventsReader.deviceCategory("Mobile"));
        assertEquals("tablet", PlausibleEventsReader.deviceCategory("Tablet"));
        assertEquals("desktop", PlausibleEventsReader.deviceCategory("Laptop"));
        assertEquals("desktop", PlausibleEventsReader.deviceCategory("Desktop"));
        assertEquals(null, PlausibleEventsReader.deviceCategory("(not set)"));
        assertEquals(null, PlausibleEventsReader.deviceCategory(null));
    }

    @Test
    void referrerUrls() {
        assertEquals("https://google.com", PlausibleEventsReader.referrerUrl("google.com"));
        assertEquals("https://github.com/plausible/analytics",
                PlausibleEventsReader.referrerUrl("github.com/plausible/analytics"));
        assertEquals("android-app://com.google.android.gm",
                PlausibleEventsReader.referrerUrl("android-app://com.google.android.gm"));
        assertEquals(null, PlausibleEventsReader.referrerUrl(null));
    }

    private static String row(String name, String referrer, String metaKeys, String metaValues, String amount,
            String currency) {
        return "\"2024-03-28 08:45:18\",\"" + name + "\",236482,4038582707051174035,268081295194536186,"
                + "\"plausible.io\",\"/pricing\",\"" + referrer + "\",\"\",\"FR\",\"Tablet\",\"iOS\",\"Chrome\","
                + "\"\",\"\",\"\",\"" + metaKeys + "\",\"" + metaValues + "\",\"123.0\",\"16.6\",\"FR-20R\",\"\","
                + "2985947,\"\",\"\"," + amount + "," + currency + ",\\N,\"   \"\r\n";
    }
}
