package com.campaignkpi.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads the query parameters of a page URL without failing on the malformed URLs real pages produce. */
final class UrlQuery {

    private UrlQuery() {
    }

    static Map<String, String> parse(String url) {
        Map<String, String> result = new LinkedHashMap<>();
        if (url == null) {
            return result;
        }
        int start = url.indexOf('?');
        if (start < 0) {
            return result;
        }
        int end = url.indexOf('#', start);
        String query = url.substring(start + 1, end < 0 ? url.length() : end);
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!key.isEmpty() && !value.isEmpty()) {
                result.putIfAbsent(key.toLowerCase(Locale.ROOT), value);
            }
        }
        return result;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A stray '%' as in "50%off": keep the text as written.
            return text;
        }
    }
}
