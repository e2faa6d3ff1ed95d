package com.campaignkpi.property;

import com.campaignkpi.alert.AlertSettings;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.api.Texts;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates or updates a property: its time zone, key events, session timeout and API secrets. Settings left out of an
 * update keep their stored value.
 */
public class PropertyFunction {

    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final int MIN_SECRET_LENGTH = 8;
    private static final int MAX_TIMEOUT_MINUTES = 240;

    /** Caps that keep the property item far below DynamoDB's 400 KB item limit. */
    private static final int MAX_KEY_EVENTS = 50;
    private static final int MAX_SECRETS = 10;
    private static final int MAX_BRAND_TERMS = 20;
    private static final int MAX_READ_KEYS = 5;
    private static final int MIN_READ_KEY_LENGTH = 16;
    private static final int MAX_READ_KEY_LENGTH = 200;
    private static final int MAX_BRAND_TERM_LENGTH = 100;

    @Inject
    PropertyStore store;

    @Inject
    AdminAccess admin;

    @Funq("property")
    public PropertyView save(PropertyRequest request) {
        if (request == null) {
            throw RequestException.invalid("$", "Request body is missing; send a JSON object with 'property'");
        }
        admin.authorize(request.adminToken(), "adminToken");
        String id = PropertyIds.require("property", request.property());
        Optional<Property> existing = store.find(id);

        Property property = new Property(id,
                request.timeZone() != null ? zone(request.timeZone())
                        : existing.map(Property::timeZone).orElse(ZoneId.of("UTC")),
                request.keyEvents() != null ? keyEvents(request.keyEvents())
                        : existing.map(Property::keyEvents).orElse(Property.DEFAULT_KEY_EVENTS),
                request.sessionTimeoutMinutes() != null ? timeout(request.sessionTimeoutMinutes())
                        : existing.map(Property::sessionTimeout).orElse(Property.DEFAULT_SESSION_TIMEOUT),
                secretHashes(request, existing),
                request.brandTerms() != null ? brandTerms(request.brandTerms())
                        : existing.map(Property::brandTerms).orElse(List.of()),
                request.alerts() != null ? request.alerts().validate()
                        : existing.map(Property::alerts).orElse(AlertSettings.defaults()),
                request.readKeys() != null ? readKeyHashes(request.readKeys())
                        : existing.map(Property::readKeyHashes).orElse(List.of()),
                ingest(request.ingest(), existing.map(Property::ingest).orElse(IngestSettings.defaults())));
        store.save(property);
        return PropertyView.of(property);
    }

    /**
     * Merges the ingest settings sent with those in force: a setting left out keeps its value. The shard count may
     * only grow, because events stay in the partitions they were written to and readers look in as many partitions
     * as the current count names.
     */
    private static IngestSettings ingest(IngestSettings sent, IngestSettings current) {
        if (sent == null) {
            return current;
        }
        int shards = sent.eventShards() == null ? current.shards() : shards(sent.eventShards(), current.shards());
        return new IngestSettings(
                sent.requireSignature() != null ? sent.requireSignature() : current.signatureRequired(),
                sent.hashUserIds() != null ? sent.hashUserIds() : current.userIdsHashed(),
                BigDecimal.valueOf(shards));
    }

    private static int shards(BigDecimal sent, int current) {
        // Bounds first, as for the timeout: a value such as 1e999999999 must not be expanded.
        boolean whole = sent.compareTo(BigDecimal.ONE) >= 0
                && sent.compareTo(BigDecimal.valueOf(IngestSettings.MAX_EVENT_SHARDS)) <= 0
                && sent.stripTrailingZeros().scale() <= 0;
        if (!whole) {
            throw RequestException.invalid("ingest.eventShards", "ingest.eventShards is "
                    + PropertyIds.abbreviate(sent.toString()) + "; use a whole number from 1 to "
                    + IngestSettings.MAX_EVENT_SHARDS);
        }
        int shards = sent.intValueExact();
        if (shards < current) {
            throw RequestException.invalid("ingest.eventShards", "ingest.eventShards is " + shards
                    + ", below the current " + current + "; the count can only grow, because events already "
                    + "stored in shards " + shards + " to " + (current - 1) + " would be hidden");
        }
        return shards;
    }

