package com.campaignkpi.property;

import com.campaignkpi.alert.AlertSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A measured website or app of one client. Its id is the GA4 measurement id its tags send
 * (for example {@code G-ABC123}).
 *
 * @param id               measurement id, 1 to 64 letters, digits, '-' or '_'
 * @param timeZone         zone in which report days start and end, as in the GA4 property settings
 * @param keyEvents        event names counted as conversions (GA4 "key events")
 * @param sessionTimeout   inactivity gap that ends a session when the sender gives no session id
 * @param secretHashes     SHA-256 hex digests of the accepted API secrets; the secrets are never stored
 * @param brandTerms       words that mark a search as one for the brand, lowercase, for {@code branded_searches}
 * @param alerts           thresholds, disabled rules and webhook of the alerts that scheduled runs raise
 * @param readKeyHashes    SHA-256 hex digests of the keys that may read the property's KPIs; none leaves the reads
 *                         open, as before read keys existed
 * @param ingest           request signatures and user-id pseudonyms for the webhooks
 */
public record Property(String id, ZoneId timeZone, Set<String> keyEvents, Duration sessionTimeout,
        List<String> secretHashes, List<String> brandTerms, AlertSettings alerts, List<String> readKeyHashes,
        IngestSettings ingest) {

    /** GA4 marks these as key events in a new property; see support.google.com/analytics/answer/13128484. */
    public static final Set<String> DEFAULT_KEY_EVENTS = Set.of("purchase", "sign_up", "generate_lead");

    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);

    public Property {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeZone, "timeZone");
        keyEvents = Set.copyOf(keyEvents);
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        secretHashes = List.copyOf(secretHashes);
        brandTerms = brandTerms == null ? List.of() : List.copyOf(brandTerms);
        alerts = alerts == null ? AlertSettings.defaults() : alerts;
        readKeyHashes = readKeyHashes == null ? List.of() : List.copyOf(readKeyHashes);
        ingest = ingest == null ? IngestSettings.defaults() : ingest;
    }

    /** Creates a property with the default ingest settings. */
    public Property(String id, ZoneId timeZone, Set<String> keyEvents, Duration sessionTimeout,
            List<String> secretHashes, List<String> brandTerms, AlertSettings alerts, List<String> readKeyHashes) {
        this(id, timeZone, keyEvents, sessionTimeout, secretHashes, brandTerms, alerts, readKeyHashes,
                IngestSettings.defaults());
    }

    /** Creates a property without read keys. */
    public Property(String id, ZoneId timeZone, Set<String> keyEvents, Duration sessionTimeout,
            List<String> secretHashes, List<String> brandTerms, AlertSettings alerts) {
        this(id, timeZone, keyEvents, sessionTimeout, secretHashes, brandTerms, alerts, List.of(),
                IngestSettings.defaults());
    }

    /** Creates a property without brand terms and with the default alert settings. */
    public Property(String id, ZoneId timeZone, Set<String> keyEvents, Duration sessionTimeout,
            List<String> secretHashes) {
        this(id, timeZone, keyEvents, sessionTimeout, secretHashes, List.of(), AlertSettings.defaults());
    }
}
