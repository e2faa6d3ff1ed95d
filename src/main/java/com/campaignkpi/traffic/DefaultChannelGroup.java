package com.campaignkpi.traffic;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GA4's default channel groups, declared in the order in which GA4 evaluates their rules, each with the label GA4
 * shows in reports.
 *
 * <p>{@link #classify(String, String, String)} applies the rules for manually tagged traffic from the Analytics
 * Help article "[GA4] Default channel group",
 * <a href="https://support.google.com/analytics/answer/9756891">support.google.com/analytics/answer/9756891</a>.
 * The first matching rule wins:
 * <ol>
 * <li>Direct: source is "(direct)" and medium is "(not set)" or "(none)".</li>
 * <li>Cross-network: campaign contains "cross-network".</li>
 * <li>Paid Shopping: (source is a shopping site or campaign matches {@code ^(.*(([^a-df-z]|^)shop|shopping).*)$})
 * and medium matches {@code ^(.*cp.*|ppc|retargeting|paid.*)$}, the paid-medium pattern.</li>
 * <li>Paid Search, Paid Social, Paid Video: source is a search, social or video site and the medium is paid.</li>
 * <li>Display: medium is one of display, banner, expandable, interstitial, cpm.</li>
 * <li>Paid Other: the medium is paid.</li>
 * <li>Organic Shopping: source is a shopping site or campaign matches the shopping pattern.</li>
 * <li>Organic Social: source is a social site or medium is one of social, social-network, social-media, sm,
 * social network, social media.</li>
 * <li>Organic Video: source is a video site or medium matches {@code ^(.*video.*)$}.</li>
 * <li>Organic Search: source is a search site or medium is organic.</li>
 * <li>Referral: medium is one of referral, app, link.</li>
 * <li>Email: source or medium is one of email, e-mail, e_mail, e mail.</li>
 * <li>Affiliates: medium is affiliate.</li>
 * <li>Audio: medium is audio.</li>
 * <li>SMS: source or medium is sms.</li>
 * <li>Mobile Push Notifications: medium ends with "push" or contains "mobile" or "notification", or source is
 * firebase.</li>
 * <li>Unassigned: no rule matched.</li>
 * </ol>
 * Site categories come from {@link SourceCategories#bundled()}. Matching ignores case, as GA4 does, and the "one of"
 * and "is" conditions compare whole values.
 *
 * <p>NOTE: GA4 also assigns Google Ads, Display &amp; Video 360 and Search Ads 360 traffic by ad-network type or
 * creative format, which arrive through product links that this classifier does not have. Such traffic falls under
 * the rules above through its source and medium, for example google / cpc as Paid Search.
 */
public enum DefaultChannelGroup {
    DIRECT("Direct"),
    CROSS_NETWORK("Cross-network"),
    PAID_SHOPPING("Paid Shopping"),
    PAID_SEARCH("Paid Search"),
    PAID_SOCIAL("Paid Social"),
    PAID_VIDEO("Paid Video"),
    DISPLAY("Display"),
    PAID_OTHER("Paid Other"),
    ORGANIC_SHOPPING("Organic Shopping"),
    ORGANIC_SOCIAL("Organic Social"),
    ORGANIC_VIDEO("Organic Video"),
    ORGANIC_SEARCH("Organic Search"),
    REFERRAL("Referral"),
    EMAIL("Email"),
    AFFILIATES("Affiliates"),
    AUDIO("Audio"),
    SMS("SMS"),
    MOBILE_PUSH_NOTIFICATIONS("Mobile Push Notifications"),
    UNASSIGNED("Unassigned");

    private static final Pattern PAID_MEDIUM = Pattern.compile("^(.*cp.*|ppc|retargeting|paid.*)$", Pattern.DOTALL);
    private static final Pattern SHOPPING_CAMPAIGN =
            Pattern.compile("^(.*(([^a-df-z]|^)shop|shopping).*)$", Pattern.DOTALL);
    private static final Pattern VIDEO_MEDIUM = Pattern.compile("^(.*video.*)$", Pattern.DOTALL);

    private static final Set<String> DIRECT_MEDIA = Set.of("(not set)", "(none)");
    private static final Set<String> DISPLAY_MEDIA = Set.of("display", "banner", "expandable", "interstitial", "cpm");
    private static final Set<String> SOCIAL_MEDIA =
            Set.of("social", "social-network", "social-media", "sm", "social network", "social media");
    private static final Set<String> REFERRAL_MEDIA = Set.of("referral", "app", "link");
    private static final Set<String> EMAIL_VALUES = Set.of("email", "e-mail", "e_mail", "e mail");

    private final String label;

    DefaultChannelGroup(String label) {
        this.label = label;
    }

    /** Returns the name GA4 shows for this channel group, such as "Paid Search" or "Cross-network". */
    public String label() {
        return label;
    }

    /** Returns the channel group whose {@link #label()} equals {@code label}, ignoring case. */
    public static Optional<DefaultChannelGroup> fromLabel(String label) {
        for (DefaultChannelGroup group : values()) {
            if (group.label.equalsIgnoreCase(label == null ? "" : label.strip())) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /** Classifies a resolved traffic source; see {@link #classify(String, String, String)}. */
    public static DefaultChannelGroup classify(TrafficSource trafficSource) {
        return classify(trafficSource.source(), trafficSource.medium(), trafficSource.campaign());
    }

    /**
     * Assigns the default channel group of a session from its source, medium and campaign name with GA4's rules,
     * listed on this type. Null values count as empty, so a session with none of them is Unassigned.
     */
    public static DefaultChannelGroup classify(String source, String medium, String campaign) {
        String normalizedSource = normalize(source);
        String normalizedMedium = normalize(medium);
        String normalizedCampaign = normalize(campaign);
        SourceCategory category = SourceCategories.bundled().categoryOf(normalizedSource).orElse(null);

        if (normalizedSource.equals("(direct)") && DIRECT_MEDIA.contains(normalizedMedium)) {
            return DIRECT;
        }
        if (normalizedCampaign.contains("cross-network")) {
            return CROSS_NETWORK;
        }
        boolean shopping = category == SourceCategory.SHOPPING
                || SHOPPING_CAMPAIGN.matcher(normalizedCampaign).matches();
        DefaultChannelGroup paid = classifyPaid(category, shopping, normalizedMedium);
        if (paid != null) {
            return paid;
        }
        DefaultChannelGroup organic = classifyOrganic(category, shopping, normalizedMedium);
        if (organic != null) {
            return organic;
        }
        return classifyByMedium(normalizedSource, normalizedMedium);
    }

    /** Applies the rules from Paid Shopping to Paid Other; returns null when none matches. */
    private static DefaultChannelGroup classifyPaid(SourceCategory category, boolean shopping, String medium) {
        boolean paidMedium = PAID_MEDIUM.matcher(medium).matches();
        if (paidMedium && shopping) {
            return PAID_SHOPPING;
        }
        if (paidMedium && category == SourceCategory.SEARCH) {
            return PAID_SEARCH;
        }
        if (paidMedium && category == SourceCategory.SOCIAL) {
            return PAID_SOCIAL;
        }
        if (paidMedium && category == SourceCategory.VIDEO) {
            return PAID_VIDEO;
        }
        if (DISPLAY_MEDIA.contains(medium)) {
            return DISPLAY;
        }
        return paidMedium ? PAID_OTHER : null;
    }

    /** Applies the rules from Organic Shopping to Referral; returns null when none matches. */
    private static DefaultChannelGroup classifyOrganic(SourceCategory category, boolean shopping, String medium) {
        if (shopping) {
            return ORGANIC_SHOPPING;
        }
        if (category == SourceCategory.SOCIAL || SOCIAL_MEDIA.contains(medium)) {
            return ORGANIC_SOCIAL;
        }
        if (category == SourceCategory.VIDEO || VIDEO_MEDIUM.matcher(medium).matches()) {
            return ORGANIC_VIDEO;
        }
        if (category == SourceCategory.SEARCH || medium.equals("organic")) {
            return ORGANIC_SEARCH;
        }
        return REFERRAL_MEDIA.contains(medium) ? REFERRAL : null;
    }

    /** Applies the rules from Email to Mobile Push Notifications, then falls back to Unassigned. */
    private static DefaultChannelGroup classifyByMedium(String source, String medium) {
        if (EMAIL_VALUES.contains(source) || EMAIL_VALUES.contains(medium)) {
            return EMAIL;
        }
        if (medium.equals("affiliate")) {
            return AFFILIATES;
        }
        if (medium.equals("audio")) {
            return AUDIO;
        }
        if (source.equals("sms") || medium.equals("sms")) {
            return SMS;
        }
        if (medium.endsWith("push") || medium.contains("mobile") || medium.contains("notification")
                || source.equals("firebase")) {
            return MOBILE_PUSH_NOTIFICATIONS;
        }
        return UNASSIGNED;
    }

    private static String normalize(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
