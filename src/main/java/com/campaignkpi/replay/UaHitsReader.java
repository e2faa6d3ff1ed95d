package com.campaignkpi.replay;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Universal Analytics hits (format {@code ua-hits}): one CSV row per hit with the session's fields repeated,
 * as flattened from the BigQuery {@code ga_sessions_} export.
 *
 * <p>Each PAGE hit becomes a {@code page_view} and each EVENT hit a {@code ua_event}, at visitStartTime plus the
 * hit's offset. A hit with a transaction id and revenue also yields a {@code purchase} at the same time, marked
 * {@code non_interaction} because the page view of that hit already counts as the interaction. The session's
 * traffic source goes on its first hit, as a GA4 tag sends campaign params on the landing page only.
 */
public final class UaHitsReader implements ExportReader {

    public static final String FORMAT = "ua-hits";

    private static final List<String> COLUMNS = List.of(
            "fullVisitorId", "visitId", "visitNumber", "visitStartTime", "deviceCategory", "source", "medium",
            "campaign", "keyword", "hitNumber", "hit_time_ms", "type", "isInteraction", "hostname", "pagePath",
            "pageTitle", "referer", "eventCategory", "eventAction", "eventLabel", "eventValue", "transactionId",
            "transactionRevenue_micros", "currencyCode");
    private static final String DEFAULT_CURRENCY = "USD";
    private static final int MICROS_PER_UNIT_SCALE = 6;

    @Override
    public ReadResult read(Path file) throws IOException {
        Map<String, Long> firstHitNumbers = firstHitNumbers(file);
        ConversionStats stats = new ConversionStats();
        List<ReplayEvent> events = new ArrayList<>();
        try (CsvInput in = CsvInput.open(file, null, COLUMNS)) {
            while (in.next()) {
                addEvents(in, firstHitNumbers, stats, events);
            }
        }
        return stats.toResult(events);
    }

    /**
     * Finds each session's lowest hitNumber. It is 1 unless the export lost the session's first hits (14 sessions
     * of the Google Merchandise Store sample start at a later hit), and the traffic source belongs on that hit.
     */
    private static Map<String, Long> firstHitNumbers(Path file) throws IOException {
        Map<String, Long> first = new HashMap<>();
        try (CsvInput in = CsvInput.open(file, null, COLUMNS)) {
            while (in.next()) {
                String session = sessionKey(in.required("fullVisitorId"), in.requiredLong("visitId"));
                first.merge(session, in.requiredLong("hitNumber"), Math::min);
            }
        }
        return first;
    }

    private static void addEvents(CsvInput in, Map<String, Long> firstHitNumbers, ConversionStats stats,
            List<ReplayEvent> events) {
        String clientId = in.required("fullVisitorId");
        long visitId = in.requiredLong("visitId");
        long hitNumber = in.requiredLong("hitNumber");
        Hit hit = new Hit(clientId, visitId, clientId + "-" + visitId + "-" + hitNumber, hitTimeMicros(in),
                deviceCategory(in.text("deviceCategory")),
                hitNumber == firstHitNumbers.get(sessionKey(clientId, visitId)));

        String type = in.required("type");
        switch (type) {
            case "PAGE" -> events.add(hitEvent(in, hit, "page_view", stats));
            case "EVENT" -> events.add(hitEvent(in, hit, "ua_event", stats));
            default -> stats.countSkipped("hit type " + type);
        }

        Long revenueMicros = in.optionalLong("transactionRevenue_micros");
        String transactionId = in.text("transactionId");
        if (transactionId != null && revenueMicros != null) {
            ParamsBuilder purchase = sessionParams(in, hit, stats)
                    .put("transaction_id", transactionId)
                    .put("value", unitsFromMicros(revenueMicros))
                    .put("currency", currency(in.text("currencyCode")))
                    .put("non_interaction", true);
            events.add(new ReplayEvent(clientId, null, hit.micros(), "purchase", purchase.build(), hit.device(),
                    hit.eventId() + "-purchase"));
        }
    }

