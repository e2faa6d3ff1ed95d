package com.campaignkpi.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Limits of GA4's Measurement Protocol, applied to every webhook so what this product accepts is what GA4 would
 * accept. Sources: developers.google.com/analytics/devguides/collection/protocol/ga4/sending-events (limits) and
 * support.google.com/analytics/answer/9267744 (collection limits, page parameter lengths).
 */
final class EventLimits {

    static final int MAX_BODY_BYTES = 130_000;
    static final int MAX_EVENTS_PER_REQUEST = 25;
    static final int MAX_PARAMS_PER_EVENT = 25;
    static final int MAX_NAME_LENGTH = 40;
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

    /** Letter first, then letters, digits or underscores. */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    static final Set<String> RESERVED_PREFIXES = Set.of("_", "firebase_", "ga_", "google_", "gtag.");

    /**
     * Parameters with a reserved prefix that tag managers forward from GA4's own tags. The server-side GTM GA4
     * client passes them on, and they are the only session ids a web tag has.
     */
    static final Set<String> FORWARDED_GA_PARAMS = Set.of("ga_session_id", "ga_session_number");

    /** Event names reserved by GA4; the Measurement Protocol rejects them. */
    static final Set<String> RESERVED_EVENT_NAMES = Set.of(
            "ad_activeview", "ad_click", "ad_exposure", "ad_query", "ad_reward", "adunit_exposure",
            "app_background", "app_clear_data", "app_exception", "app_install", "app_remove", "app_store_refund",
            "app_update", "app_upgrade", "dynamic_link_app_open", "dynamic_link_app_update",
            "dynamic_link_first_open", "error", "firebase_campaign", "firebase_in_app_message_action",
            "firebase_in_app_message_dismiss", "firebase_in_app_message_impression", "first_open", "first_visit",
            "in_app_purchase", "notification_dismiss", "notification_foreground", "notification_open",
            "notification_receive", "notification_send", "os_update", "screen_view", "session_start",
            "user_engagement");

    /**
     * Reserved names that GA4's own tags collect automatically. The canonical endpoint accepts them, because a site
     * or CDP forwarding what its tags saw has them, while the Measurement Protocol endpoint rejects them as GA4 does.
     */
    static final Set<String> AUTOMATIC_EVENT_NAMES = Set.of(
            "first_open", "first_visit", "screen_view", "session_start", "user_engagement");

    private EventLimits() {
    }
}
