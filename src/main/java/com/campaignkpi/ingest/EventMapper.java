package com.campaignkpi.ingest;

import com.campaignkpi.property.Secrets;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Maps a validated {@link IncomingEvent} to a {@link TrackedEvent}: GA4 parameter names to typed fields. */
final class EventMapper {

    /** Ad click ids recognised in params and page URLs, by the parameter name each network appends. */
    static final Set<String> CLICK_ID_PARAMS = Set.of(
            "gclid", "gbraid", "wbraid", "dclid", "fbclid", "msclkid", "ttclid", "twclid", "li_fat_id", "yclid",
            "epik", "sccid", "rdt_cid", "irclickid");

    /** Prefix of an event id the sender chose; a fingerprint starts with {@link #FINGERPRINT_PREFIX}. */
    static final String SENDER_ID_PREFIX = "id:";
    static final String FINGERPRINT_PREFIX = "fp:";

    /** Events whose value is revenue, so the value must come with a currency. */
    private static final Set<String> REVENUE_EVENTS = Set.of("purchase", "refund");

    private static final Set<String> CONSUMED = Set.of(
            "event_id", "ga_session_id", "session_id", "ga_session_number", "session_number", "page_location",
            "page_referrer", "page_title", "source", "medium", "campaign", "term", "content", "campaign_id",
            "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id", "engagement_time_msec",
            "session_engaged", "non_interaction", "value", "currency", "transaction_id", "items");

    /** A mapped event, or the reason it cannot be stored. */
    record Result(TrackedEvent event, Violation violation) {
    }

    private EventMapper() {
    }

    static Result map(IncomingEvent incoming, Instant receivedAt) {
        JsonNode raw = incoming.raw();
        JsonNode params = raw.path("params");
        String name = raw.get("name").asText();

        BigDecimal value = ParamValues.normalized(ParamValues.asDecimal(params.get("value")));
        String currency = ParamValues.asText(params.get("currency"));
        if (value != null && currency == null && REVENUE_EVENTS.contains(name)) {
            String path = incoming.path() + ".params.currency";
            return new Result(null, new Violation(path, path + " is missing: a " + name + " with a value needs an "
                    + "ISO 4217 currency, because amounts in different currencies cannot be added up"));
        }

        long micros = timestampMicros(incoming, receivedAt);
        String pageLocation = ParamValues.asText(params.get("page_location"));
        Map<String, String> pageQuery = UrlQuery.parse(pageLocation);

        TrackedEvent event = new TrackedEvent(
                eventId(incoming, name, micros),
                name,
                micros,
                incoming.clientId(),
                incoming.userId(),
                firstText(params, "ga_session_id", "session_id"),
                sessionNumber(params),
                pageLocation,
                ParamValues.asText(params.get("page_referrer")),
                ParamValues.asText(params.get("page_title")),
                campaign(params, pageQuery),
                clickIds(params, pageQuery),
                ParamValues.asLong(params.get("engagement_time_msec")),
                ParamValues.asFlag(params.get("session_engaged")),
                Boolean.TRUE.equals(ParamValues.asFlag(params.get("non_interaction"))),
                incoming.deviceCategory(),
                value,
                currency,
                ParamValues.asText(params.get("transaction_id")),
                params.has("items") ? JsonText.compact(params.get("items")) : null,
                otherParams(params));
        return new Result(event, null);
    }

    private static long timestampMicros(IncomingEvent incoming, Instant receivedAt) {
        Long micros = ParamValues.asLong(incoming.timestampNode());
        if (micros != null) {
            return micros;
        }
        return EpochMicros.of(receivedAt);
    }

    /**
     * Returns the sender's id ({@code event_id} at the top or in params, as Meta's deduplication uses it), else a
     * SHA-256 fingerprint of client, user, name, time and params, so an identical resend maps to the same key.
     */
    private static String eventId(IncomingEvent incoming, String name, long micros) {
        String senderId = ParamValues.asText(incoming.raw().get("event_id"));
        if (senderId == null) {
            senderId = ParamValues.asText(incoming.raw().path("params").get("event_id"));
        }
        if (senderId != null) {
            return SENDER_ID_PREFIX + senderId;
        }
        StringBuilder content = new StringBuilder()
                .append(incoming.clientId()).append('\u0000').append(incoming.userId()).append('\u0000')
                .append(name).append('\u0000').append(micros).append('\u0000');
        JsonText.appendSorted(content, incoming.raw().path("params"));
        return FINGERPRINT_PREFIX + Secrets.sha256Hex(content.toString()).substring(0, 32);
    }

    private static Integer sessionNumber(JsonNode params) {
        Long number = ParamValues.asLong(params.get("ga_session_number"));
        if (number == null) {
            number = ParamValues.asLong(params.get("session_number"));
        }
        return number == null ? null : number.intValue();
    }

    private static CampaignParams campaign(JsonNode params, Map<String, String> pageQuery) {
        CampaignParams fromParams = new CampaignParams(
                firstText(params, "source", "utm_source"),
                firstText(params, "medium", "utm_medium"),
                firstText(params, "campaign", "utm_campaign"),
                firstText(params, "term", "utm_term"),
                firstText(params, "content", "utm_content"),
                firstText(params, "campaign_id", "utm_id"));
        if (!fromParams.isEmpty()) {
            return fromParams;
        }
        return new CampaignParams(pageQuery.get("utm_source"), pageQuery.get("utm_medium"),
                pageQuery.get("utm_campaign"), pageQuery.get("utm_term"), pageQuery.get("utm_content"),
                pageQuery.get("utm_id"));
    }

    private static Map<String, String> clickIds(JsonNode params, Map<String, String> pageQuery) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : CLICK_ID_PARAMS) {
            String value = ParamValues.asText(params.get(name));
            if (value == null) {
                value = pageQuery.get(name);
            }
            if (value != null) {
                ids.put(name, value);
            }
        }
        return ids;
    }

    private static Map<String, String> otherParams(JsonNode params) {
        Map<String, String> other = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!CONSUMED.contains(field.getKey()) && !CLICK_ID_PARAMS.contains(field.getKey())
                    && !field.getValue().isNull()) {
                other.put(field.getKey(), field.getValue().asText());
            }
        }
        return other;
    }

    private static String firstText(JsonNode params, String... names) {
        for (String name : names) {
            String value = ParamValues.asText(params.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
