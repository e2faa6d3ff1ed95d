package com.campaignkpi.traffic;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the traffic source of a session from its first event, the way GA4 attributes a new session:
 * <ol>
 * <li>A Google click id (gclid, gbraid, wbraid, dclid) in the event parameters or the page URL makes the session
 * google / cpc. Campaign, term, content and campaign id still come from UTM tags when present. GA4 documents that
 * auto-tagged values win over manual tags for source and medium
 * (<a href="https://support.google.com/analytics/answer/11242870">support.google.com/analytics/answer/11242870</a>);
 * the Google Ads campaign name itself needs a Google Ads link, which this product does not have.</li>
 * <li>Campaign tags in the event parameters ("source", "medium", "campaign", "term", "content", "campaign_id", or
 * their "utm_" names) win next. They are taken as one set and never mixed with tags from the page URL.</li>
 * <li>Otherwise the UTM tags in the query of the page URL: utm_source, utm_medium, utm_campaign, utm_term,
 * utm_content and utm_id.</li>
 * <li>Otherwise a click id of another ad platform: msclkid is bing / cpc, ttclid is tiktok / cpc and li_fat_id is
 * linkedin / cpc. GA4 does not read these ids, but those platforms add them only to ad clicks.</li>
 * <li>Otherwise an external referrer, one whose host differs from the page host after dropping a leading "www.". A
 * search site from {@link SourceCategories} gives medium organic and, when the list has the site's short name,
 * that name as source ("google" for www.google.co.uk, as GA4 reports it). Any other referrer gives its host
 * without "www." and medium referral.</li>
 * <li>Otherwise an fbclid makes the session facebook / referral. Facebook adds fbclid to every outbound link, from
 * ads and from unpaid posts alike, so it cannot mean paid. GA4 does not read fbclid and reports such a session
 * without a referrer as Direct, so this step is the one place where this resolver deliberately differs.</li>
 * <li>Otherwise {@link TrafficSource#DIRECT}.</li>
 * </ol>
 * A parameter or tag counts only with a non-blank value. Parameter names are matched ignoring case.
 *
 * <p>NOTE: GA4 can exclude referrers listed as unwanted referrals or as cross-domain hosts in its settings. This
 * resolver treats every other host as external, including subdomains of the page host ("shop.example.com" on
 * "example.com").
 */
public final class TrafficSourceResolver {

    private static final String GOOGLE = "google";
    private static final String CPC = "cpc";

    /** Click ids in order of precedence, each with the source it implies; the medium is always cpc. */
    private enum ClickId {
        GCLID("gclid", GOOGLE, true),
        GBRAID("gbraid", GOOGLE, true),
        WBRAID("wbraid", GOOGLE, true),
        // NOTE: dclid marks Display & Video 360 and Campaign Manager 360 clicks, so google / cpc (Paid Search) is a
        // fallback. GA4 with those product links classifies them by creative format, for example as Display.
        DCLID("dclid", GOOGLE, true),
        MSCLKID("msclkid", "bing", false),
        TTCLID("ttclid", "tiktok", false),
        LI_FAT_ID("li_fat_id", "linkedin", false);

        private final String parameter;
        private final String source;
        private final boolean googleAutoTag;

        ClickId(String parameter, String source, boolean googleAutoTag) {
            this.parameter = parameter;
            this.source = source;
            this.googleAutoTag = googleAutoTag;
        }
    }

    private TrafficSourceResolver() {
    }

    /**
     * Resolves the traffic source of a session.
     *
     * @param campaignParams event parameters of the first event; may be null
     * @param pageLocation   URL of the first page (GA4's page_location); may be null or invalid
     * @param pageReferrer   referrer of the first page (GA4's page_referrer); may be null or invalid
     */
    public static TrafficSource resolve(Map<String, String> campaignParams, String pageLocation,
            String pageReferrer) {
        Map<String, String> params = withLowerCaseNames(campaignParams);
        UrlParts page = UrlParts.parse(pageLocation);
        CampaignTags tags = CampaignTags.fromParams(params);
        if (!tags.present()) {
            tags = CampaignTags.fromQuery(page.query());
        }
        Optional<ClickId> clickId = findClickId(params, page.query());

        if (clickId.isPresent() && clickId.get().googleAutoTag) {
            return tags.toTrafficSource(GOOGLE, CPC);
        }
        if (tags.present()) {
            return tags.toTrafficSource(tags.source, tags.medium);
        }
        if (clickId.isPresent()) {
            return tags.toTrafficSource(clickId.get().source, CPC);
        }

        Optional<TrafficSource> referral = fromReferrer(page, UrlParts.parse(pageReferrer));
        if (referral.isPresent()) {
            return referral.get();
        }
        if (firstValue(params, "fbclid") != null || page.query().containsKey("fbclid")) {
            return TrafficSource.of("facebook", "referral");
        }
        return TrafficSource.DIRECT;
    }

    private static Optional<TrafficSource> fromReferrer(UrlParts page, UrlParts referrer) {
        String referrerHost = HostNames.withoutWww(referrer.host());
        if (referrerHost.isEmpty() || referrerHost.equals(HostNames.withoutWww(page.host()))) {
            return Optional.empty();
        }
        SourceCategories categories = SourceCategories.bundled();
        if (categories.categoryOf(referrerHost).orElse(null) != SourceCategory.SEARCH) {
            return Optional.of(TrafficSource.of(referrerHost, "referral"));
        }

        String siteName = HostNames.siteName(referrerHost);
        boolean listedName = categories.categoryOf(siteName).orElse(null) == SourceCategory.SEARCH;
        return Optional.of(TrafficSource.of(listedName ? siteName : referrerHost, "organic"));
    }

    private static Optional<ClickId> findClickId(Map<String, String> params, Map<String, String> query) {
        for (ClickId clickId : ClickId.values()) {
            if (firstValue(params, clickId.parameter) != null || query.containsKey(clickId.parameter)) {
                return Optional.of(clickId);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> withLowerCaseNames(Map<String, String> params) {
        Map<String, String> result = new HashMap<>();
        if (params == null) {
            return result;
        }
        params.forEach((name, value) -> {
            if (name != null && value != null && !value.isBlank()) {
                result.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), value.strip());
            }
        });
        return result;
    }

    /** Returns the value of the first of {@code names} present in {@code values}, or null. */
    private static String firstValue(Map<String, String> values, String... names) {
        for (String name : names) {
            String value = values.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Campaign tags of one origin, event parameters or page URL; null fields are absent. */
    private record CampaignTags(String source, String medium, String campaign, String term, String content,
            String campaignId) {

        static CampaignTags fromParams(Map<String, String> params) {
            return new CampaignTags(
                    firstValue(params, "source", "utm_source"),
                    firstValue(params, "medium", "utm_medium"),
                    firstValue(params, "campaign", "utm_campaign"),
                    firstValue(params, "term", "utm_term"),
                    firstValue(params, "content", "utm_content"),
                    firstValue(params, "campaign_id", "utm_id", "utm_campaign_id"));
        }

        static CampaignTags fromQuery(Map<String, String> query) {
            return new CampaignTags(
                    query.get("utm_source"),
                    query.get("utm_medium"),
                    query.get("utm_campaign"),
                    query.get("utm_term"),
                    query.get("utm_content"),
                    query.get("utm_id"));
        }

        /** Returns whether the tags name a source, medium, campaign or campaign id; term or content alone is not. */
        boolean present() {
            return source != null || medium != null || campaign != null || campaignId != null;
        }

        TrafficSource toTrafficSource(String resolvedSource, String resolvedMedium) {
            return new TrafficSource(resolvedSource, resolvedMedium, campaign, term, content, campaignId);
        }
    }
}
