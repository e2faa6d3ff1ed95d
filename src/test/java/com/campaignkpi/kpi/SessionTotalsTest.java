package com.campaignkpi.kpi;

import static com.campaignkpi.session.TestEvents.builder;
import static com.campaignkpi.session.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.session.Session;
import com.campaignkpi.session.Sessionizer;
import com.campaignkpi.visitor.Purchase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTotalsTest {

    private static List<Session> sessions(TrackedEvent... events) {
        return Sessionizer.sessionize(List.of(events), Duration.ofMinutes(30), Set.of("purchase", "sign_up"));
    }

    private static long micros(String iso) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(iso));
    }

    @Test
    void newAndReturningUsers() {
        List<Session> sessions = sessions(
                // Sender counts sessions: number 1 is new, 2 is returning.
                builder("numbered-new", "page_view", "2024-03-28T10:00:00Z").session("1", 1).build(),
                builder("numbered-back", "page_view", "2024-03-28T10:00:00Z").session("9", 2).build(),
                // No number: decided by the first stored event of the client.
                event("seen-before", "page_view", "2024-03-28T10:00:00Z"),
                event("never-seen", "page_view", "2024-03-28T10:00:00Z"),
                // Two sessions in the range, first and second: the client counts as new and as returning.
                event("both", "page_view", "2024-03-28T10:00:00Z"),
                event("both", "page_view", "2024-03-28T12:00:00Z"));
        VisitorHistory history = new VisitorHistory(Map.of(
                "seen-before", micros("2024-03-01T00:00:00Z"),
                "never-seen", micros("2024-03-28T10:00:00Z"),
                "both", micros("2024-03-28T10:00:00Z")), Map.of(), Long.MAX_VALUE);

        SessionTotals totals = SessionTotals.of(sessions, history);

        assertEquals(6, totals.sessions());
        assertEquals(5, totals.users());
        assertEquals(3, totals.newUsers());
        assertEquals(3, totals.returningUsers());
    }

    @Test
    void transactionsCountOncePerId() {
        List<Session> sessions = sessions(
                builder("a", "purchase", "2024-03-28T10:00:00Z").purchase("30.00", "USD", "T1").build(),
                builder("a", "purchase", "2024-03-28T10:00:05Z").purchase("30.00", "USD", "T1").build(),
                builder("b", "purchase", "2024-03-28T10:00:00Z").purchase("12.50", "USD", null).build());

        SessionTotals totals = SessionTotals.of(sessions, VisitorHistory.NONE);

        assertEquals(2, totals.transactions());
        assertEquals(new BigDecimal("42.50"), totals.revenue().sums().get("USD"));
        assertEquals(2L, totals.revenue().counts().get("USD"));
        assertEquals(3, totals.conversions(), "every purchase event is a key event");
        assertEquals(2, totals.convertingSessions());
    }

    @Test
    void lifetimeValueUsesHistoryBeforeRangeEnd() {
        List<Session> sessions = sessions(
                builder("a", "purchase", "2024-03-28T10:00:00Z").user("u1").purchase("30.00", "USD", "T3").build(),
                builder("b", "purchase", "2024-03-28T10:00:00Z").purchase("10.00", "USD", "T4").build());
        long rangeEnd = micros("2024-03-29T00:00:00Z");
        VisitorHistory history = new VisitorHistory(Map.of(), Map.of("u1", List.of(
                new Purchase("T1", micros("2023-12-01T00:00:00Z"), new BigDecimal("100.00"), "USD"),
                new Purchase("T3", micros("2024-03-28T10:00:00Z"), new BigDecimal("30.00"), "USD"),
                new Purchase("T9", micros("2024-04-02T00:00:00Z"), new BigDecimal("999.00"), "USD"))), rangeEnd);

        SessionTotals totals = SessionTotals.of(sessions, history);
        KpiValue clv = KpiCalculator.compute(totals).get("clv");

        assertEquals(2, totals.buyers());
        // u1: 100 + 30 before the range end (T9 is later); b: 10 with no stored history.
        assertEquals(new BigDecimal("140.00"), totals.lifetimeRevenue().sums().get("USD"));
        assertEquals(2L, totals.lifetimeRevenue().counts().get("USD"));
        assertEquals(new BigDecimal("70.0000"), clv.value());
        assertEquals("USD", clv.currency());
    }

    @Test
    void lifetimeValueFollowsLogin() {
        // Day 1: client X bought 30 USD before logging in, so the purchase is filed under X.
        // Day 2: the same client, logged in as U, buys 40 USD.
        List<Session> sessions = sessions(
                builder("X", "purchase", "2024-03-29T10:00:00Z").user("U").purchase("40.00", "USD", "T2").build());
        VisitorHistory history = new VisitorHistory(Map.of(), Map.of(
                "X", List.of(new Purchase("T1", micros("2024-03-28T10:00:00Z"), new BigDecimal("30.00"), "USD")),
                "U", List.of(new Purchase("T2", micros("2024-03-29T10:00:00Z"), new BigDecimal("40.00"), "USD"))),
                micros("2024-03-30T00:00:00Z"));

        KpiValue clv = KpiCalculator.compute(SessionTotals.of(sessions, history)).get("clv");

        assertEquals(new BigDecimal("70.0000"), clv.value());
        assertEquals(BigDecimal.ONE, clv.denominator());
    }
}
