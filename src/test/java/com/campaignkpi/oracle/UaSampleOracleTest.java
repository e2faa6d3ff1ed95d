package com.campaignkpi.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.campaignkpi.ingest.EventStore;
import com.campaignkpi.replay.ReplayFormat;
import com.campaignkpi.replay.ReplaySummary;
import com.campaignkpi.session.Session;
import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.testing.Replays;
import com.campaignkpi.testing.StoredSessions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the bundled Universal Analytics sample (Google Merchandise Store, 1,830 sessions from 2016-08-01 to
 * 2017-08-01) through the Measurement Protocol webhook and compares the snapshot with Google's own session totals.
 * The store's reporting time zone is America/Los_Angeles, where Google's {@code date} of each session falls.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class UaSampleOracleTest {

    private static final String PROPERTY = "G-UAORACLE";
    private static final String SECRET = "oracle-secret-1";
    private static final String ZONE = "America/Los_Angeles";
    private static final Path HITS = Path.of("data", "samples", "ga360_universal_analytics_sample_hits.csv.gz");

    private static boolean replayed;
    private static ReplaySummary summary;

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    EventStore events;

    @BeforeEach
    void replayOnce() throws Exception {
        if (!replayed) {
            Replays.registerProperty(PROPERTY, ZONE, SECRET);
            summary = Replays.replay(URI.create(baseUrl.toString()), PROPERTY, SECRET, HITS, ReplayFormat.UA_HITS);
            replayed = true;
        }
    }

    @Test
    void everyHitIsAccepted() {
        // 9,732 page views, 2,269 UA events and 40 purchases derived from the hits that carry revenue.
        assertEquals(12_041, summary.events());
        assertEquals(12_041, summary.accepted());
        assertEquals(0, summary.rejected());
    }

    @Test
    void totalsMatchGoogle() throws Exception {
        List<UaSampleTotals> google = UaSampleTotals.read(UaSampleTotals.BUNDLED);
        Map<String, Object> snapshot = Replays.snapshot(Map.of("property", PROPERTY, "from", "2016-08-01",
                "to", "2017-08-01"));

        assertEquals(1830, google.size());
        assertEquals(google.size(), kpi(snapshot, "sessions").intValue());
        assertEquals(sum(google, UaSampleTotals::pageviews), kpi(snapshot, "page_views").intValue());
        assertEquals(sum(google, UaSampleTotals::transactions), kpi(snapshot, "transactions").intValue());
        BigDecimal revenue = google.stream().map(UaSampleTotals::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, revenue.compareTo(kpi(snapshot, "revenue")), "revenue " + revenue);
        long newVisitors = google.stream().filter(UaSampleTotals::newVisit).map(UaSampleTotals::visitorId)
                .distinct().count();
        assertEquals(newVisitors, kpi(snapshot, "new_users").longValue());
        assertEquals(1241, newVisitors);
    }

    @Test
    void sessionsPerDayMatchGoogleDates() {
        Map<String, Object> snapshot = Replays.snapshot(Map.of("property", PROPERTY, "from", "2016-08-01",
                "to", "2017-08-01", "groupBy", "date"));
        Map<String, Integer> expected = new TreeMap<>();
        try {
            for (UaSampleTotals row : UaSampleTotals.read(UaSampleTotals.BUNDLED)) {
                String day = LocalDate.parse(row.date(), java.time.format.DateTimeFormatter.BASIC_ISO_DATE).toString();
                expected.merge(day, 1, Integer::sum);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        Map<String, Integer> actual = new TreeMap<>();
        for (Map<String, Object> group : Replays.groups(snapshot)) {
            actual.put((String) group.get("key"), ((Number) Replays.kpiValue(group, "sessions")).intValue());
        }

        assertEquals(366, expected.size());
        assertEquals(expected, actual);
    }

    @Test
    void sessionsPerSourceMediumMatchGoogle() throws Exception {
        Map<String, Object> snapshot = Replays.snapshot(Map.of("property", PROPERTY, "from", "2016-08-01",
                "to", "2017-08-01", "groupBy", "source_medium"));
        Map<String, Long> expected = UaSampleTotals.read(UaSampleTotals.BUNDLED).stream()
                .collect(Collectors.groupingBy(row -> row.source() + " / " + row.medium(), TreeMap::new,
                        Collectors.counting()));

        Map<String, Long> actual = new TreeMap<>();
        for (Map<String, Object> group : Replays.groups(snapshot)) {
            actual.put((String) group.get("key"), ((Number) Replays.kpiValue(group, "sessions")).longValue());
        }

        assertEquals(expected, actual);
    }

    /**
     * Classic bounces per session. Google counts 911; the single-interaction definition counts 916. The 5 sessions
     * in between each hold exactly one hit, an interactive event hit without any page view: Universal Analytics
     * only counted a bounce for a session with a page view, while Plausible and Matomo count any lone interaction.
     */
    @Test
    void classicBouncesPerSession() throws Exception {
        Map<String, Session> sessions = storedSessions();
        List<String> differing = new ArrayList<>();
        int googleBounces = 0;

        for (UaSampleTotals row : UaSampleTotals.read(UaSampleTotals.BUNDLED)) {
            Session session = sessions.get(row.visitorId() + "/" + row.visitId());
            assertEquals(row.pageviews(), session.pageViews(), "page views of " + row.visitorId());
            googleBounces += row.bounce() ? 1 : 0;
            if (row.bounce() != session.singleInteraction()) {
                differing.add(row.visitorId() + "/" + row.visitId());
                assertEquals(false, row.bounce());
                assertEquals(0, session.pageViews());
                assertEquals(1, session.interactionEvents());
            }
        }

        assertEquals(1830, sessions.size());
        assertEquals(911, googleBounces);
        assertEquals(List.of("0835776961166164514/1470985933", "1753712589532210744/1470994254",
                "9804842720163297456/1470996246", "6272114685180121982/1473949323",
                "5816628350060068820/1500610418"), differing.stream().sorted(this::byVisitId).toList());
        Map<String, Object> snapshot = Replays.snapshot(Map.of("property", PROPERTY, "from", "2016-08-01",
                "to", "2017-08-01"));
        assertEquals(new BigDecimal("916"), numerator(snapshot, "single_page_bounce_rate"));
    }

    private int byVisitId(String left, String right) {
        return left.substring(left.indexOf('/')).compareTo(right.substring(right.indexOf('/')));
    }

    private Map<String, Session> storedSessions() {
        return StoredSessions.read(events, PROPERTY, LocalDate.parse("2016-07-31"), LocalDate.parse("2017-08-03"),
                session -> session.clientId() + "/" + session.key());
    }

    private static int sum(List<UaSampleTotals> rows, java.util.function.ToIntFunction<UaSampleTotals> field) {
        return rows.stream().mapToInt(field).sum();
    }

    private static BigDecimal kpi(Map<String, Object> snapshot, String id) {
        return new BigDecimal(Replays.kpiValue(snapshot, id).toString());
    }

    @SuppressWarnings("unchecked")
    private static BigDecimal numerator(Map<String, Object> snapshot, String id) {
        Map<String, Object> kpis = (Map<String, Object>) snapshot.get("kpis");
        return new BigDecimal(((Map<String, Object>) kpis.get(id)).get("numerator").toString());
    }
}
