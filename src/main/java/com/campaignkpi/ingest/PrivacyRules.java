package com.campaignkpi.ingest;

import com.campaignkpi.property.IngestSettings;
import com.campaignkpi.privacy.Pseudonyms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a visitor's consent, the property's pseudonym setting and the cut of IP addresses to what is stored: an
 * accepted event, or the body kept to replay a rejected one.
 *
 * <ul>
 *   <li>GA4 consent {@code ad_user_data: DENIED} (in a Measurement Protocol body's {@code consent}, or a canonical
 *       event's own {@code consent}) means the visitor did not agree to user data being used: the event is stored
 *       without its {@code user_id}, and its sessions and lifetime value go by the client id alone.
 *       {@code ad_personalization} governs personalised advertising, which this product does not do, so it
 *       changes nothing stored.</li>
 *   <li>A property with {@code hashUserIds} stores each user id as its {@link Pseudonyms pseudonym}, so the
 *       stored id is not the site's customer id.</li>
 * </ul>
 * IP addresses are never stored whole. Parameters and page URLs keep only the networks of the addresses in them,
 * and the body kept to replay a rejected event loses {@code ip_override}, {@code user_location} and
 * {@code user_data}.
 */
final class PrivacyRules {

    static final String DENIED = "DENIED";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    /** An IPv4 address inside a longer text, not part of a longer run of digits and dots. */
    private static final Pattern IPV4_INSIDE = Pattern.compile("(?<![\\d.])\\d{1,3}(\\.\\d{1,3}){3}(?![\\d.])");
    private static final String MAPPED_IPV4_PREFIX = "::ffff:";
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}(%[0-9A-Za-z]+)?");

    /** Request fields that carry an IP address, a location or contact data, in GA4's Measurement Protocol. */
    static final List<String> NETWORK_FIELDS = List.of("ip_override", "user_location", "user_data");

    private PrivacyRules() {
    }

    /** Returns the event as it may be stored under {@code settings} and the consent that came with it. */
    static TrackedEvent apply(String property, IngestSettings settings, IncomingEvent incoming, TrackedEvent event) {
        Map<String, String> params = anonymisedParams(event.params());
        String pageLocation = anonymiseText(event.pageLocation());
        String pageReferrer = anonymiseText(event.pageReferrer());

        String userId = event.userId();
        if (userId != null && userDataDenied(incoming)) {
            userId = null;
        } else if (userId != null && settings.userIdsHashed() && !Pseudonyms.isPseudonym(userId)) {
            userId = Pseudonyms.of(property, userId);
        }

        if (params == event.params() && Objects.equals(pageLocation, event.pageLocation())
                && Objects.equals(pageReferrer, event.pageReferrer()) && Objects.equals(userId, event.userId())) {
            return event;
        }
        return new TrackedEvent(event.eventId(), event.name(), event.timestampMicros(), event.clientId(), userId,
                event.sessionId(), event.sessionNumber(), pageLocation, pageReferrer, event.pageTitle(),
                event.campaign(), event.clickIds(), event.engagementTimeMsec(), event.sessionEngaged(),
                event.nonInteraction(), event.deviceCategory(), event.value(), event.currency(),
                event.transactionId(), event.itemsJson(), params, event.bot());
    }

    /**
     * Returns the params with every value that is an IP address cut to its network: the last octet of an IPv4
     * address set to 0, an IPv6 address kept to its first 48 bits, as Google Analytics anonymised addresses.
     */
    static Map<String, String> anonymisedParams(Map<String, String> params) {
        Map<String, String> result = null;
        for (Map.Entry<String, String> param : params.entrySet()) {
            String anonymised = anonymiseText(param.getValue());
            if (anonymised != null && !anonymised.equals(param.getValue())) {
                if (result == null) {
                    result = new LinkedHashMap<>(params);
                }
                result.put(param.getKey(), anonymised);
            }
        }
        return result == null ? params : result;
    }

    /**
     * Returns the text with IP addresses cut to their networks: the whole text when it is an address (also with a
     * port, in brackets or IPv4-mapped), else each IPv4 address inside it, such as in {@code ?ip=203.0.113.5}.
     * Returns the text itself when it contains none, and null for null.
     */
    static String anonymiseText(String text) {
        if (text == null) {
            return null;
        }
        // An IPv4 address contains three dots and an IPv6 address a colon. Most values, page URLs too, contain no
        // IPv4 address by this count, and they skip the regular expressions below.
        int dots = count(text, '.');
        if (dots < 3 && text.indexOf(':') < 0) {
            return text;
        }
        String whole = network(text);
        if (whole != null) {
            return whole;
        }
        if (dots < 3) {
            return text;
        }
        Matcher matcher = IPV4_INSIDE.matcher(text);
        StringBuilder result = null;
        int copied = 0;
        while (matcher.find()) {
            String network = network(matcher.group());
            if (network != null) {
                if (result == null) {
                    result = new StringBuilder(text.length());
                }
                result.append(text, copied, matcher.start()).append(network);
                copied = matcher.end();
            }
        }
        return result == null ? text : result.append(text, copied, text.length()).toString();
    }

    private static int count(String text, char c) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }

    /**
     * Returns the network part of an IP address literal, or null when {@code value} is not one.
     *
     * <p>NOTE: a value made only of four dot-separated numbers up to 255, such as a four-part app version, cannot be
     * distinguished from an IPv4 address and loses its last part too.
     */
    static String network(String value) {
        if (value == null) {
            return null;
        }
        String text = bareAddress(value.strip());

        if (IPV4.matcher(text).matches()) {
            String[] octets = text.split("\\.");
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
            return octets[0] + "." + octets[1] + "." + octets[2] + ".0";
        }

        // An IPv6 literal has all 8 groups (7 colons) or shortens a run of zero groups to "::". A clock time such
        // as 10:30:00 has neither.
        long colons = text.chars().filter(c -> c == ':').count();
        if (IPV6.matcher(text).matches() && (colons == 7 || text.contains("::"))) {
            String[] groups = text.split(":", -1);
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 3 && i < groups.length && !groups[i].isEmpty(); i++) {
                network.append(groups[i]).append(':');
            }
            return network.append(':').toString();
        }
        return null;
    }

    /** Strips brackets, an IPv6 zone, an IPv4 port and the IPv4-mapped prefix, leaving the address itself. */
    private static String bareAddress(String text) {
        String address = text;
        if (address.startsWith("[") && address.contains("]")) {
            address = address.substring(1, address.indexOf(']'));
        }
        if (address.contains("%")) {
            address = address.substring(0, address.indexOf('%'));
        }
        Matcher withPort = IPV4_WITH_PORT.matcher(address);
        if (withPort.matches()) {
            address = withPort.group(1);
        }
        boolean mapped = address.regionMatches(true, 0, MAPPED_IPV4_PREFIX, 0, MAPPED_IPV4_PREFIX.length())
                && IPV4.matcher(address.substring(MAPPED_IPV4_PREFIX.length())).matches();
        return mapped ? address.substring(MAPPED_IPV4_PREFIX.length()) : address;
    }

    /**
     * Returns a copy of a body without the fields that carry an IP address, a location or hashed contact data
     * ({@code ip_override}, {@code user_location}, {@code user_data}), at the top and in events, for bodies kept
     * to replay a rejected event.
     */
    static JsonNode withoutNetworkData(JsonNode body) {
        if (!body.isObject()) {
            return body;
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove(NETWORK_FIELDS);
        JsonNode events = copy.get("events");
        if (events != null && events.isArray()) {
            for (JsonNode event : events) {
                if (event.isObject()) {
                    ((ObjectNode) event).remove(NETWORK_FIELDS);
                }
            }
        }
        return copy;
    }

    /**
     * Returns a rejected body as it may be stored: without network data, with IP addresses in any text cut to
     * their networks, and with {@code user_id} dropped where the visitor denied {@code ad_user_data} or replaced by
     * its pseudonym under {@code hashUserIds}, as for accepted events.
     */
    static JsonNode forStorage(JsonNode body, String property, IngestSettings settings) {
        JsonNode copy = withoutNetworkData(body);
        if (copy == body) {
            copy = body.deepCopy();
        }
        boolean deniedForRequest = DENIED.equalsIgnoreCase(copy.path("consent").path("ad_user_data").asText());
        protectUserIds(copy, property, settings, deniedForRequest);
        anonymiseTexts(copy);
        return copy;
    }

    private static void protectUserIds(JsonNode node, String property, IngestSettings settings, boolean denied) {
        if (node.isArray()) {
            node.forEach(element -> protectUserIds(element, property, settings, denied));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        boolean deniedHere = denied
                || DENIED.equalsIgnoreCase(object.path("consent").path("ad_user_data").asText());
        JsonNode userId = object.get("user_id");
        if (userId != null && !userId.isNull()) {
            if (deniedHere) {
                object.remove("user_id");
            } else if (settings.userIdsHashed() && !Pseudonyms.isPseudonym(userId.asText())) {
                object.put("user_id", Pseudonyms.of(property, userId.asText()));
            }
        }
        JsonNode events = object.get("events");
        if (events != null) {
            protectUserIds(events, property, settings, deniedHere);
        }
    }

    private static void anonymiseTexts(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.put(name, anonymiseText(child.asText()));
                } else {
                    anonymiseTexts(child);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(anonymiseText(array.get(i).asText())));
                } else {
                    anonymiseTexts(array.get(i));
                }
            }
        }
    }

    private static boolean userDataDenied(IncomingEvent incoming) {
        JsonNode own = incoming.raw() == null ? null : incoming.raw().path("consent").get("ad_user_data");
        JsonNode request = incoming.replayBody() == null ? null
                : incoming.replayBody().path("consent").get("ad_user_data");
        JsonNode consent = own != null ? own : request;
        return consent != null && DENIED.equalsIgnoreCase(consent.asText());
    }
}
