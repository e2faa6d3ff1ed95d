package com.campaignkpi.traffic;

/**
 * Traffic source of a session in GA4's terms: source ("google", "newsletter", "m.facebook.com"), medium ("cpc",
 * "organic", "referral", "email"), campaign name, keyword term, ad content and campaign id.
 *
 * <p>Values keep the case they arrived in and lose surrounding blanks. A null or blank value becomes
 * {@value #NOT_SET}, the placeholder GA4 reports for a missing value.
 */
public record TrafficSource(String source, String medium, String campaign, String term, String content,
        String campaignId) {

    /** Placeholder GA4 reports when a traffic-source value is missing. */
    public static final String NOT_SET = "(not set)";

    /** Source and medium of a session without campaign tags, click ids or an external referrer. */
    public static final TrafficSource DIRECT = new TrafficSource("(direct)", "(none)", null, null, null, null);

    /** Replaces null and blank values with {@value #NOT_SET} and strips surrounding blanks. */
    public TrafficSource {
        source = orNotSet(source);
        medium = orNotSet(medium);
        campaign = orNotSet(campaign);
        term = orNotSet(term);
        content = orNotSet(content);
        campaignId = orNotSet(campaignId);
    }

    /** Creates a traffic source with only a source and a medium; the other values are {@value #NOT_SET}. */
    public static TrafficSource of(String source, String medium) {
        return new TrafficSource(source, medium, null, null, null, null);
    }

    /** Returns the GA4 default channel group of this traffic source. */
    public DefaultChannelGroup channelGroup() {
        return DefaultChannelGroup.classify(this);
    }

    private static String orNotSet(String value) {
        if (value == null || value.isBlank()) {
            return NOT_SET;
        }
        return value.strip();
    }
}
