package com.campaignkpi.alert;

import com.campaignkpi.api.RequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Syntax checks of a webhook URL, without resolving or fetching it. Messages never repeat the URL, because a Slack
 * webhook URL carries its secret in the path.
 */
final class WebhookUrls {

    /** Hosts that plain http may reach: the local machine, where tests and local receivers run. */
    static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    /** Longer than any Slack, Teams or Discord webhook URL, and short enough to keep in the property item. */
    static final int MAX_LENGTH = 2000;

    private WebhookUrls() {
    }

    /**
     * Returns the parsed URL, or raises a 400 naming {@code field} when it is not an absolute https URL with a
     * host (http only to {@link #LOOPBACK_HOSTS}), has a user name or password, or is longer than
     * {@value #MAX_LENGTH} characters.
     */
    static URI require(String field, String url) {
        if (url.isBlank()) {
            throw RequestException.invalid(field, field + " is empty: give an https:// URL or leave it out");
        }
        if (url.length() > MAX_LENGTH) {
            throw RequestException.invalid(field, field + " has " + url.length() + " characters; the limit is "
                    + MAX_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw RequestException.invalid(field, field + " is not a valid URL (" + e.getReason() + " at index "
                    + e.getIndex() + "): give the https:// address the receiver issued");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw RequestException.invalid(field, field + " must be an absolute https:// URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw RequestException.invalid(field, field + " contains a user name or password before the host: "
                    + "remove it and use the URL the receiver issued, which carries its secret in the path");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw RequestException.invalid(field, field + " has no valid host name");
        }
        if (uri.getPort() > 65_535) {
            throw RequestException.invalid(field, field + " has port " + uri.getPort() + "; ports go up to 65535");
        }
        if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw RequestException.invalid(field, field + " uses plain http to a host other than 127.0.0.1, "
                    + "localhost or [::1]: use https, because the URL and the alerts would cross the network "
                    + "unencrypted");
        }
        return uri;
    }
}
