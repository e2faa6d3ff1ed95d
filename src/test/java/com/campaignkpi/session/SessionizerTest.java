package com.campaignkpi.session;

import static com.campaignkpi.session.TestEvents.builder;
import static com.campaignkpi.session.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.ingest.TrackedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionizerTest {

    private static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);
    private static final Set<String> KEY_EVENTS = Set.of("purchase", "sign_up");

    @Test
    void inactivityGapSplitsSessions() {
        List<TrackedEvent> events = List.of(
                event("a", "page_view", "2024-03-28T10:00:00Z"),
                event("a", "page_view", "2024-03-28T10:29:59Z"),
                // 30 min 1 s after the previous event: a new session.
                event("a", "page_view", "2024-03-28T11:00:00Z"),
                event("b", "page_view", "2024-03-28T10:05:00Z"));

        List<Session> sessions = Sessionizer.sessionize(events, THIRTY_MINUTES, KEY_EVENTS);

        assertEquals(3, sessions.size());
        assertEquals("a", sessions.get(0).clientId());
        assertEquals(2, sessions.get(0).pageViews());
        assertEquals("b", sessions.get(1).clientId());
        assertEquals(1, sessions.get(2).pageViews());
    }

    @Test
    void gapOfExactlyTimeoutKeepsSession() {
        List<TrackedEvent> events = List.of(
                event("a", "page_view", "2024-03-28T10:00:00Z"),
                event("a", "page_view", "2024-03-28T10:30:00Z"));

        assertEquals(1, Sessionizer.sessionize(events, THIRTY_MINUTES, KEY_EVENTS).size());
    }

    @Test
    void senderSessionIdWinsOverGap() {
        List<TrackedEvent> events = List.of(
                builder("a", "page_view", "2024-03-28T10:00:00Z").session("s1", 3).build(),
                builder("a", "page_view", "2024-03-28T12:00:00Z").session("s1", 3).build(),
                builder("a", "page_view", "2024-03-28T12:00:01Z").session("s2", 4).build());

        List<Session> sessions = Sessionizer.sessionize(events, THIRTY_MINUTES, KEY_EVENTS);

        assertEquals(2, sessions.size());
        assertEquals("s1", sessions.get(0).key());
        assertEquals(Integer.valueOf(3), sessions.get(0).sessionNumber());
        assertEquals(7_200_000, sessions.get(0).durationMsec());
    }

    @Test
    void shortTimeoutSplitsMore() {
        List<TrackedEvent> events = List.of(
                event("a", "page_view", "2024-03-28T10:00:00Z"),
                event("a", "page_view", "2024-03-28T10:06:00Z"));

        assertEquals(2, Sessionizer.sessionize(events, Duration.ofMinutes(5), KEY_EVENTS).size());
    }

    @Test
    void engagementFollowsGa4Rules() {
        Session onePageShort = only(event("a", "page_view", "2024-03-28T10:00:00Z"),
                event("a", "scroll", "2024-03-28T10:00:10Z"));
        Session onePageLong = only(event("a", "page_view", "2024-03-28T10:00:00Z"),
                event("a", "scroll", "2024-03-28T10:00:10.001Z"));
        Session twoPages = only(event("a", "page_view", "2024-03-28T10:00:00Z"),
                event("a", "page_view", "2024-03-28T10:00:01Z"));
        Session keyEvent = only(event("a", "sign_up", "2024-03-28T10:00:00Z"));
        Session reportedShort = only(builder("a", "page_view", "2024-03-28T10:00:00Z").engagement(4_000).build(),
                builder("a", "user_engagement", "2024-03-28T10:05:00Z").engagement(6_000).build());
        Session senderFlagged = only(builder("a", "page_view", "2024-03-28T10:00:00Z").engaged(true).build());

        assertFalse(onePageShort.engaged(), "exactly 10 s is not longer than 10 s");
        assertTrue(onePageLong.engaged());
        assertTrue(twoPages.engaged());
        assertTrue(keyEvent.engaged());
        assertFalse(reportedShort.engaged(), "10 s of reported engagement, although 5 minutes passed");
        assertEquals(10_000, reportedShort.engagementTimeMsec());
        assertTrue(senderFlagged.engaged());
    }

    @Test
    void classicBounceCountsInteractionEvents() {
        Session pageAndNonInteraction = only(event("a", "page_view", "2024-03-28T10:00:00Z"),
                builder("a", "video_progress", "2024-03-28T10:01:00Z").nonInteraction().build(),
                event("a", "user_engagement", "2024-03-28T10:02:00Z"));
        Session pageAndClick = only(event("a", "page_view", "2024-03-28T10:00:00Z"),
                event("a", "click", "2024-03-28T10:01:00Z"));

        assertTrue(pageAndNonInteraction.singleInteraction());
        assertFalse(pageAndClick.singleInteraction());
    }

    @Test
    void trafficSourceComesFromFirstEvent() {
        Session session = only(
                builder("a", "page_view", "2024-03-28T10:00:00Z")
                        .page("https://shop.example/?utm_source=newsletter&utm_medium=email").build(),
                builder("a", "page_view", "2024-03-28T10:01:00Z").campaign("google", "cpc", "spring").build());

        assertEquals("newsletter", session.trafficSource().source());
        assertEquals("email", session.trafficSource().medium());
        assertEquals("/", session.landingPage());
    }

    @Test
    void sessionWithoutPageHasNoLandingPage() {
        Session session = only(event("a", "sign_up", "2024-03-28T10:00:00Z"));

        assertNull(session.landingPage());
        assertEquals("(direct)", session.trafficSource().source());
    }

    private static Session only(TrackedEvent... events) {
        List<Session> sessions = Sessionizer.sessionize(List.of(events), THIRTY_MINUTES, KEY_EVENTS);
        assertEquals(1, sessions.size());
        return sessions.get(0);
    }

    @Test
    void eventWithoutIdJoinsSenderSession() {
        List<TrackedEvent> events = List.of(
                builder("c", "page_view", "2024-03-28T14:00:00Z").session("200", 1).build(),
                event("c", "scroll", "2024-03-28T14:01:00Z"),
                // 31 minutes after the sender's session ended: a window of its own.
                event("c", "scroll", "2024-03-28T14:32:00Z"));

        List<Session> sessions = Sessionizer.sessionize(events, THIRTY_MINUTES, KEY_EVENTS);

        assertEquals(2, sessions.size());
        assertEquals("200", sessions.get(0).key());
        assertEquals(60_000, sessions.get(0).durationMsec());
        assertEquals(Integer.valueOf(1), sessions.get(0).sessionNumber());
        assertNull(sessions.get(1).sessionNumber());
    }

    @Test
    void eventsWithoutIdExtendSenderSession() {
        List<TrackedEvent> events = List.of(
                builder("c", "page_view", "2024-03-28T10:00:00Z").session("s1", 2).build(),
                builder("c", "page_view", "2024-03-28T10:10:00Z").session("s1", 2).build(),
                event("c", "scroll", "2024-03-28T10:35:00Z"),
                // 50 minutes after the sender's last event, but 25 after the scroll that joined it.
                event("c", "scroll", "2024-03-28T11:00:00Z"));

        List<Session> sessions = Sessionizer.sessionize(events, THIRTY_MINUTES, KEY_EVENTS);

        assertEquals(1, sessions.size());
        assertEquals(3_600_000, sessions.get(0).durationMsec());
    }
}
