package com.campaignkpi.testing;

import com.campaignkpi.ingest.EventPartitions;
import com.campaignkpi.ingest.EventStore;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.property.Property;
import com.campaignkpi.session.Session;
import com.campaignkpi.session.Sessionizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Rebuilds the sessions of stored events, so an oracle test can compare them one by one with the source's. */
public final class StoredSessions {

    private StoredSessions() {
    }

    /** Sessions of {@code property}'s events on the UTC days {@code from} to {@code to}, by {@code keyOf}. */
    public static Map<String, Session> read(EventStore events, String property, LocalDate from, LocalDate to,
            Function<Session, String> keyOf) {
        List<TrackedEvent> all = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            all.addAll(events.readDay(new EventPartitions(property, 1), day));
        }
        Map<String, Session> byKey = new HashMap<>();
        for (Session session : Sessionizer.sessionize(all, Property.DEFAULT_SESSION_TIMEOUT,
                Property.DEFAULT_KEY_EVENTS)) {
            byKey.put(keyOf.apply(session), session);
        }
        return byKey;
    }
}
