package com.campaignkpi.traffic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Host-name helpers for matching a referrer host such as "www.google.co.uk" against the short names and domains in
 * Google's source-category list.
 *
 * <p>NOTE: the public suffix of a host is approximated as its last label, or its last two labels when the
 * second-to-last is a common second-level label such as "co" or "com" ("co.uk", "com.au"). Hosts under other
 * multi-label suffixes (for example "blogspot.com" sites) get a wrong registrable domain. The Public Suffix List
 * would fix this but needs a dependency this project does not have.
 */
final class HostNames {

    /** Prefixes of mobile and link-redirect hosts that name the same site, such as "m.facebook.com". */
    private static final List<String> SITE_PREFIXES = List.of("www.", "m.", "l.", "lm.");

    /** Second-level labels that form a two-label public suffix under a country code, as in "co.uk" or "com.br". */
    private static final Set<String> SECOND_LEVEL_LABELS = Set.of(
            "co", "com", "net", "org", "gov", "edu", "ac", "ne", "or", "go", "gob", "gouv", "mil", "nic", "ltd",
            "plc", "sch", "nhs");

    /** Maximum length of a DNS name in characters, from RFC 1035 (253 without the trailing dot). */
    private static final int MAX_HOST_LENGTH = 253;

    private HostNames() {
    }

    /**
     * Returns whether {@code text} is a host name of at most 253 characters: labels of letters, digits, '-' or '_'
     * separated by single dots, with an optional trailing dot. {@code requireDot} also demands two or more labels.
     */
    static boolean isHostName(String text, boolean requireDot) {
        String body = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (body.isEmpty() || body.length() > MAX_HOST_LENGTH) {
            return false;
        }
        if (body.startsWith(".") || body.endsWith(".") || body.contains("..")) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '.' && c != '-' && c != '_' && !Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return !requireDot || body.indexOf('.') > 0;
    }

    /** Returns {@code host} in lower case without a leading "www.", or "" for null. */
    static String withoutWww(String host) {
        if (host == null) {
            return "";
        }
        String lower = host.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") && lower.length() > 4 ? lower.substring(4) : lower;
    }

    /**
     * Returns the names to look up for a host, most specific first. They are the host without "www.", "m.", "l."
     * or "lm." prefixes, then each parent domain down to the registrable domain, each also with its country suffix
     * replaced by ".com". The bare site name ("google" for "google.co.uk") comes last, and only when the host has
     * no other subdomain. The list names subdomains one by one ("news.google.com", "lens.google.com") and leaves
     * others out, so "mail.google.com" must not match "google".
     */
    static List<String> lookupCandidates(String host) {
        String[] labels = stripSitePrefixes(host.toLowerCase(Locale.ROOT)).split("\\.", -1);
        Set<String> candidates = new LinkedHashSet<>();
        if (labels.length < 2 || isNumeric(labels[labels.length - 1])) {
            candidates.add(String.join(".", labels));
            return new ArrayList<>(candidates);
        }

        int suffixLength = publicSuffixLength(labels);
        int registrable = Math.max(0, labels.length - suffixLength - 1);
        boolean countrySuffix = labels[labels.length - 1].length() == 2;
        for (int start = 0; start <= registrable; start++) {
            candidates.add(join(labels, start, labels.length));
            if (countrySuffix) {
                candidates.add(join(labels, start, labels.length - suffixLength) + ".com");
            }
        }
        if (registrable == 0) {
            candidates.add(labels[0]);
        }
        return new ArrayList<>(candidates);
    }

    /** Returns the label in front of the public suffix, such as "google" for "news.google.co.uk". */
    static String siteName(String host) {
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.", -1);
        if (labels.length < 2) {
            return labels[0];
        }
        return labels[Math.max(0, labels.length - publicSuffixLength(labels) - 1)];
    }

    private static String stripSitePrefixes(String host) {
        String result = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : SITE_PREFIXES) {
                // Keep at least two labels, so "m.com" stays a domain rather than turning into "com".
                if (result.startsWith(prefix) && result.indexOf('.', prefix.length()) > 0) {
                    result = result.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        return result;
    }

    private static int publicSuffixLength(String[] labels) {
        boolean countryCode = labels[labels.length - 1].length() == 2;
        if (labels.length >= 3 && countryCode && SECOND_LEVEL_LABELS.contains(labels[labels.length - 2])) {
            return 2;
        }
        return 1;
    }

    private static boolean isNumeric(String label) {
        return !label.isEmpty() && label.chars().allMatch(Character::isDigit);
    }

    private static String join(String[] labels, int from, int to) {
        return String.join(".", List.of(labels).subList(from, to));
    }
}
