package com.campaignkpi.replay;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads Plausible Analytics raw events (format {@code plausible-events}): the CSV dump of ClickHouse's
 * {@code events_v2} table, where {@code \N} is null and timestamps are UTC.
 *
 * <p>{@code pageview} becomes {@code page_view}; any other name becomes a valid GA4 name with the original kept in
 * param {@code plausible_name}. UTM columns become source, medium, campaign, content and term. Custom properties
 * (meta.key / meta.value) become params after the standard ones, so they are the first left out at the param limit.
 */
public final class PlausibleEventsReader implements ExportReader {

    public static final String FORMAT = "plausible-events";

    private static final List<String> COLUMNS = List.of(
            "timestamp", "name", "user_id", "session_id", "hostname", "pathname", "referrer", "screen_size",
            "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "meta.key", "meta.value",
            "revenue_reporting_amount", "revenue_reporting_currency");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    /** UTM column and the GA4 param it becomes, in the order the params are added. */
    private static final List<Map.Entry<String, String>> UTM_PARAMS = List.of(
            Map.entry("utm_source", "source"),
            Map.entry("utm_medium", "medium"),
            Map.entry("utm_campaign", "campaign"),
            Map.entry("utm_content", "content"),
            Map.entry("utm_term", "term"));
    /** Plausible's hostname when the browser sent none. */
    private static final String NO_HOSTNAME = "(none)";

    @Override
    public ReadResult read(Path file) throws IOException {
        ConversionStats stats = new ConversionStats();
        List<ReplayEvent> events = new ArrayList<>();
        Map<String, Integer> eventsPerSecond = new HashMap<>();
        try (CsvInput in = CsvInput.open(file, "\\N", COLUMNS)) {
            while (in.next()) {
                events.add(toEvent(in, stats, eventsPerSecond));
            }
        }
        return stats.toResult(events);
    }

    private static ReplayEvent toEvent(CsvInput in, ConversionStats stats, Map<String, Integer> eventsPerSecond) {
        String plausibleName = in.required("name");
        boolean pageview = plausibleName.equals("pageview");
        String sessionId = in.required("session_id");
        long micros = timestampMicros(in);
        ParamsBuilder params = ParamsBuilder.withEventIdSlot(stats).put("ga_session_id", sessionId);
        if (!pageview) {
            params.put("plausible_name", plausibleName);
        }
        for (Map.Entry<String, String> utm : UTM_PARAMS) {
            params.put(utm.getValue(), in.text(utm.getKey()));
        }
        String hostname = in.text("hostname");
        if (hostname != null && !hostname.equals(NO_HOSTNAME)) {
            params.put("page_location", "https://" + hostname + nullToEmpty(in.text("pathname")));
        }
        params.put("page_referrer", referrerUrl(in.text("referrer")));
        addRevenue(in, params);
        addCustomProperties(in, params);

        String name = pageview ? "page_view" : GaNames.eventName(plausibleName);
        return new ReplayEvent(in.required("user_id"), null, micros, name, params.build(),
                deviceCategory(in.text("screen_size")), eventId(sessionId, micros, eventsPerSecond));
    }

    /**
     * Returns session id, second and the event's position among the session's events of that second, in file
     * order. Plausible keeps identical rows as separate pageviews (25 in the plausible.io sample), and an id
     * derived from content would merge them.
     */
    private static String eventId(String sessionId, long micros, Map<String, Integer> eventsPerSecond) {
        String second = sessionId + "-" + micros / 1_000_000L;
        int position = eventsPerSecond.merge(second, 1, Integer::sum) - 1;
        return second + "-" + position;
    }

    /**
     * Plausible stores the referrer without its scheme ("google.com"), while a browser's document.referrer is an
     * absolute URL, so https:// is added where no scheme is present.
     */
    static String referrerUrl(String referrer) {
        if (referrer == null) {
            return null;
        }
        return URL_SCHEME.matcher(referrer).find() ? referrer : "https://" + referrer;
    }

    /** ClickHouse pads an empty FixedString(3) currency with NUL characters, which mean "no currency". */
    private static void addRevenue(CsvInput in, ParamsBuilder params) {
        BigDecimal amount = in.optionalDecimal("revenue_reporting_amount");
        if (amount == null) {
            return;
        }
        params.put("value", amount);
        String currency = in.text("revenue_reporting_currency");
        if (currency != null) {
            String code = currency.replace("\0", "").trim();
            params.put("currency", code.isEmpty() ? null : code.toUpperCase(Locale.ROOT));
        }
    }

    private static void addCustomProperties(CsvInput in, ParamsBuilder params) {
        List<String> keys = arrayColumn(in, "meta.key");
        List<String> values = arrayColumn(in, "meta.value");
        if (keys.size() != values.size()) {
            throw in.invalid("meta.value", "meta.key has " + keys.size() + " keys but meta.value has "
                    + values.size() + " values");
        }
        for (int i = 0; i < keys.size(); i++) {
            params.putIfAbsent(GaNames.paramName(keys.get(i)), values.get(i));
        }
    }

    private static List<String> arrayColumn(CsvInput in, String column) {
        String literal = in.text(column);
        if (literal == null) {
            return List.of();
        }
        try {
            return ClickHouseArrays.parseStrings(literal);
        } catch (IllegalArgumentException e) {
            throw in.invalid(column, e.getMessage());
        }
    }

    private static long timestampMicros(CsvInput in) {
        String text = in.required("timestamp");
        try {
            LocalDateTime time = LocalDateTime.parse(text.trim(), TIMESTAMP);
            return ChronoUnit.MICROS.between(LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), time);
        } catch (DateTimeParseException e) {
            throw in.invalid("timestamp", "expected a UTC time as yyyy-MM-dd HH:mm:ss, found '" + text + "'");
        }
    }

    /** Plausible's screen_size classes; GA4 has no laptop category, so laptops count as desktop. */
    static String deviceCategory(String screenSize) {
        if (screenSize == null) {
            return null;
        }
        return switch (screenSize.trim()) {
            case "Mobile" -> "mobile";
            case "Tablet" -> "tablet";
            case "Laptop", "Desktop" -> "desktop";
            default -> null;
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
