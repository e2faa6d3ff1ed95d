package com.campaignkpi.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks one incoming event against {@link EventLimits}. Returns the first violation found, or null when the event
 * is valid; checks run in the order a sender would fix them: name, params, time.
 */
final class EventValidator {

    private EventValidator() {
    }

    static Violation validate(IncomingEvent event, Instant receivedAt, boolean importMode) {
        if (event.envelopeProblem() != null) {
            return event.envelopeProblem();
        }
        if (!event.raw().isObject()) {
            return new Violation(event.path(), event.path() + " must be a JSON object, found "
                    + event.raw().getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (event.clientId() == null) {
            return new Violation(event.clientIdPath(), event.clientIdPath() + " is missing: every event needs a "
                    + "client id (client_id or app_instance_id) to be counted in sessions and users");
        }
        Violation problem = checkName(event);
        if (problem == null) {
            problem = checkEventId(event);
        }
        if (problem == null) {
            problem = checkDeviceCategory(event);
        }
        if (problem == null) {
            problem = checkParams(event);
        }
        if (problem == null) {
            problem = checkTimestamp(event, receivedAt, importMode);
        }
        return problem;
    }

    private static Violation checkName(IncomingEvent event) {
        String path = event.path() + ".name";
        JsonNode nameNode = event.raw().get("name");
        if (nameNode == null || nameNode.isNull() || (nameNode.isTextual() && nameNode.asText().isEmpty())) {
            return new Violation(path, path + " is missing");
        }
        if (!nameNode.isTextual()) {
            return new Violation(path, path + " must be a string");
        }
        String name = nameNode.asText();
        if (name.length() > EventLimits.MAX_NAME_LENGTH) {
            return new Violation(path, path + " '" + abbreviate(name) + "' is " + name.length()
                    + " characters long; the limit is " + EventLimits.MAX_NAME_LENGTH);
        }
        if (!Ga4Names.isValidName(name)) {
            return new Violation(path, path + " '" + name + "' is invalid: start with a letter and use only "
                    + "letters, digits and '_'");
        }
        boolean automatic = event.allowedAutomaticNames() && Ga4Names.AUTOMATIC_EVENT_NAMES.contains(name);
        if (Ga4Names.RESERVED_EVENT_NAMES.contains(name) && !automatic) {
            return new Violation(path, path + " '" + name + "' is reserved by GA4 and cannot be sent by a client"
                    + (Ga4Names.AUTOMATIC_EVENT_NAMES.contains(name)
                            ? "; send it to the canonical endpoint if your tag collected it itself" : ""));
        }
        String prefix = reservedPrefix(name);
        if (prefix != null) {
            return new Violation(path, path + " '" + name + "' starts with the reserved prefix '" + prefix + "'");
        }
        return null;
    }

    private static Violation checkEventId(IncomingEvent event) {
        JsonNode topLevel = event.raw().get("event_id");
        if (topLevel != null && topLevel.isContainerNode()) {
            return new Violation(event.path() + ".event_id", event.path() + ".event_id must be a string");
        }
        Violation problem = IdentityField.check(event.path() + ".event_id", ParamValues.asText(topLevel));
        if (problem == null) {
            problem = IdentityField.check(event.path() + ".params.event_id",
                    ParamValues.asText(event.raw().path("params").get("event_id")));
        }
        return problem;
    }

    private static Violation checkDeviceCategory(IncomingEvent event) {
        String category = event.deviceCategory();
        int length = category == null ? 0 : category.codePointCount(0, category.length());
        if (length > EventLimits.MAX_PARAM_VALUE_LENGTH) {
            String path = event.deviceCategoryPath();
            return new Violation(path, path + " is " + length + " characters long; the limit is "
                    + EventLimits.MAX_PARAM_VALUE_LENGTH);
        }
        return null;
    }

    private static Violation checkParams(IncomingEvent event) {
        JsonNode params = event.raw().get("params");
        String path = event.path() + ".params";
        if (params == null || params.isNull()) {
            return null;
        }
        if (!params.isObject()) {
            return new Violation(path, path + " must be a JSON object");
        }
        if (params.size() > EventLimits.MAX_PARAMS_PER_EVENT) {
            return new Violation(path, path + " has " + params.size() + " parameters; the limit is "
                    + EventLimits.MAX_PARAMS_PER_EVENT + " per event");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Violation problem = checkParam(path, field.getKey(), field.getValue());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /**
     * Checks the parameter {@code name} of the params at {@code paramsPath}. Its own path is built only for a
     * violation, because most parameters pass.
     */
    private static Violation checkParam(String paramsPath, String name, JsonNode value) {
        if (name.length() > EventLimits.MAX_NAME_LENGTH) {
            return new Violation(paramsPath + "." + name, "parameter name '" + abbreviate(name) + "' is "
                    + name.length() + " characters long; the limit is " + EventLimits.MAX_NAME_LENGTH);
        }
        if (!Ga4Names.isValidName(name)) {
            return new Violation(paramsPath + "." + name, "parameter name '" + abbreviate(name) + "' is invalid: "
                    + "start with a letter and use only letters, digits and '_'");
        }
        String prefix = reservedPrefix(name);
        if (prefix != null && !Ga4Names.FORWARDED_GA_PARAMS.contains(name)) {
            return new Violation(paramsPath + "." + name, "parameter name '" + name + "' starts with the reserved "
                    + "prefix '" + prefix + "'");
        }
        if (name.equals("items")) {
            return checkItems(paramsPath + "." + name, value);
        }
        if (value.isTextual()) {
            int limit = EventLimits.LONG_PARAM_LIMITS.getOrDefault(name, EventLimits.MAX_PARAM_VALUE_LENGTH);
            int length = value.asText().codePointCount(0, value.asText().length());
            if (length > limit) {
                String path = paramsPath + "." + name;
                return new Violation(path, path + " is " + length + " characters long; the limit is " + limit);
            }
        } else if (value.isContainerNode()) {
            String path = paramsPath + "." + name;
            return new Violation(path, path + " must be a string, number or boolean; only 'items' may be an array");
        }
        return ParamValues.checkKnownParam(paramsPath, name, value);
    }

    private static Violation checkItems(String path, JsonNode items) {
        if (!items.isArray()) {
            return new Violation(path, path + " must be an array of item objects");
        }
        if (items.size() > EventLimits.MAX_ITEMS_PER_EVENT) {
            return new Violation(path, path + " has " + items.size() + " items; the limit is "
                    + EventLimits.MAX_ITEMS_PER_EVENT + " per event");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemPath = path + "[" + i + "]";
            if (!item.isObject()) {
                return new Violation(itemPath, itemPath + " must be a JSON object");
            }
            Violation problem = ParamValues.checkKnownParam(itemPath, "price", item.path("price"));
            if (problem == null) {
                problem = ParamValues.checkKnownParam(itemPath, "quantity", item.path("quantity"));
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static Violation checkTimestamp(IncomingEvent event, Instant receivedAt, boolean importMode) {
        JsonNode node = event.timestampNode();
        if (node == null || node.isNull()) {
            return null;
        }
        String path = event.timestampPath();
        Long micros = ParamValues.asLong(node);
        long latestMicros = EventLimits.LATEST_EVENT_MICROS;
        if (micros == null || micros < 0 || micros > latestMicros) {
            return new Violation(path, path + " '" + abbreviate(node.asText()) + "' is not a whole number of "
                    + "microseconds since the Unix epoch from 0 to " + latestMicros + " (year 9999)");
        }
        Instant time = EpochMicros.toInstant(micros);
        if (time.isAfter(receivedAt.plus(EventLimits.MAX_FUTURE_SKEW))) {
            return new Violation(path, path + " " + micros + " (" + time + ") is in the future; at most "
                    + EventLimits.MAX_FUTURE_SKEW.toMinutes() + " minutes of clock skew are accepted");
        }
        if (!importMode && time.isBefore(receivedAt.minus(EventLimits.MAX_EVENT_AGE))) {
            return new Violation(path, path + " " + micros + " (" + time + ") is older than "
                    + EventLimits.MAX_EVENT_AGE.toHours() + " hours; send historical data with import=true");
        }
        return null;
    }

    private static String reservedPrefix(String name) {
        for (String prefix : Ga4Names.RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
