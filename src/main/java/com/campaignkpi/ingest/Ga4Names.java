package com.campaignkpi.ingest;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * GA4's rules for event and parameter names, shared by the collector, which rejects names that break them, and the
 * replay converters, which rename free-form names to fit them. Source: support.google.com/analytics/answer/13316687
 * ("Event naming rules"). Its reserved event names are the app-stream list. The web list there also names
 * page_view and other events GA4 collects itself, and the Measurement Protocol accepts those.
 */
public final class Ga4Names {

    public static final int MAX_NAME_LENGTH = 40;

    /** Letter first, then letters, digits or underscores. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public static final Set<String> RESERVED_PREFIXES = Set.of("_", "firebase_", "ga_", "google_", "gtag.");

    /**
     * Parameters with a reserved prefix that tag managers forward from GA4's own tags. The server-side GTM GA4
     * client passes them on, and they are the only session ids a web tag has.
     */
    public static final Set<String> FORWARDED_GA_PARAMS = Set.of("ga_session_id", "ga_session_number");

    /** Event names reserved by GA4; the Measurement Protocol rejects them. */
    public static final Set<String> RESERVED_EVENT_NAMES = Set.of(
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
    public static final Set<String> AUTOMATIC_EVENT_NAMES = Set.of(
            "first_open", "first_visit", "screen_view", "session_start", "user_engagement");

    private Ga4Names() {
    }

    /** Tells whether {@code name} matches {@link #NAME}, without creating a matcher, for the checks on every param. */
    public static boolean isValidName(String name) {
        if (name.isEmpty() || !isAsciiLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