    private static ReplayEvent hitEvent(CsvInput in, Hit hit, String name, ConversionStats stats) {
        ParamsBuilder params = sessionParams(in, hit, stats);
        if (hit.firstOfSession()) {
            addTrafficSource(in, params);
        }
        addPageParams(in, params);
        if (name.equals("ua_event")) {
            addEventParams(in, params);
        }
        if (!isInteraction(in)) {
            params.put("non_interaction", true);
        }
        return new ReplayEvent(hit.clientId(), null, hit.micros(), name, params.build(), hit.device(), hit.eventId());
    }

    private static ParamsBuilder sessionParams(CsvInput in, Hit hit, ConversionStats stats) {
        return ParamsBuilder.withEventIdSlot(stats)
                .put("ga_session_id", hit.visitId())
                .put("ga_session_number", in.requiredLong("visitNumber"));
    }

    /** UA reports an unknown campaign as "(not set)" and a hidden search term as "(not provided)"; GA4 omits both. */
    private static void addTrafficSource(CsvInput in, ParamsBuilder params) {
        params.put("source", in.text("source"));
        params.put("medium", in.text("medium"));
        String campaign = in.text("campaign");
        if (!"(not set)".equals(campaign)) {
            params.put("campaign", campaign);
        }
        String keyword = in.text("keyword");
        if (!"(not provided)".equals(keyword)) {
            params.put("term", keyword);
        }
    }

    private static void addPageParams(CsvInput in, ParamsBuilder params) {
        String hostname = in.text("hostname");
        String pagePath = in.text("pagePath");
        if (hostname != null) {
            params.put("page_location", "https://" + hostname + (pagePath == null ? "/" : pagePath));
        }
        params.put("page_title", in.text("pageTitle"));
        params.put("page_referrer", in.text("referer"));
    }

    private static void addEventParams(CsvInput in, ParamsBuilder params) {
        params.put("event_category", in.text("eventCategory"));
        params.put("event_action", in.text("eventAction"));
        params.put("event_label", in.text("eventLabel"));
        params.put("event_value", in.optionalLong("eventValue"));
    }

    /** Returns true unless the hit is marked non-interactive; a blank isInteraction counts as interactive. */
    private static boolean isInteraction(CsvInput in) {
        String value = in.text("isInteraction");
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw in.invalid("isInteraction", "expected True or False, found '" + value + "'");
    }

    /** visitStartTime is in seconds since the Unix epoch and hit_time_ms in milliseconds since the session start. */
    private static long hitTimeMicros(CsvInput in) {
        long startSeconds = in.requiredLong("visitStartTime");
        long offsetMillis = in.requiredLong("hit_time_ms");
        if (startSeconds < 0 || offsetMillis < 0) {
            throw in.invalid(startSeconds < 0 ? "visitStartTime" : "hit_time_ms", "the time must not be negative");
        }
        return Math.addExact(Math.multiplyExact(startSeconds, 1_000_000L), Math.multiplyExact(offsetMillis, 1000L));
    }

    /** Converts UA revenue in micros (1,000,000 per currency unit) to an exact decimal without trailing zeros. */
    static BigDecimal unitsFromMicros(long micros) {
        BigDecimal units = BigDecimal.valueOf(micros, MICROS_PER_UNIT_SCALE).stripTrailingZeros();
        return units.scale() < 0 ? units.setScale(0) : units;
    }

    private static String currency(String currencyCode) {
        return currencyCode == null ? DEFAULT_CURRENCY : currencyCode.trim().toUpperCase(Locale.ROOT);
    }

    private static String deviceCategory(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String sessionKey(String clientId, long visitId) {
        return clientId + '\u0000' + visitId;
    }

    /**
     * The fields every event of one hit shares. The event id is visitor, visit and hit number, which identify a hit
     * in UA; the sample has hits with equal time and content, which an id derived from content would merge.
     * micros is the hit time in microseconds since the Unix epoch.
     */
    private record Hit(String clientId, long visitId, String eventId, long micros, String device,
            boolean firstOfSession) {
    }
}
