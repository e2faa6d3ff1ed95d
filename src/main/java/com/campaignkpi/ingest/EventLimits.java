package com.campaignkpi.ingest;

import java.time.Duration;
import java.time.Instant;
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

    /** Latest event time any check accepts, so later arithmetic in microseconds cannot overflow. */
    static final Instant LATEST_EVENT_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** {@link #LATEST_EVENT_TIME} in microseconds since the epoch. */
    static final long LATEST_EVENT_MICROS = LATEST_EVENT_TIME.getEpochSecond() * 1_000_000L
            + LATEST_EVENT_TIME.getNano() / 1000;

    /** Engagement time one event may report: a day, in milliseconds; more is a broken timer. */
    static final long MAX_ENGAGEMENT_MSEC = 86_400_000L;

    /**
     * DynamoDB numbers: at most 38 significant digits, magnitudes from 1E-130 to below 1E126
     * (docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html).
     */
    static final int MAX_NUMBER_DIGITS = 38;
    static final int MAX_NUMBER_EXPONENT = 125;
    static final int MIN_NUMBER_EXPONENT = -130;

    /**
     * GA4 allows longer values for these page parameters than the general 100 characters. {@code user_agent} is this
     * product's own: a browser's user agent is often 120 to 250 characters, and bot detection reads 512.
     */
    static final Map<String, Integer> LONG_PARAM_LIMITS = Map.of(
            "page_location", 1000,
            "page_referrer", 420,
            "page_title", 300,
            "user_agent", 512);

    private EventLimits() {
    }
}
