package com.campaignkpi.snapshot;

import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.session.Session;
import com.campaignkpi.traffic.TrafficSource;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;

/** Dimensions a snapshot can be split by; each session falls into exactly one group. */
public enum GroupBy {
    DATE("date", (session, zone) -> startDate(session, zone).toString()),
    /** ISO weeks, keyed by the Monday they start on, for weekly time series. */
    WEEK("week", (session, zone) -> startDate(session, zone).with(DayOfWeek.MONDAY).toString()),
    /** Calendar months, keyed yyyy-MM, for monthly time series. */
    MONTH("month", (session, zone) -> YearMonth.from(startDate(session, zone)).toString()),
    SOURCE("source", (session, zone) -> session.trafficSource().source()),
    MEDIUM("medium", (session, zone) -> session.trafficSource().medium()),
    SOURCE_MEDIUM("source_medium", (session, zone) -> session.trafficSource().source() + " / "
            + session.trafficSource().medium()),
    CAMPAIGN("campaign", (session, zone) -> orNotSet(session.trafficSource().campaign())),
    CHANNEL_GROUP("channel_group", (session, zone) -> session.trafficSource().channelGroup().label()),
    LANDING_PAGE("landing_page", (session, zone) -> orNotSet(session.landingPage())),
    DEVICE_CATEGORY("device_category", (session, zone) -> orNotSet(session.deviceCategory()));

    private final String id;
    private final BiFunction<Session, ZoneId, String> key;

    GroupBy(String id, BiFunction<Session, ZoneId, String> key) {
        this.id = id;
        this.key = key;
    }

    public String id() {
        return id;
    }

    public String keyOf(Session session, ZoneId zone) {
        return key.apply(session, zone);
    }

    /** Returns whether the groups are periods of time, listed in time order rather than largest first. */
    public boolean isTimeSeries() {
        return this == DATE || this == WEEK || this == MONTH;
    }

    public static Optional<GroupBy> fromId(String id) {
        return Arrays.stream(values()).filter(value -> value.id.equals(id)).findFirst();
    }

    static LocalDate startDate(Session session, ZoneId zone) {
        return LocalDate.ofInstant(EpochMicros.toInstant(session.startMicros()), zone);
    }

    private static String orNotSet(String value) {
        return value == null || value.isEmpty() ? TrafficSource.NOT_SET : value;
    }
}
