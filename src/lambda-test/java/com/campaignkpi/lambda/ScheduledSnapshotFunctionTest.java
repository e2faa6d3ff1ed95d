package com.campaignkpi.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.ingest.CollectCommand;
import com.campaignkpi.ingest.CollectService;
import com.campaignkpi.ingest.Endpoint;
import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.property.Secrets;
import com.campaignkpi.snapshot.Snapshot;
import com.campaignkpi.snapshot.SnapshotFunction;
import com.campaignkpi.snapshot.SnapshotRequest;
import com.campaignkpi.storage.DynaliteTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code scheduled-snapshot} function as EventBridge Scheduler invokes it, through the mock event server, with
 * the fixed input the template's schedules pass.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
@TestProfile(FunctionProfile.ScheduledSnapshot.class)
class ScheduledSnapshotFunctionTest {

    private static final String PROPERTY = "G-SCHEDULE1";
    private static final String SECRET = "schedule-secret-1";
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    @Inject
    PropertyStore properties;

    @Inject
    CollectService collector;

    @Inject
    SnapshotFunction snapshots;

    @Inject
    ObjectMapper mapper;

    @Test
    void dailyAndHourlyRunsStoreSnapshots() throws Exception {
        properties.save(new Property(PROPERTY, TEHRAN, Property.DEFAULT_KEY_EVENTS,
                Property.DEFAULT_SESSION_TIMEOUT, List.of(Secrets.sha256Hex(SECRET))));
        LocalDate today = LocalDate.now(TEHRAN);
        LocalDate yesterday = today.minusDays(1);
        collect("1.1", yesterday, "page_view", "page_view");
        collect("2.2", today.minusDays(2), "page_view");
        collect("3.3", today.minusDays(3), "page_view");
        StoreCalls.clear();

        JsonNode daily = invoke("{\"property\":\"" + PROPERTY + "\",\"run\":\"daily\",\"lateDays\":1,"
                + "\"groupBy\":[\"channel_group\"]}");
        Set<String> calls = StoreCalls.recorded();

        assertEquals(List.of(today.minusDays(2).toString(), yesterday.toString()), texts(daily.get("days")));
        assertEquals(4, daily.get("snapshots").asInt(), "2 days x (ungrouped + channel_group)");
        assertEquals(1, daily.get("sessions").asLong(), "yesterday's one session");
        assertEquals("Asia/Tehran", daily.get("timeZone").asText());
        assertTrue(calls.contains("PutItem campaign-kpi-snapshots"), calls.toString());
        assertEquals(Set.of(), TemplatePolicies.outside("ScheduledSnapshotFunction", calls));

        // The stored snapshot is what a dashboard gets, until the next run recomputes it.
        collect("4.4", yesterday, "page_view");
        Snapshot stored = snapshots.snapshot(request(yesterday, false));
        Snapshot fresh = snapshots.snapshot(request(yesterday, true));
        assertEquals(1, stored.kpis().get("sessions").value().intValue());
        assertEquals(2, fresh.kpis().get("sessions").value().intValue());
        assertNotEquals(stored.computedAt(), fresh.computedAt());

        collect("5.5", today, "page_view");
        JsonNode hourly = invoke("{\"property\":\"" + PROPERTY + "\",\"run\":\"hourly\"}");
        assertEquals(List.of(today.toString()), texts(hourly.get("days")));
        assertEquals(1, hourly.get("snapshots").asInt());
    }

    @Test
    void unknownRunFailsInvocation() {
        HttpResponse<String> response = MockEventServer.invoke("{\"property\":\"" + PROPERTY + "\","
                + "\"run\":\"weekly\"}");

        assertNotEquals(200, response.statusCode());
        assertTrue(response.body().contains("run 'weekly' is unknown: use daily or hourly"), response.body());
    }

    /** Posts one Measurement Protocol request of {@code names} at 10:00 in Tehran on {@code day}. */
    private void collect(String clientId, LocalDate day, String... names) {
        long micros = EpochMicros.of(day.atTime(LocalTime.of(10, 0)).atZone(TEHRAN).toInstant());
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            events.append(i == 0 ? "" : ",").append("{\"name\":\"").append(names[i])
                    .append("\",\"timestamp_micros\":").append(micros + i * 1_000_000L)
                    .append(",\"params\":{\"page_location\":\"https://shop.example/p").append(i).append("\"}}");
        }
        String body = "{\"client_id\":\"" + clientId + "\",\"events\":[" + events + "]}";
        collector.collect(new CollectCommand(PROPERTY, SECRET, Endpoint.MEASUREMENT_PROTOCOL, true,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static SnapshotRequest request(LocalDate day, boolean refresh) {
        return new SnapshotRequest(PROPERTY, day.toString(), day.toString(), null, null, refresh, null, null);
    }

    private JsonNode invoke(String input) throws Exception {
        HttpResponse<String> response = MockEventServer.invoke(input);
        assertEquals(200, response.statusCode(), response.body());
        return mapper.readTree(response.body());
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
