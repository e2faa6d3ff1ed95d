package com.campaignkpi.session;

import com.campaignkpi.ingest.CampaignParams;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.traffic.TrafficSource;
import com.campaignkpi.traffic.TrafficSourceResolver;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Folds the time-ordered events of one session into a {@link Session}. */
final class SessionBuilder {

    /** Events GA4 tags send by themselves, so they show nothing the visitor did. */
    static final Set<String> AUTOMATIC_EVENTS = Set.of("session_start", "first_visit", "first_open",
            "user_engagement");

    static final Set<String> PAGE_VIEW_EVENTS = Set.of("page_view", "screen_view");

    /** GA4's site-search events, whose {@code search_term} parameter contains the text searched for. */
    public static final Set<String> SEARCH_EVENTS = Set.of("search", "view_search_results");

    private SessionBuilder() {
    }

    static Session build(List<TrackedEvent> events, Set<String> keyEventNames) {
        TrackedEvent first = events.get(0);
        String userId = null;
        Integer sessionNumber = null;
        int pageViews = 0;
        int interactions = 0;
        Long engagement = null;
        boolean senderEngaged = false;
        int keyEvents = 0;
        List<TrackedEvent> purchases = new ArrayList<>();
        String landingPage = null;
        String device = null;
        Set<String> customerIds = new HashSet<>();
        customerIds.add(first.clientId());
        boolean bot = false;
        List<String> searchTerms = new ArrayList<>();

        for (TrackedEvent event : events) {
            if (event.userId() != null) {
                userId = event.userId();
                customerIds.add(event.userId());
            }
            sessionNumber = sessionNumber != null ? sessionNumber : event.sessionNumber();
            device = device != null ? device : event.deviceCategory();
            if (PAGE_VIEW_EVENTS.contains(event.name())) {
                pageViews++;
                landingPage = landingPage != null ? landingPage : path(event.pageLocation());
            }
            if (!event.nonInteraction() && !AUTOMATIC_EVENTS.contains(event.name())) {
                interactions++;
            }
            if (event.engagementTimeMsec() != null) {
                engagement = (engagement == null ? 0 : engagement) + event.engagementTimeMsec();
            }
            senderEngaged |= Boolean.TRUE.equals(event.sessionEngaged());
            if (keyEventNames.contains(event.name())) {
                keyEvents++;
            }
            if (event.name().equals("purchase")) {
                purchases.add(event);
            }
            bot |= event.bot();
            String searchTerm = event.params().get("search_term");
            if (SEARCH_EVENTS.contains(event.name()) && searchTerm != null) {
                searchTerms.add(searchTerm);
            }
        }

        TrackedEvent last = events.get(events.size() - 1);
        return new Session(first.clientId(), userId, sessionKey(first), first.timestampMicros(),
                last.timestampMicros(), sessionNumber, pageViews, interactions, engagement, senderEngaged, keyEvents,
                purchases, trafficSource(events), landingPage, device, customerIds, bot, searchTerms);
    }

    private static String sessionKey(TrackedEvent first) {
        return first.sessionId() != null ? first.sessionId() : "w" + first.timestampMicros();
    }

    /**
     * GA4 attributes a session to its first event that carries campaign data, a click id or a page URL; later events
     * do not change it.
     */
    private static TrafficSource trafficSource(List<TrackedEvent> events) {
        for (TrackedEvent event : events) {
            if (!event.campaign().isEmpty() || !event.clickIds().isEmpty() || event.pageLocation() != null
                    || event.pageReferrer() != null) {
                return TrafficSourceResolver.resolve(campaignParams(event), event.pageLocation(),
                        event.pageReferrer());
            }
        }
        return TrafficSource.DIRECT;
    }

    private static Map<String, String> campaignParams(TrackedEvent event) {
        Map<String, String> params = new HashMap<>(event.clickIds());
        CampaignParams campaign = event.campaign();
        putIfPresent(params, "source", campaign.source());
        putIfPresent(params, "medium", campaign.medium());
        putIfPresent(params, "campaign", campaign.campaign());
        putIfPresent(params, "term", campaign.term());
        putIfPresent(params, "content", campaign.content());
        putIfPresent(params, "campaign_id", campaign.campaignId());
        return params;
    }

    private static void putIfPresent(Map<String, String> params, String key, String value) {
        if (value != null) {
            params.put(key, value);
        }
    }

    /** Returns the path of a page URL without query or fragment, or the text itself when it is no URL. */
    static String path(String pageLocation) {
        if (pageLocation == null) {
            return null;
        }
        try {
            String path = URI.create(pageLocation.replace(" ", "%20")).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            int query = pageLocation.indexOf('?');
            return query < 0 ? pageLocation : pageLocation.substring(0, query);
        }
    }
}
