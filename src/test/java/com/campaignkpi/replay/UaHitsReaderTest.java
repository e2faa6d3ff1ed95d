package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UaHitsReaderTest {

    private static final String HEADER = "date,fullVisitorId,visitId,visitNumber,visitStartTime,channelGrouping,"
            + "source,medium,campaign,keyword,referralPath,deviceCategory,browser,operatingSystem,country,"
            + "totals_visits,totals_hits,totals_pageviews,totals_timeOnSite,totals_bounces,totals_newVisits,"
            + "totals_transactions,totals_transactionRevenue_micros,hitNumber,hit_time_ms,hour,minute,type,"
            + "isInteraction,isEntrance,isExit,hostname,pagePath,pageTitle,referer,eventCategory,eventAction,"
            + "eventLabel,eventValue,ecommerce_action_type,transactionId,transactionRevenue_micros,currencyCode\n";

    private static ReadResult sample;

    @BeforeAll
    static void readSample() throws IOException {
        sample = new UaHitsReader().read(TestData.SAMPLE_HITS);
    }

    @Test
    void sampleEventCounts() {
        Map<String, Long> byName = sample.events().stream()
                .collect(Collectors.groupingBy(ReplayEvent::name, Collectors.counting()));

        assertEquals(12_041, sample.events().size());
        assertEquals(Map.of("page_view", 9_732L, "ua_event", 2_269L, "purchase", 40L), byName);
        assertEquals(Map.of(), sample.skippedRows());
    }

    @Test
    void sampleSessionCount() {
        long clients = sample.events().stream().map(ReplayEvent::clientId).distinct().count();
        long clientSessions = sample.events().stream()
                .map(event -> event.clientId() + "/" + event.param("ga_session_id"))
                .distinct().count();

        assertEquals(1_804, clients);
        assertEquals(1_830, clientSessions);
    }

    @Test
    void firstHitOfFile() {
        ReplayEvent first = sample.events().get(0);

        assertEquals("895954260133011192", first.clientId());
        assertEquals(1_470_046_245_000_000L, first.timestampMicros());
        assertEquals("page_view", first.name());
        assertEquals("desktop", first.deviceCategory());
        assertEquals(null, first.userId());
        assertEquals("895954260133011192-1470046245-1", first.eventId());
        assertEquals(List.of("ga_session_id", "ga_session_number", "source", "medium", "page_location", "page_title",
                "page_referrer"), List.copyOf(first.params().keySet()));
        assertEquals(1_470_046_245L, first.param("ga_session_id"));
        assertEquals(1L, first.param("ga_session_number"));
        assertEquals("google", first.param("source"));
        assertEquals("organic", first.param("medium"));
        assertEquals("https://shop.googlemerchandisestore.com/google+redesign/apparel/men++s/men++s+t+shirts",
                first.param("page_location"));
        assertEquals("Men's-T-Shirts", first.param("page_title"));
        assertEquals("https://www.google.de", first.param("page_referrer"));
    }

    @Test
    void secondHitHasNoTrafficSource() {
        ReplayEvent second = sample.events().get(1);

        assertEquals(1_470_046_285_860_000L, second.timestampMicros());
        assertEquals(List.of("ga_session_id", "ga_session_number", "page_location", "page_title"),
                List.copyOf(second.params().keySet()));
    }

    @Test
    void purchaseOfKnownOrder() {
        List<ReplayEvent> order = sample.events().stream()
                .filter(event -> "ORD201608051608".equals(event.param("transaction_id")))
                .toList();

        assertEquals(1, order.size());
        ReplayEvent purchase = order.get(0);
        assertEquals("purchase", purchase.name());
        assertEquals("1939406125512685779", purchase.clientId());
        assertEquals(1_470_423_162_726_000L, purchase.timestampMicros());
        assertEquals(new BigDecimal("132.9"), purchase.param("value"));
        assertEquals("USD", purchase.param("currency"));
        assertEquals(true, purchase.param("non_interaction"));
        assertEquals(1_470_422_521L, purchase.param("ga_session_id"));
        assertEquals(3L, purchase.param("ga_session_number"));
        assertEquals("1939406125512685779-1470422521-18-purchase", purchase.eventId());
    }

    /** The sample has hits with equal time and content; only the hit number distinguishes them. */
    @Test
    void eventIdsAreUnique() {
        assertEquals(12_041, sample.events().stream().map(ReplayEvent::eventId).distinct().count());
    }

    @Test
    void purchaseFollowsItsPageView() {
        int index = indexOf(event -> "ORD201608051608".equals(event.param("transaction_id")));
        ReplayEvent pageView = sample.events().get(index - 1);

        assertEquals("page_view", pageView.name());
        assertEquals(1_470_423_162_726_000L, pageView.timestampMicros());
        assertEquals("https://shop.googlemerchandisestore.com/ordercompleted.html", pageView.param("page_location"));
        assertFalse(pageView.params().containsKey("non_interaction"));
    }

    @Test
    void eventHitParams() {
        ReplayEvent event = sample.events().stream()
                .filter(e -> e.name().equals("ua_event"))
                .findFirst().orElseThrow();

        assertEquals("Enhanced Ecommerce", event.param("event_category"));
        assertTrue(event.params().containsKey("event_action"));
        assertTrue(event.params().containsKey("page_location"));
        assertFalse(event.params().containsKey("event_value"));
    }

    @Test
    void trafficSourceOncePerSession() {
        long withSource = sample.events().stream().filter(event -> event.params().containsKey("source")).count();

        assertEquals(1_830, withSource);
    }

    @Test
    void sessionWithoutFirstHit() {
        List<ReplayEvent> session = sample.events().stream()
                .filter(event -> event.clientId().equals("1282090081859919158"))
                .filter(event -> Long.valueOf(1_482_996_689L).equals(event.param("ga_session_id")))
                .toList();

        assertEquals(1, session.size());
        assertEquals("(direct)", session.get(0).param("source"));
        assertEquals("(none)", session.get(0).param("medium"));
    }

    @Test
    void longReferrersTruncated() {
        assertEquals(Map.of("page_referrer", 8L), sample.truncatedValues());
        int longest = sample.events().stream()
                .map(event -> (String) event.param("page_referrer"))
                .filter(referrer -> referrer != null)
                .mapToInt(String::length).max().orElseThrow();
        assertEquals(420, longest);
    }

    /** Google's own per-session totals must match what the converted events imply, session by session. */
    @Test
    void eventsMatchGoogleSessionTotals() throws IOException {
        Map<String, Long> pageViews = new HashMap<>();
        Map<String, Long> hits = new HashMap<>();
        Map<String, BigDecimal> revenue = new HashMap<>();
        for (ReplayEvent event : sample.events()) {
            String session = event.clientId() + "/" + event.param("ga_session_id");
            if (event.name().equals("purchase")) {
                revenue.merge(session, (BigDecimal) event.param("value"), BigDecimal::add);
            } else {
                hits.merge(session, 1L, Long::sum);
                if (event.name().equals("page_view")) {
                    pageViews.merge(session, 1L, Long::sum);
                }
            }
        }

        List<CSVRecord> totals = readTotals();
        assertEquals(1_830, totals.size());
        for (CSVRecord row : totals) {
            String session = row.get("fullVisitorId") + "/" + row.get("visitId");
            assertEquals(count(row, "pageviews"), pageViews.getOrDefault(session, 0L), session);
            assertEquals(count(row, "hits"), hits.get(session), session);
            BigDecimal expectedRevenue = row.get("totalTransactionRevenue").isEmpty()
                    ? null
                    : UaHitsReader.unitsFromMicros(Long.parseLong(row.get("totalTransactionRevenue")));
            assertEquals(expectedRevenue, revenue.get(session), session);
        }
        assertEquals(new BigDecimal("3936.82"), revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void unitsFromMicrosIsExact() {
        assertEquals(new BigDecimal("132.9"), UaHitsReader.unitsFromMicros(132_900_000L));
        assertEquals(new BigDecimal("100"), UaHitsReader.unitsFromMicros(100_000_000L));
        assertEquals(new BigDecimal("0.000001"), UaHitsReader.unitsFromMicros(1L));
        assertEquals(new BigDecimal("0"), UaHitsReader.unitsFromMicros(0L));
    }

    @Test
    void malformedTimeNamesLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "hits.csv", HEADER
                + row("1470046245", "0", "PAGE", "True") + row("147004624x", "0", "PAGE", "True"));

        ReplayInputException error = assertThrows(ReplayInputException.class, () -> new UaHitsReader().read(file));

        assertEquals(file, error.file());
        assertEquals(3, error.line());
        assertEquals("visitStartTime", error.column());
        assertTrue(error.getMessage().contains("line 3, column visitStartTime"), error.getMessage());
    }

    @Test
    void csvSyntaxErrorNamesColumn(@TempDir Path dir) throws IOException {
        String good = row("1470046245", "0", "PAGE", "True");
        String bad = good.replace(",Home,", ",\"Home\"x,");
        Path file = TestData.write(dir, "hits.csv", HEADER + good + bad);

        ReplayInputException error = assertThrows(ReplayInputException.class, () -> new UaHitsReader().read(file));

        assertEquals(3, error.line());
        assertEquals(String.valueOf(bad.indexOf("\"x,") + 2), error.column());
    }

    @Test
    void invalidInteractionFlag(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "hits.csv", HEADER + row("1470046245", "0", "PAGE", "maybe"));

        ReplayInputException error = assertThrows(ReplayInputException.class, () -> new UaHitsReader().read(file));

        assertEquals(2, error.line());
        assertEquals("isInteraction", error.column());
    }

    @Test
    void nonInteractionHit(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "hits.csv", HEADER + row("1470046245", "1500", "EVENT", "False"));

        ReplayEvent event = new UaHitsReader().read(file).events().get(0);

        assertEquals("ua_event", event.name());
        assertEquals(1_470_046_246_500_000L, event.timestampMicros());
        assertEquals(true, event.param("non_interaction"));
    }

    @Test
    void missingColumnNamesHeader(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "hits.csv", "fullVisitorId,visitId\n1,2\n");

        ReplayInputException error = assertThrows(ReplayInputException.class, () -> new UaHitsReader().read(file));

        assertEquals(1, error.line());
        assertEquals("visitNumber", error.column());
    }

    @Test
    void unknownHitTypeSkipped(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "hits.csv", HEADER + row("1470046245", "0", "SOCIAL", "True"));

        ReadResult result = new UaHitsReader().read(file);

        assertEquals(List.of(), result.events());
        assertEquals(Map.of("hit type SOCIAL", 1L), result.skippedRows());
    }

    private static String row(String visitStartTime, String hitTimeMs, String type, String isInteraction) {
        return "20160801,42,1470046245,1," + visitStartTime + ",Direct,(direct),(none),(not set),,,desktop,Chrome,"
                + "Linux,Germany,1,1,1,,1,1,,,1," + hitTimeMs + ",3,10," + type + "," + isInteraction
                + ",True,True,shop.example.com,/home,Home,,Cat,Act,,,0,,,USD\n";
    }

    private static int indexOf(Function<ReplayEvent, Boolean> predicate) {
        for (int i = 0; i < sample.events().size(); i++) {
            if (predicate.apply(sample.events().get(i))) {
                return i;
            }
        }
        throw new AssertionError("no matching event");
    }

    /** Google writes a zero total as null, which the totals file keeps as an empty field. */
    private static long count(CSVRecord row, String column) {
        return row.get(column).isEmpty() ? 0 : Long.parseLong(row.get(column));
    }

    private static List<CSVRecord> readTotals() throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(TestData.SAMPLE_SESSION_TOTALS)) {
            return format.parse(reader).getRecords();
        }
    }
}
