package com.campaignkpi.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.alert.Alert;
import com.campaignkpi.alert.AlertRule;
import com.campaignkpi.alert.AlertSettings;
import com.campaignkpi.alert.AlertStore;
import com.campaignkpi.ingest.CollectCommand;
import com.campaignkpi.ingest.CollectService;
import com.campaignkpi.ingest.Endpoint;
import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.property.Secrets;
import com.campaignkpi.storage.DynaliteTestResource;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Alerts in scheduled runs, on sessions the test stores: 150 sessions a week, half of them engaged in the week before
 * last and a fifth of them in the last week. The daily run compares the two weeks, raises the engagement drop and
 * the bounce spike, stores them and posts them once to a webhook receiver the test runs on loopback.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class ScheduledAlertsTest {

    private static final String PROPERTY = "G-ALERTS1";
    private static final String SECRET = "alerts-secret-1";
    private static final int SESSIONS_PER_WEEK = 150;

    @Inject
    PropertyStore properties;

    @Inject
    CollectService collector;

    @Inject
    ScheduledSnapshots snapshots;

    @Inject
    AlertStore alerts;

    @Test
    void dailyRunRaisesStoresAndPostsOnce() throws IOException {
        List<String> posted = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            properties.save(new Property(PROPERTY, ZoneOffset.UTC, Property.DEFAULT_KEY_EVENTS,
                    Property.DEFAULT_SESSION_TIMEOUT, List.of(Secrets.sha256Hex(SECRET)), List.of(),
                    AlertSettings.of(Map.of(), Set.of(), "http://127.0.0.1:" + receiver.getAddress().getPort()
                            + "/hook")));
            LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            storeWeek(yesterday.minusDays(13), "before", 2);
            storeWeek(yesterday.minusDays(6), "last", 5);

            ScheduledRun first = snapshots.run(PROPERTY, "UTC", "daily", 0, null);
            ScheduledRun second = snapshots.run(PROPERTY, "UTC", "daily", 0, null);

            assertEquals(Set.of(AlertRule.ENGAGEMENT_RATE_DROP, AlertRule.BOUNCE_RATE_SPIKE),
                    Set.copyOf(first.alerts().stream().map(Alert::rule).toList()));
            assertEquals("delivered", first.delivery());
            assertEquals(1, posted.size(), "the second run finds the alerts stored and posts nothing");
            assertNull(second.delivery());
            assertTrue(posted.get(0).contains("\"text\""), posted.get(0));
            assertTrue(posted.get(0).contains("Engagement rate"), posted.get(0));
            List<Alert> stored = alerts.list(PROPERTY, yesterday, 10);
            assertEquals(2, stored.size());
            assertEquals(yesterday.toString(), stored.get(0).day());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void hourlyRunWithoutHistoryRaisesNothing() {
        properties.save(new Property("G-ALERTS2", ZoneOffset.UTC, Property.DEFAULT_KEY_EVENTS,
                Property.DEFAULT_SESSION_TIMEOUT, List.of()));

        ScheduledRun run = snapshots.run("G-ALERTS2", null, "hourly", null, null);

        assertNull(run.alerts(), "a property without traffic has no tracking gap to report");
        assertNull(run.delivery());
    }

    /** Stores {@value #SESSIONS_PER_WEEK} sessions over 7 days from {@code first}; every n-th one is engaged. */
    private void storeWeek(LocalDate first, String prefix, int engagedEvery) {
        for (int i = 0; i < SESSIONS_PER_WEEK; i++) {
            LocalDate day = first.plusDays(i % 7);
            long micros = EpochMicros.of(day.atTime(9, 0).plusMinutes(i).toInstant(ZoneOffset.UTC));
            boolean engaged = i % engagedEvery == 0;
            String events = "{\"name\":\"page_view\",\"timestamp_micros\":" + micros + "}"
                    + (engaged ? ",{\"name\":\"page_view\",\"timestamp_micros\":" + (micros + 5_000_000) + "}" : "");
            String body = "{\"client_id\":\"" + prefix + "." + i + "\",\"events\":[" + events + "]}";
            collector.collect(new CollectCommand(PROPERTY, SECRET, Endpoint.MEASUREMENT_PROTOCOL, true,
                    body.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
