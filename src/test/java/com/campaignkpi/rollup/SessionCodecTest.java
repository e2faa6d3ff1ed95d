package com.campaignkpi.rollup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.session.Session;
import com.campaignkpi.session.Sessionizer;
import com.campaignkpi.session.TestEvents;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionCodecTest {

    /** Sessions with every kind of field set and unset: ids, campaign, engagement, purchases with items, bots. */
    private static List<Session> sessions() {
        List<TrackedEvent> events = new ArrayList<>();
        events.add(TestEvents.builder("c1", "page_view", "2024-04-02T09:00:00Z").session("s1", 3)
                .page("https://shop.example/a?utm_source=news&utm_medium=email&utm_campaign=spring")
                .campaign("news", "email", "spring").device("mobile").build());
        events.add(TestEvents.builder("c1", "purchase", "2024-04-02T09:05:00Z").session("s1", 3).user("u-1")
                .purchase("120.50", "EUR", "T-1").engagement(4_000).build());
        events.add(TestEvents.builder("c2", "page_view", "2024-04-02T10:00:00Z").referrer("https://www.google.com/")
                .engaged(true).build());
        events.add(TestEvents.builder("c2", "view_search_results", "2024-04-02T10:01:00Z").nonInteraction().build()
                .withBot(true));
        events.add(new TrackedEvent("e-items", "purchase", 1_712_052_000_000_000L, "c3", "کاربر", null, null,
                "https://shop.example/خرید", null, "خرید", null, Map.of("gclid", "abc"), null, null, false, null,
                new java.math.BigDecimal("1E+3"), "IRR", "T-2", "[{\"item_id\":\"X\",\"quantity\":2}]",
                Map.of("search_term", "دیجی کالا", "coupon", "NOWRUZ"), false));
        return Sessionizer.sessionize(events, Duration.ofMinutes(30), Set.of("purchase"));
    }

    @Test
    void sessionsComeBackEqual() {
        List<Session> sessions = sessions();

        List<Session> decoded = SessionCodec.decode(new ByteArrayInputStream(SessionCodec.encode(sessions)));

        assertEquals(sessions, decoded);
        assertEquals(3, decoded.size());
    }

    @Test
    void decodedSessionsEncodeToTheSameBytes() {
        byte[] bytes = SessionCodec.encode(sessions());

        byte[] again = SessionCodec.encode(SessionCodec.decode(new ByteArrayInputStream(bytes)));

        assertArrayEquals(bytes, again);
    }

    @Test
    void otherBytesAreRefused() {
        byte[] text = "not a rollup".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SessionCodec.decode(new ByteArrayInputStream(text)));

        assertEquals(true, error.getMessage().startsWith("rollup bytes are not sessions"), error.getMessage());
    }
}
