package com.campaignkpi.replay;

import com.campaignkpi.ingest.Ga4Names;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns free-form names (Plausible goal names, custom property keys) into names GA4 accepts: lower case letters,
 * digits and underscores, starting with a letter, at most 40 characters, and not reserved by GA4.
 */
final class GaNames {

    static final int MAX_NAME_LENGTH = Ga4Names.MAX_NAME_LENGTH;

    private static final Pattern OTHER_CHARACTERS = Pattern.compile("[^a-z0-9_]+");
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final Set<String> FORWARDED_PARAMS = Ga4Names.FORWARDED_GA_PARAMS;
    private static final Set<String> RESERVED_PREFIXES = Ga4Names.RESERVED_PREFIXES;
    private static final Set<String> RESERVED_EVENT_NAMES = Ga4Names.RESERVED_EVENT_NAMES;

    private GaNames() {
    }

    /**
     * Returns a valid GA4 event name: "Filter Menu: Open" becomes {@code filter_menu_open}. A name that does not
     * start with a letter, or is reserved, gets the prefix {@code event_}.
     */
    static String eventName(String raw) {
        String name = sanitize(raw);
        if (needsPrefix(name) || RESERVED_EVENT_NAMES.contains(name)) {
            name = limit("event_" + name);
        }
        return name;
    }

    /** Returns a valid GA4 param name; one that does not start with a letter, or is reserved, gets {@code param_}. */
    static String paramName(String raw) {
        String name = sanitize(raw);
        return needsPrefix(name) ? limit("param_" + name) : name;
    }

    /**
     * Returns true when the server accepts the param name as it is: a letter first, then letters, digits or
     * underscores, at most 40 characters, and no reserved prefix except on ga_session_id and ga_session_number.
     */
    static boolean isValidParamName(String name) {
        if (!VALID_NAME.matcher(name).matches()) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return FORWARDED_PARAMS.contains(lower) || RESERVED_PREFIXES.stream().noneMatch(lower::startsWith);
    }

    private static String sanitize(String raw) {
        String lower = raw == null ? "" : raw.toLowerCase(Locale.ROOT);
        return limit(OTHER_CHARACTERS.matcher(lower).replaceAll("_"));
    }

    private static boolean needsPrefix(String name) {
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return true;
        }
        return RESERVED_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Cuts to 40 characters and trims underscores at both ends; an empty result becomes "unnamed". */
    private static String limit(String name) {
        String cut = name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
        int start = 0;
        int end = cut.length();
        while (start < end && cut.charAt(start) == '_') {
            start++;
        }
        while (end > start && cut.charAt(end - 1) == '_') {
            end--;
        }
        return start == end ? "unnamed" : cut.substring(start, end);
    }
}
