package com.campaignkpi.ingest;

import com.campaignkpi.api.RequestException;
import com.campaignkpi.property.Property;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the optional {@code X-Signature} header of a webhook request:
 * {@code t=UNIX_SECONDS,v1=HEX}, where {@code HEX} is the HMAC-SHA256 of {@code t + "." + body} (the raw body
 * bytes). The HMAC key is the lowercase hex SHA-256 of one of the property's API secrets, as ASCII, because the server
 * stores only those digests. A sender computes it once from its secret. A signature proves that the body came from a
 * holder of the secret unchanged, and the timestamp limits a captured request's reuse to {@link #WINDOW}.
 *
 * <p>NOTE: inside the window a replay is stored once only when its events carry an {@code event_id} or their own
 * timestamp, as GA4 tags send them; an event with neither takes the receipt time and would count again.
 */
final class RequestSignature {

    static final String HEADER = "X-Signature";

    /** Largest difference between the signed timestamp and the server's clock, either way. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private RequestSignature() {
    }

    /**
     * Raises 401 naming the header when the request's signature is missing but required, malformed, outside the
     * window or does not match any of the property's secrets.
     */
    static void verify(Property property, String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            if (property.ingest().signatureRequired()) {
                throw RequestException.unauthorized(HEADER, HEADER + " is missing: property '" + property.id()
                        + "' accepts only signed requests, with " + HEADER + ": t=UNIX_SECONDS,v1=HMAC_SHA256_HEX");
            }
            return;
        }
        Parsed parsed = parse(header);
        long skewSeconds = Math.abs(now.getEpochSecond() - parsed.timestamp());
        if (skewSeconds > WINDOW.toSeconds()) {
            throw RequestException.unauthorized(HEADER, HEADER + " timestamp t=" + parsed.timestamp() + " is "
                    + skewSeconds + " s away from the server's clock; the limit is " + WINDOW.toSeconds()
                    + " s, so sign each request when it is sent");
        }
        byte[] expected = HexFormat.of().parseHex(parsed.hex());
        boolean matched = false;
        for (String secretHash : property.secretHashes()) {
            // Every key is tried, so the time taken does not tell which one matched.
            matched |= MessageDigest.isEqual(expected, sign(secretHash, parsed.timestamp(), body));
        }
        if (!matched) {
            throw RequestException.unauthorized(HEADER, HEADER + " does not match the body and timestamp for "
                    + "property '" + property.id() + "'; sign t + \".\" + the exact body bytes with the SHA-256 hex "
                    + "of the API secret as the HMAC-SHA256 key");
        }
    }

    /** Returns the HMAC-SHA256 of {@code timestamp + "." + body} under the key {@code secretHash}. */
    static byte[] sign(String secretHash, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretHash.getBytes(StandardCharsets.US_ASCII), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private record Parsed(long timestamp, String hex) {
    }

    private static Parsed parse(String header) {
        Long timestamp = null;
        String hex = null;
        for (String part : header.split(",")) {
            String item = part.strip();
            if (item.startsWith("t=")) {
                timestamp = parseSeconds(item.substring(2));
            } else if (item.startsWith("v1=")) {
                hex = item.substring(3);
            }
        }
        if (timestamp == null || hex == null || !hex.matches("[0-9a-fA-F]{64}")) {
            throw RequestException.unauthorized(HEADER, HEADER + " '" + abbreviate(header) + "' is malformed: "
                    + "expected t=UNIX_SECONDS,v1=64 hex digits of HMAC-SHA256");
        }
        return new Parsed(timestamp, hex);
    }

    private static Long parseSeconds(String text) {
        if (!text.matches("\\d{1,12}")) {
            return null;
        }
        return Long.parseLong(text);
    }

    private static String abbreviate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 97) + "...";
    }
}
