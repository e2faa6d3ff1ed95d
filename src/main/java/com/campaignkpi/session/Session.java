package com.campaignkpi.session;

import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.traffic.TrafficSource;
import java.util.List;
import java.util.Set;

/**
 * One visit of one client, built from its events.
 *
 * @param clientId          the client the session belongs to
 * @param userId            the last user id seen in the session, or null
 * @param key               the sender's session id, or {@code w<first event micros>} for an inactivity window
 * @param startMicros       time of the first event, microseconds since the epoch; the session counts on its day
 * @param endMicros         time of the last event
 * @param sessionNumber     the sender's count of the client's sessions, or null when not sent
 * @param pageViews         page_view and screen_view events
 * @param interactionEvents events that count for the classic bounce: all but non-interaction and automatic events
 * @param engagementMsec    sum of engagement_time_msec, or null when no event reported it
 * @param senderEngaged     true when an event carried session_engaged = 1
 * @param keyEvents         events whose name is one of the property's key events
 * @param purchases         purchase events, in time order
 * @param trafficSource     source, medium and campaign of the session's first event
 * @param landingPage       path of the first page view, or null
 * @param deviceCategory    device category of the first event that named one, or null
 * @param customerIds       every id the client's purchases may be filed under: the client id and each user id seen
 *                          in the session, so a purchase made before a login still counts for the logged-in customer
 * @param bot               true when any event of the session came from a user agent on the crawler list
 * @param searchTerms       the {@code search_term} of each site search ({@code search} and {@code view_search_results}
 *                          events) in time order
 */
public record Session(
        String clientId,
        String userId,
        String key,
        long startMicros,
        long endMicros,
        Integer sessionNumber,
        int pageViews,
        int interactionEvents,
        Long engagementMsec,
        boolean senderEngaged,
        int keyEvents,
        List<TrackedEvent> purchases,
        TrafficSource trafficSource,
        String landingPage,
        String deviceCategory,
        Set<String> customerIds,
        boolean bot,
        List<String> searchTerms) {

    /** GA4: a session is engaged when it lasted longer than 10 seconds, had a key event or 2+ page views. */
    public static final long ENGAGED_AFTER_MSEC = 10_000;

    public Session {
        purchases = List.copyOf(purchases);
        customerIds = Set.copyOf(customerIds);
        searchTerms = List.copyOf(searchTerms);
    }

    /** Milliseconds from the first to the last event. */
    public long durationMsec() {
        return (endMicros - startMicros) / 1000;
    }

    /**
     * Engagement time in milliseconds: the reported engagement time when any event carried one, else the time from
     * first to last event (for senders such as Universal Analytics and Plausible that report no engagement time).
     */
    public long engagementTimeMsec() {
        return engagementMsec != null ? engagementMsec : durationMsec();
    }

    /** GA4's engaged session, with {@link #engagementTimeMsec()} as the length. */
    public boolean engaged() {
        return senderEngaged || engagementTimeMsec() > ENGAGED_AFTER_MSEC || keyEvents > 0 || pageViews >= 2;
    }

    /** Tells whether the session is a classic bounce (Universal Analytics, Plausible, Matomo): one interaction. */
    public boolean singleInteraction() {
        return interactionEvents == 1;
    }

    public String customerId() {
        return userId != null ? userId : clientId;
    }
}
