package com.campaignkpi.snapshot;

import static com.campaignkpi.session.TestEvents.builder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.kpi.VisitorHistory;
import com.campaignkpi.session.Session;
import com.campaignkpi.session.Sessionizer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotGroupsTest {

    /** 503 landing pages: "/popular" with 3 sessions and 502 pages with one session each. */
    private static List<Session> sessions() {
        List<TrackedEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(builder("popular-" + i, "page_view", "2024-03-28T10:00:00Z")
                    .page("https://shop.example/popular").build());
        }
        for (int i = 0; i < 502; i++) {
            events.add(builder("single-" + i, "page_view", "2024-03-28T10:00:00Z")
                    .page("https://shop.example/page-" + i).build());
        }
        return Sessionizer.sessionize(events, Duration.ofMinutes(30), Set.of());
    }

    @Test
    void smallGroupsMergeIntoOther() {
        List<SnapshotGroup> groups = SnapshotGroups.group(sessions(), GroupBy.LANDING_PAGE, ZoneOffset.UTC,
                VisitorHistory.NONE);

        assertEquals(501, groups.size());
        assertEquals("/popular", groups.get(0).key());
        assertEquals(new BigDecimal(3), groups.get(0).kpis().get("sessions").value());
        assertEquals("(other)", groups.get(500).key());
        // 502 single pages: 499 listed after /popular, 3 merged.
        assertEquals(new BigDecimal(3), groups.get(500).kpis().get("sessions").value());
    }

    @Test
    void trafficSharesAddUp() {
        List<TrafficShare> channels = SnapshotGroups.trafficSources(sessions()).get("channel_group");

        assertEquals(1, channels.size());
        assertEquals("Direct", channels.get(0).key());
        assertEquals(505, channels.get(0).sessions());
        assertEquals(new BigDecimal("1.000000"), channels.get(0).share());
    }
}