    /** Checks the read keys and returns their digests; the keys themselves are never stored. */
    private static List<String> readKeyHashes(List<String> keys) {
        if (keys.size() > MAX_READ_KEYS) {
            throw RequestException.invalid("readKeys", "readKeys has " + keys.size() + " keys; the limit is "
                    + MAX_READ_KEYS);
        }
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            int length = key == null || !Texts.isWellFormed(key) ? 0 : Texts.length(key);
            if (length < MIN_READ_KEY_LENGTH || length > MAX_READ_KEY_LENGTH) {
                throw RequestException.invalid("readKeys[" + i + "]", "readKeys[" + i + "] is invalid: use "
                        + MIN_READ_KEY_LENGTH + " to " + MAX_READ_KEY_LENGTH + " characters, such as the output of "
                        + "openssl rand -hex 16");
            }
            hashes.add(Secrets.sha256Hex(key));
        }
        return hashes.stream().distinct().toList();
    }

    /** Checks and lowercases the brand terms, so matching ignores case. */
    private static List<String> brandTerms(List<String> terms) {
        if (terms.size() > MAX_BRAND_TERMS) {
            throw RequestException.invalid("brandTerms", "brandTerms has " + terms.size() + " terms; the limit is "
                    + MAX_BRAND_TERMS);
        }
        List<String> lowercase = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i) == null ? "" : terms.get(i).strip();
            int length = Texts.isWellFormed(term) ? Texts.length(term) : 0;
            if (length < 2 || length > MAX_BRAND_TERM_LENGTH) {
                throw RequestException.invalid("brandTerms[" + i + "]", "brandTerms[" + i + "] '"
                        + PropertyIds.abbreviate(term) + "' is invalid: use 2 to " + MAX_BRAND_TERM_LENGTH
                        + " characters");
            }
            lowercase.add(term.toLowerCase(java.util.Locale.ROOT));
        }
        return lowercase.stream().distinct().toList();
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw RequestException.invalid("timeZone", "timeZone '" + PropertyIds.abbreviate(timeZone)
                    + "' is not an IANA time zone id such as Asia/Tehran or America/New_York");
        }
    }

    private static Set<String> keyEvents(List<String> names) {
        if (names.size() > MAX_KEY_EVENTS) {
            throw RequestException.invalid("keyEvents", "keyEvents has " + names.size() + " names; the limit is "
                    + MAX_KEY_EVENTS);
        }
        Set<String> keyEvents = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || !EVENT_NAME.matcher(name).matches()) {
                throw RequestException.invalid("keyEvents[" + i + "]", "keyEvents[" + i + "] '" + name
                        + "' is not an event name: start with a letter, then up to 39 letters, digits or '_'");
            }
            keyEvents.add(name);
        }
        return keyEvents;
    }

    private static Duration timeout(BigDecimal minutes) {
        // Bounds first: stripping the zeros of a value such as 1e-999999999 would allocate gigabytes.
        boolean inRange = minutes.compareTo(BigDecimal.ONE) >= 0
                && minutes.compareTo(BigDecimal.valueOf(MAX_TIMEOUT_MINUTES)) <= 0;
        if (!inRange || minutes.stripTrailingZeros().scale() > 0) {
            throw RequestException.invalid("sessionTimeoutMinutes", "sessionTimeoutMinutes " + minutes
                    + " is invalid: use a whole number from 1 to " + MAX_TIMEOUT_MINUTES + " (GA4 allows up to "
                    + "7 h 55 min, but longer gaps merge unrelated visits)");
        }
        return Duration.ofMinutes(minutes.longValueExact());
    }

    private static List<String> secretHashes(PropertyRequest request, Optional<Property> existing) {
        List<String> secrets = new ArrayList<>();
        if (request.apiSecret() != null) {
            secrets.add(request.apiSecret());
        }
        if (request.apiSecrets() != null) {
            secrets.addAll(request.apiSecrets());
        }
        if (secrets.size() > MAX_SECRETS) {
            throw RequestException.invalid("apiSecrets", "apiSecrets has " + secrets.size() + " secrets; the limit "
                    + "is " + MAX_SECRETS + ", enough to rotate them");
        }
        if (secrets.isEmpty()) {
            return existing.map(Property::secretHashes).orElseThrow(() -> RequestException.invalid("apiSecret",
                    "apiSecret is missing: a new property needs at least one secret for its senders"));
        }
        for (String secret : secrets) {
            if (secret == null) {
                throw RequestException.invalid("apiSecrets", "apiSecrets contains null; give each secret as text");
            }
            if (secret.strip().codePointCount(0, secret.strip().length()) < MIN_SECRET_LENGTH) {
                throw RequestException.invalid("apiSecret", "apiSecret is too short: use at least "
                        + MIN_SECRET_LENGTH + " characters other than spaces");
            }
        }
        return secrets.stream().map(Secrets::sha256Hex).distinct().toList();
    }
}
