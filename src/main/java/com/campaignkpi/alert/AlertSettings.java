package com.campaignkpi.alert;

import com.campaignkpi.api.RequestException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A property's alert settings. Thresholds left out use {@link #DEFAULT_THRESHOLDS}; rules in {@code disabledRules}
 * never fire; without a {@code webhookUrl} alerts are only stored.
 *
 * <p>A threshold key is a rule id or one of the minimum-volume guards {@link #MIN_SESSIONS}, {@link #MIN_CLICKS}
 * and {@link #MIN_EVENTS_PER_HOUR}. The record accepts any input, so that {@link #validate()} can report it with
 * a field path; call {@link #of} or {@link #validate()} before storing settings from a request.
 *
 * @param thresholds    overrides by rule or guard id; values as described at {@link #DEFAULT_THRESHOLDS}
 * @param disabledRules rule ids that never fire for this property
 * @param webhookUrl    where alerts are posted as Slack-compatible JSON, or null for none: https, or http to a
 *                      loopback host only
 */
public record AlertSettings(Map<String, BigDecimal> thresholds, Set<String> disabledRules, String webhookUrl) {

    /** Field path of these settings in a property request; errors name fields below it. */
    public static final String FIELD = "alerts";

    /** Minimum sessions in both periods before a rate rule on sessions may fire. */
    public static final String MIN_SESSIONS = "min_sessions";

    /** Minimum clicks behind the CTR comparison before {@code ctr_drop} may fire. */
    public static final String MIN_CLICKS = "min_clicks";

    /** Minimum average events per hour over the previous 7 days before {@code tracking_gap} may fire. */
    public static final String MIN_EVENTS_PER_HOUR = "min_events_per_hour";

    /**
     * Thresholds used when a property sets none, by rule or guard id:
     * <ul>
     *   <li>{@code clv_below_cac} 1.0: a CLV:CAC ratio below 1 means a customer costs more to acquire than they
     *       have spent.</li>
     *   <li>{@code roas_below_1} 1.0: a ROAS below 1 means the ads cost more than the revenue they brought.</li>
     *   <li>{@code spend_without_conversions} 0: any cost above zero, in the campaign's currency, with zero
     *       conversions.</li>
     *   <li>{@code ctr_drop} 0.30: a 30 % relative drop against the previous period. CTR moves with ad rotation
     *       and auctions, so the bar is set above small daily moves.</li>
     *   <li>{@code engagement_rate_drop} 0.20: a 20 % relative drop. Engagement depends on the site rather than on
     *       auctions, so a smaller drop is already worth a look.</li>
     *   <li>{@code conversion_rate_drop} 0.30: a 30 % relative drop. A day has few conversions, so this rate moves
     *       more than engagement and gets the higher bar.</li>
     *   <li>{@code bounce_rate_spike} 0.10: a rise of 10 percentage points, given as a fraction. The rise is
     *       absolute, so the bar is the same whether a site's usual bounce rate is 20 % or 60 %.</li>
     *   <li>{@code tracking_gap} 6: hours without any event. Six hours lets a small site have a quiet night and
     *       still catches a broken tag the same day.</li>
     *   <li>{@code min_sessions} 100: the rate rules on sessions need this many sessions in each period. At 100
     *       sessions one session moves a rate by a single percentage point.</li>
     *   <li>{@code min_clicks} 100: {@code ctr_drop} needs this many clicks in the previous period, and as many
     *       expected in the current one at the previous CTR.</li>
     *   <li>{@code min_events_per_hour} 1: {@code tracking_gap} needs this many events per hour on average over
     *       the previous 7 days, so a property that is quiet anyway does not alert.</li>
     * </ul>
     */
    public static final Map<String, BigDecimal> DEFAULT_THRESHOLDS = defaultThresholds();

    /** Valid range and meaning of each threshold, for validation and its messages. */
    private static final Map<String, Bound> BOUNDS = bounds();

    /** Decimals a threshold may have: enough for a drop of 0.0001 %, or an amount in thousandths of a cent. */
    private static final int MAX_DECIMALS = 6;

    /** Significant digits DynamoDB stores in a number. */
    private static final int MAX_PRECISION = 38;

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    public AlertSettings {
        thresholds = thresholds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        disabledRules = disabledRules == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(disabledRules));
    }

    /** Returns settings with every default, every rule enabled and no webhook. */
    public static AlertSettings defaults() {
        return new AlertSettings(Map.of(), Set.of(), null);
    }

    /**
     * Builds and validates settings; null collections count as empty.
     *
     * @throws RequestException 400 naming the first invalid field, as described at {@link #validate()}
     */
    public static AlertSettings of(Map<String, BigDecimal> thresholds, Set<String> disabledRules,
            String webhookUrl) {
        return new AlertSettings(thresholds, disabledRules, webhookUrl).validate();
    }

    /**
     * Checks the settings and returns them. Raises a 400 naming {@code alerts.thresholds.<key>} for an unknown key,
     * a missing value or a value out of range, {@code alerts.disabledRules} for an unknown rule id, and
     * {@code alerts.webhookUrl} for a URL that is not https (http only to 127.0.0.1, localhost or [::1]) or
     * contains a user name or password. Nothing is fetched or resolved.
     *
     * @throws RequestException 400 naming the first invalid field, thresholds in key order
     */
    public AlertSettings validate() {
        Map<String, BigDecimal> sorted = new TreeMap<>(NULLS_FIRST);
        sorted.putAll(thresholds);
        for (Map.Entry<String, BigDecimal> threshold : sorted.entrySet()) {
            checkThreshold(threshold.getKey(), threshold.getValue());
        }
        List<String> disabled = disabledRules.stream().sorted(NULLS_FIRST).toList();
        for (String id : disabled) {
            if (id == null || AlertRule.fromId(id).isEmpty()) {
                throw RequestException.invalid(FIELD + ".disabledRules", FIELD + ".disabledRules contains "
                        + (id == null ? "null" : "'" + abbreviate(id) + "'") + ", which is not a rule id: use "
                        + AlertRule.ids());
            }
        }
        if (webhookUrl != null) {
            WebhookUrls.require(FIELD + ".webhookUrl", webhookUrl);
        }
        return this;
    }

    /** Returns whether {@code rule} may fire for this property. */
    public boolean enabled(AlertRule rule) {
        return !disabledRules.contains(rule.id());
    }

    /** Returns the threshold of {@code rule}: the override, else the default. */
    public BigDecimal threshold(AlertRule rule) {
        return threshold(rule.id());
    }

    /**
     * Returns the threshold with this rule or guard id: the override, else the default.
     *
     * @throws IllegalArgumentException for an id that is neither a rule nor a guard
     */
    public BigDecimal threshold(String key) {
        BigDecimal fallback = DEFAULT_THRESHOLDS.get(key);
        if (fallback == null) {
            throw new IllegalArgumentException("No alert threshold '" + key + "'; known: "
                    + DEFAULT_THRESHOLDS.keySet());
        }
        BigDecimal value = thresholds.get(key);
        return value != null ? value : fallback;
    }

    private static void checkThreshold(String key, BigDecimal value) {
        Bound bound = key == null ? null : BOUNDS.get(key);
        if (bound == null) {
            String quotedKey = key == null ? "null" : abbreviate(key);
            throw RequestException.invalid(FIELD + ".thresholds." + quotedKey, FIELD + ".thresholds has an unknown "
                    + "key '" + quotedKey + "': use one of " + String.join(", ", BOUNDS.keySet()));
        }
        String field = FIELD + ".thresholds." + key;
        if (value == null) {
            throw RequestException.invalid(field, field + " is null: give " + bound.meaning() + " or leave the key "
                    + "out to use the default " + DEFAULT_THRESHOLDS.get(key).toPlainString());
        }
        boolean aboveMin = bound.minExclusive() ? value.compareTo(bound.min()) > 0 : value.compareTo(bound.min()) >= 0;
        boolean inRange = aboveMin && value.compareTo(bound.max()) <= 0;
        // The decimals are capped so that every threshold fits a DynamoDB number and compares cheaply: a value
        // such as 1e-999999999 is in range but would make each comparison rescale to a billion digits. Precision
        // is checked first, because stripping trailing zeros divides by ten once per zero.
        int maxDecimals = bound.whole() ? 0 : MAX_DECIMALS;
        if (!inRange || value.precision() > MAX_PRECISION || value.stripTrailingZeros().scale() > maxDecimals) {
            throw RequestException.invalid(field, field + " " + abbreviate(value.toString()) + " is invalid: give "
                    + bound.meaning() + " " + bound.range() + (bound.whole() ? "" : ", with at most " + MAX_DECIMALS
                    + " decimals"));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static Map<String, BigDecimal> defaultThresholds() {
        Map<String, BigDecimal> defaults = new LinkedHashMap<>();
        defaults.put(AlertRule.CLV_BELOW_CAC.id(), new BigDecimal("1.0"));
        defaults.put(AlertRule.ROAS_BELOW_1.id(), new BigDecimal("1.0"));
        defaults.put(AlertRule.SPEND_WITHOUT_CONVERSIONS.id(), BigDecimal.ZERO);
        defaults.put(AlertRule.CTR_DROP.id(), new BigDecimal("0.30"));
        defaults.put(AlertRule.ENGAGEMENT_RATE_DROP.id(), new BigDecimal("0.20"));
        defaults.put(AlertRule.CONVERSION_RATE_DROP.id(), new BigDecimal("0.30"));
        defaults.put(AlertRule.BOUNCE_RATE_SPIKE.id(), new BigDecimal("0.10"));
        defaults.put(AlertRule.TRACKING_GAP.id(), new BigDecimal("6"));
        defaults.put(MIN_SESSIONS, new BigDecimal("100"));
        defaults.put(MIN_CLICKS, new BigDecimal("100"));
        defaults.put(MIN_EVENTS_PER_HOUR, BigDecimal.ONE);
        return Collections.unmodifiableMap(defaults);
    }

    private static Map<String, Bound> bounds() {
        Bound ratioTarget = new Bound(BigDecimal.ZERO, true, new BigDecimal("100"), false, "a ratio");
        Bound relativeDrop = new Bound(BigDecimal.ZERO, true, BigDecimal.ONE, false,
                "a relative drop as a fraction (0.30 for 30 %)");
        Bound wholeCount = new Bound(BigDecimal.ZERO, false, new BigDecimal("1000000000"), true, "a whole number");
        Map<String, Bound> bounds = new LinkedHashMap<>();
        bounds.put(AlertRule.CLV_BELOW_CAC.id(), ratioTarget);
        bounds.put(AlertRule.ROAS_BELOW_1.id(), ratioTarget);
        bounds.put(AlertRule.SPEND_WITHOUT_CONVERSIONS.id(), new Bound(BigDecimal.ZERO, false,
                new BigDecimal("1E15"), false, "an amount in the campaign's cost currency"));
        bounds.put(AlertRule.CTR_DROP.id(), relativeDrop);
        bounds.put(AlertRule.ENGAGEMENT_RATE_DROP.id(), relativeDrop);
        bounds.put(AlertRule.CONVERSION_RATE_DROP.id(), relativeDrop);
        bounds.put(AlertRule.BOUNCE_RATE_SPIKE.id(), new Bound(BigDecimal.ZERO, true, BigDecimal.ONE, false,
                "a rise in percentage points as a fraction (0.10 for 10 points)"));
        bounds.put(AlertRule.TRACKING_GAP.id(), new Bound(BigDecimal.ONE, false, new BigDecimal("168"), false,
                "a number of hours"));
        bounds.put(MIN_SESSIONS, wholeCount);
        bounds.put(MIN_CLICKS, wholeCount);
        bounds.put(MIN_EVENTS_PER_HOUR, new Bound(BigDecimal.ZERO, true, new BigDecimal("1000000"), false,
                "a number of events per hour"));
        return Collections.unmodifiableMap(bounds);
    }

    /** Valid values of one threshold: from {@code min} (or above it when exclusive) to {@code max}. */
    private record Bound(BigDecimal min, boolean minExclusive, BigDecimal max, boolean whole, String meaning) {

        String range() {
            return (minExclusive ? "above " + min.toPlainString() + " and at most " : "from " + min.toPlainString()
                    + " to ") + max.toPlainString();
        }
    }
}
