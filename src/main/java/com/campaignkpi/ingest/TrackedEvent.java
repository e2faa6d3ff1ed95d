package com.campaignkpi.ingest;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One accepted tracking event of a property, normalised from a Measurement Protocol body or the canonical JSON.
 *
 * @param eventId            the sender's event id, or a fingerprint of the content when it gave none
 * @param name               GA4 event name, such as {@code page_view} or {@code purchase}
 * @param timestampMicros    event time, microseconds since the Unix epoch (UTC)
 * @param clientId           browser or app instance id ({@code client_id} or {@code app_instance_id})
 * @param userId             the site's own user id, or null
 * @param sessionId          the sender's session id ({@code ga_session_id}), or null to sessionise by inactivity
 * @param sessionNumber      the sender's count of this client's sessions ({@code ga_session_number}), or null
 * @param engagementTimeMsec foreground time the page reported with this event, in milliseconds, or null
 * @param sessionEngaged     the sender's own verdict ({@code session_engaged}), or null when not given
 * @param nonInteraction     true when the event must not count as an interaction (Universal Analytics' flag)
 * @param value              monetary value in {@code currency}, or null
 * @param currency           ISO 4217 code of {@code value}, or null
 * @param itemsJson          the {@code items} array as JSON, or null
 * @param clickIds           ad click ids by parameter name ({@code gclid}, {@code fbclid}, ...)
 * @param params             every other parameter, as text
 * @param bot                true when the event's user agent is on the crawler list (see
 *                           {@link com.campaignkpi.bot.BotDetector}); snapshots leave out sessions with such an event
 */
public record TrackedEvent(
        String eventId,
        String name,
        long timestampMicros,
        String clientId,
        String userId,
        String sessionId,
        Integer sessionNumber,
        String pageLocation,
        String pageReferrer,
        String pageTitle,
        CampaignParams campaign,
        Map<String, String> clickIds,
        Long engagementTimeMsec,
        Boolean sessionEngaged,
        boolean nonInteraction,
        String deviceCategory,
        BigDecimal value,
        String currency,
        String transactionId,
        String itemsJson,
        Map<String, String> params,
        boolean bot) {

    public TrackedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientId, "clientId");
        campaign = campaign == null ? CampaignParams.NONE : campaign;
        clickIds = clickIds == null ? Map.of() : Map.copyOf(clickIds);
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /**
     * Creates an event that no bot user agent was seen for. Copying an event through this constructor loses its
     * {@code bot} flag.
     */
    public TrackedEvent(String eventId, String name, long timestampMicros, String clientId, String userId,
            String sessionId, Integer sessionNumber, String pageLocation, String pageReferrer, String pageTitle,
            CampaignParams campaign, Map<String, String> clickIds, Long engagementTimeMsec, Boolean sessionEngaged,
            boolean nonInteraction, String deviceCategory, BigDecimal value, String currency, String transactionId,
            String itemsJson, Map<String, String> params) {
        this(eventId, name, timestampMicros, clientId, userId, sessionId, sessionNumber, pageLocation, pageReferrer,
                pageTitle, campaign, clickIds, engagementTimeMsec, sessionEngaged, nonInteraction, deviceCategory,
                value, currency, transactionId, itemsJson, params, false);
    }

    /** Returns this event with its {@code bot} flag set to {@code bot}. */
    public TrackedEvent withBot(boolean bot) {
        if (bot == this.bot) {
            return this;
        }
        return new TrackedEvent(eventId, name, timestampMicros, clientId, userId, sessionId, sessionNumber,
                pageLocation, pageReferrer, pageTitle, campaign, clickIds, engagementTimeMsec, sessionEngaged,
                nonInteraction, deviceCategory, value, currency, transactionId, itemsJson, params, bot);
    }

    /** Customer identity for lifetime value: the site's user id when known, else the client id. */
    public String customerId() {
        return userId != null ? userId : clientId;
    }
}
