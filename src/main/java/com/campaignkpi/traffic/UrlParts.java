package com.campaignkpi.traffic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host and query parameters of a page URL or referrer, parsed leniently because tag managers send whatever the
 * browser had: URLs without a scheme, stray '%' signs, '+' for spaces, HTML-escaped "&amp;amp;" separators and
 * fragments.
 *
 * @param host  lower-case host without port, user info or trailing dot; "" when the URL has no usable host
 * @param query decoded query parameters by lower-case name, with the first non-empty value of each name. The
 *              fragment is ignored, because GA4 ignores UTM tags after '#' by default.
 */
record UrlParts(String host, Map<String, String> query) {

    static final UrlParts EMPTY = new UrlParts("", Map.of());

    /** Scheme followed by "//", as in "https://" or "android-app://". */
    private static final Pattern HIERARCHICAL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");

    /** Scheme without "//" and not followed by a port number, as in "about:blank" or "mailto:". */
    private static final Pattern OPAQUE_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:(?![0-9])");

    UrlParts {
        query = Map.copyOf(query);
    }

    /** Parses {@code url} without throwing; returns {@link #EMPTY} for null or blank input. */
    static UrlParts parse(String url) {
        if (url == null || url.isBlank()) {
            return EMPTY;
        }
        String text = url.strip();
        int fragment = text.indexOf('#');
        if (fragment >= 0) {
            text = text.substring(0, fragment);
        }
        int queryStart = text.indexOf('?');
        String beforeQuery = queryStart >= 0 ? text.substring(0, queryStart) : text;
        String rawQuery = queryStart >= 0 ? text.substring(queryStart + 1) : "";
        return new UrlParts(hostOf(beforeQuery), parseQuery(rawQuery));
    }

    private static String hostOf(String beforeQuery) {
        String rest;
        boolean schemeless = false;
        Matcher scheme = HIERARCHICAL_SCHEME.matcher(beforeQuery);
        if (scheme.lookingAt()) {
            rest = beforeQuery.substring(scheme.end());
        } else if (beforeQuery.startsWith("//")) {
            rest = beforeQuery.substring(2);
        } else if (OPAQUE_SCHEME.matcher(beforeQuery).lookingAt()) {
            return "";
        } else {
            rest = beforeQuery;
            schemeless = true;
        }

        int pathStart = indexOfAny(rest, '/', '\\');
        String authority = pathStart >= 0 ? rest.substring(0, pathStart) : rest;
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int port = authority.lastIndexOf(':');
        String host = (port >= 0 ? authority.substring(0, port) : authority).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }

        // Without a scheme, "landing/page" is a relative path, so a host there needs a dot or must be localhost.
        boolean localhost = host.equals("localhost");
        return HostNames.isHostName(host, schemeless && !localhost) ? host : "";
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals >= 0 ? pair.substring(0, equals) : pair).strip().toLowerCase(Locale.ROOT);
            // "a=1&amp;b=2" comes from URLs copied out of HTML; the second name arrives as "amp;b".
            if (name.startsWith("amp;")) {
                name = name.substring(4);
            }
            String value = equals >= 0 ? decode(pair.substring(equals + 1)).strip() : "";
            if (!name.isEmpty() && !value.isEmpty()) {
                parameters.putIfAbsent(name, value);
            }
        }
        return parameters;
    }

    /**
     * Decodes percent-encoding as UTF-8 and '+' as a space. A '%' not followed by two hex digits stays as written,
     * and byte sequences that are not valid UTF-8 become U+FFFD.
     */
    static String decode(String encoded) {
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            boolean escape = c == '%' && i + 2 < encoded.length()
                    && isHex(encoded.charAt(i + 1)) && isHex(encoded.charAt(i + 2));
            if (escape) {
                bytes.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
                i += 3;
            } else {
                int codePoint = encoded.codePointAt(i);
                String literal = c == '+' ? " " : new String(Character.toChars(codePoint));
                bytes.writeBytes(literal.getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int indexOfAny(String text, char first, char second) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == first || c == second) {
                return i;
            }
        }
        return -1;
    }
}
