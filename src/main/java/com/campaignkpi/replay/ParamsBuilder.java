package com.campaignkpi.replay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the params of one event within GA4's Measurement Protocol limits, which the server enforces: at most
 * 25 params, and string values of at most 100 characters, except page_location (1,000), page_referrer (420) and
 * page_title (300). Longer strings are cut to the limit and counted; params beyond the limit are left out and counted.
 * Null values and empty strings are not sent, as a GA4 tag omits unset params.
 */
final class ParamsBuilder {

    static final int MAX_PARAMS = 25;
    static final int MAX_VALUE_LENGTH = 100;
    static final Map<String, Integer> LONG_VALUE_LIMITS = Map.of(
            "page_location", 1000,
            "page_referrer", 420,
            "page_title", 300);

    private final ConversionStats stats;
    private final int maxParams;
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Creates a builder for up to 25 params. */
    ParamsBuilder(ConversionStats stats) {
        this(stats, MAX_PARAMS);
    }

    private ParamsBuilder(ConversionStats stats, int maxParams) {
        this.stats = stats;
        this.maxParams = maxParams;
    }

    /**
     * Creates a builder for up to 24 params, for events sent through the Measurement Protocol with an event id:
     * the id travels as a 25th param, {@code event_id}, because the protocol has no field for it.
     */
    static ParamsBuilder withEventIdSlot(ConversionStats stats) {
        return new ParamsBuilder(stats, MAX_PARAMS - 1);
    }

    /** Sets the param, replacing an earlier value of the same name. */
    ParamsBuilder put(String name, Object value) {
        if (value == null || (value instanceof String text && text.isEmpty())) {
            return this;
        }
        if (!params.containsKey(name) && params.size() >= maxParams) {
            stats.countDropped(name);
            return this;
        }
        params.put(name, value instanceof String text ? truncate(name, text) : value);
        return this;
    }

    /** Sets the param unless the event already has one of that name, in which case the value is counted as dropped. */
    ParamsBuilder putIfAbsent(String name, Object value) {
        if (params.containsKey(name)) {
            stats.countDropped(name);
            return this;
        }
        return put(name, value);
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    Map<String, Object> build() {
        return params;
    }

    private String truncate(String name, String value) {
        int limit = LONG_VALUE_LIMITS.getOrDefault(name, MAX_VALUE_LENGTH);
        if (value.codePointCount(0, value.length()) <= limit) {
            return value;
        }
        stats.countTruncated(name);
        return value.substring(0, value.offsetByCodePoints(0, limit));
    }
}
