package com.campaignkpi.ingest;

import java.time.Duration;
import java.util.Map;

/**
 * Limits of GA4's Measurement Protocol, applied to every webhook so what this product accepts is what GA4 would
 * accept. Sources: developers.google.com/analytics/devguides/collection/protocol/ga4/sending-events (limits) and
 * support.google.com/analytics/answer/9267744 (collection limits, page parameter lengths).
 */
final class EventLimits {

    static final int MAX_BODY_BYTES = 130_000;
    static final int MAX_EVENTS_PER_REQUEST = 25;
    static final int MAX_PARAMS_PER_EVENT = 25;
    static final int MAX_NAME_LENGTH = Ga4Names.MAX_NAME_LENGTH;
    static final int MAX_PARAM_VALUE_LENGTH = 100;
    static final int MAX_USER_PROPERTIES = 25;
    static final int MAX_USER_PROPERTY_NAME_LENGTH = 24;
    static final int MAX_USER_PROPERTY_VALUE_LENGTH = 36;
    static final int MAX_ITEMS_PER_EVENT = 200;
    static final int MAX_ID_LENGTH = 256;

    /** Oldest event time accepted outside import mode. */
    static final Duration MAX_EVENT_AGE = Duration.ofHours(72);

    /** Clock skew tolerated for event times ahead of the server's clock. */
    static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(15);

    /** GA4 allows longer values for these page parameters than the general 100 characters. */
    static final Map<String, Integer> LONG_PARAM_LIMITS = Map.of(
            "page_location", 1000,
            "page_referrer", 420,
            "page_title", 300);

    private EventLimits() {
    }
}
