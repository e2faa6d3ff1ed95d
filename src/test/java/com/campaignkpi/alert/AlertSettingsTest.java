package com.campaignkpi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.campaignkpi.api.RequestException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertSettingsTest {

    private static final String SLACK = "https://hooks.slack.com/services/T0000/B0000/SECRETPART";
    private static final String KEYS = "clv_below_cac, roas_below_1, spend_without_conversions, ctr_drop, "
            + "engagement_rate_drop, conversion_rate_drop, bounce_rate_spike, tracking_gap, min_sessions, min_clicks, "
            + "min_events_per_hour";
    private static final String RULES = "clv_below_cac, roas_below_1, spend_without_conversions, ctr_drop, "
            + "engagement_rate_drop, conversion_rate_drop, bounce_rate_spike, tracking_gap";

    private static RequestException rejectThreshold(String key, String value) {
        Map<String, BigDecimal> thresholds = new HashMap<>();
        thresholds.put(key, value == null ? null : new BigDecimal(value));
        return assertThrows(RequestException.class, () -> AlertSettings.of(thresholds, Set.of(), null));
    }

    private static RequestException rejectUrl(String url) {
        return assertThrows(RequestException.class, () -> AlertSettings.of(Map.of(), Set.of(), url));
    }

    @Test
    void defaultsMatchTheDocumentedValues() {
        AlertSettings defaults = AlertSettings.defaults();

        Map<String, String> expected = Map.ofEntries(Map.entry("clv_below_cac", "1.0"),
                Map.entry("roas_below_1", "1.0"), Map.entry("spend_without_conversions", "0"),
                Map.entry("ctr_drop", "0.30"), Map.entry("engagement_rate_drop", "0.20"),
                Map.entry("conversion_rate_drop", "0.30"), Map.entry("bounce_rate_spike", "0.10"),
                Map.entry("tracking_gap", "6"), Map.entry("min_sessions", "100"), Map.entry("min_clicks", "100"),
                Map.entry("min_events_per_hour", "1"));
        assertEquals(expected.keySet(), AlertSettings.DEFAULT_THRESHOLDS.keySet());
        expected.forEach((key, value) -> assertEquals(new BigDecimal(value), defaults.threshold(key), key));
        for (AlertRule rule : AlertRule.values()) {
            assertTrue(defaults.enabled(rule), rule.id());
        }
        assertNull(defaults.webhookUrl());
    }

    @Test
    void overridesAndDisabledRules() {
        AlertSettings settings = AlertSettings.of(Map.of("ctr_drop", new BigDecimal("0.5"), "min_sessions",
                BigDecimal.ZERO), Set.of("tracking_gap"), SLACK);

        assertEquals(new BigDecimal("0.5"), settings.threshold(AlertRule.CTR_DROP));
        assertEquals(BigDecimal.ZERO, settings.threshold(AlertSettings.MIN_SESSIONS));
        assertEquals(new BigDecimal("100"), settings.threshold(AlertSettings.MIN_CLICKS));
        assertFalse(settings.enabled(AlertRule.TRACKING_GAP));
        assertTrue(settings.enabled(AlertRule.CTR_DROP));
        assertEquals(SLACK, settings.webhookUrl());
    }

    @Test
    void nullCollectionsAreEmpty() {
        AlertSettings settings = AlertSettings.of(null, null, null);

        assertEquals(Map.of(), settings.thresholds());
        assertEquals(Set.of(), settings.disabledRules());
    }

    @Test
    void unknownThresholdKeyIsRejected() {
        RequestException e = rejectThreshold("ctr_dorp", "0.3");

        assertEquals(400, e.status());
        assertEquals("alerts.thresholds.ctr_dorp", e.field());
        assertEquals("alerts.thresholds has an unknown key 'ctr_dorp': use one of " + KEYS, e.getMessage());
    }

    static Stream<Arguments> invalidThresholds() {
        String drop = "a relative drop as a fraction (0.30 for 30 %) above 0 and at most 1, with at most 6 decimals";
        return Stream.of(
                Arguments.of("ctr_drop", "-0.1", drop),
                Arguments.of("ctr_drop", "0", drop),
                Arguments.of("ctr_drop", "1.5", drop),
                Arguments.of("engagement_rate_drop", "0.0000001", drop),
                Arguments.of("conversion_rate_drop", "1E-999999999", drop),
                Arguments.of("bounce_rate_spike", "-0.05", "a rise in percentage points as a fraction (0.10 for 10 "
                        + "points) above 0 and at most 1, with at most 6 decimals"),
                Arguments.of("roas_below_1", "-1", "a ratio above 0 and at most 100, with at most 6 decimals"),
                Arguments.of("clv_below_cac", "101", "a ratio above 0 and at most 100, with at most 6 decimals"),
                Arguments.of("spend_without_conversions", "-0.01", "an amount in the campaign's cost currency from 0 "
                        + "to 1000000000000000, with at most 6 decimals"),
                Arguments.of("tracking_gap", "0.5", "a number of hours from 1 to 168, with at most 6 decimals"),
                Arguments.of("tracking_gap", "169", "a number of hours from 1 to 168, with at most 6 decimals"),
                Arguments.of("min_sessions", "10.5", "a whole number from 0 to 1000000000"),
                Arguments.of("min_clicks", "-1", "a whole number from 0 to 1000000000"),
                Arguments.of("min_events_per_hour", "0", "a number of events per hour above 0 and at most 1000000, "
                        + "with at most 6 decimals"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidThresholds")
    void invalidThresholdIsRejected(String key, String value, String expected) {
        RequestException e = rejectThreshold(key, value);

        assertEquals(400, e.status());
        assertEquals("alerts.thresholds." + key, e.field());
        assertEquals("alerts.thresholds." + key + " " + new BigDecimal(value) + " is invalid: give " + expected,
                e.getMessage());
    }

    @Test
    void longValueIsRejectedQuickly() {
        String digits = "0." + "3".repeat(100_000);

        RequestException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> rejectThreshold("ctr_drop", digits));

        assertEquals("alerts.thresholds.ctr_drop", e.field());
    }

    @Test
    void boundaryThresholdsAreAccepted() {
        Map<String, BigDecimal> thresholds = Map.of("ctr_drop", BigDecimal.ONE, "bounce_rate_spike",
                new BigDecimal("0.000001"), "spend_without_conversions", BigDecimal.ZERO, "tracking_gap",
                new BigDecimal("168"), "min_sessions", new BigDecimal("100.00"), "roas_below_1", new BigDecimal("100"),
                "min_events_per_hour", new BigDecimal("0.5"));

        assertEquals(thresholds, AlertSettings.of(thresholds, Set.of(), null).thresholds());
    }

    @Test
    void nullThresholdIsRejected() {
        RequestException e = rejectThreshold("roas_below_1", null);

        assertEquals("alerts.thresholds.roas_below_1", e.field());
        assertEquals("alerts.thresholds.roas_below_1 is null: give a ratio or leave the key out to use the default "
                + "1.0", e.getMessage());
    }

    @Test
    void unknownDisabledRuleIsRejected() {
        RequestException e = assertThrows(RequestException.class,
                () -> AlertSettings.of(Map.of(), Set.of("roas_below_one"), null));

        assertEquals("alerts.disabledRules", e.field());
        assertEquals("alerts.disabledRules contains 'roas_below_one', which is not a rule id: use " + RULES,
                e.getMessage());
    }

    @Test
    void nullDisabledRuleIsRejected() {
        Set<String> disabled = new LinkedHashSet<>(Arrays.asList("ctr_drop", null));

        RequestException e = assertThrows(RequestException.class, () -> AlertSettings.of(Map.of(), disabled, null));

        assertEquals("alerts.disabledRules contains null, which is not a rule id: use " + RULES, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {SLACK, "https://example.com:8443/hook?x=1", "http://127.0.0.1:8080/hook",
            "http://localhost/hook", "HTTP://LOCALHOST/hook", "http://[::1]:9000/hook"})
    void acceptedWebhookUrls(String url) {
        assertEquals(url, AlertSettings.of(Map.of(), Set.of(), url).webhookUrl());
    }

    static Stream<Arguments> rejectedWebhookUrls() {
        return Stream.of(
                Arguments.of("http://hooks.slack.com/services/T0000/B0000/SECRETPART", "alerts.webhookUrl uses plain "
                        + "http to a host other than 127.0.0.1, localhost or [::1]: use https, because the URL and the "
                        + "alerts would cross the network unencrypted"),
                Arguments.of("http://127.0.0.1.nip.io/SECRETPART", "alerts.webhookUrl uses plain http to a host other "
                        + "than 127.0.0.1, localhost or [::1]: use https, because the URL and the alerts would cross "
                        + "the network unencrypted"),
                Arguments.of("https://user:SECRETPART@hooks.slack.com/services/x", "alerts.webhookUrl contains a user "
                        + "name or password before the host: remove it and use the URL the receiver issued, which "
                        + "carries its secret in the path"),
                Arguments.of("http://user@127.0.0.1/SECRETPART", "alerts.webhookUrl contains a user name or password "
                        + "before the host: remove it and use the URL the receiver issued, which carries its secret "
                        + "in the path"),
                Arguments.of("ftp://example.com/SECRETPART", "alerts.webhookUrl must be an absolute https:// URL"),
                Arguments.of("hooks.slack.com/services/SECRETPART", "alerts.webhookUrl must be an absolute https:// "
                        + "URL"),
                Arguments.of("https:///SECRETPART", "alerts.webhookUrl has no valid host name"),
                Arguments.of("https://exa_mple.com:99999/SECRETPART", "alerts.webhookUrl has no valid host name"),
                Arguments.of("https://example.com/SECRET PART", "alerts.webhookUrl is not a valid URL (Illegal "
                        + "character in path at index 26): give the https:// address the receiver issued"),
                Arguments.of("  ", "alerts.webhookUrl is empty: give an https:// URL or leave it out"),
                Arguments.of("https://example.com/SECRETPART" + "x".repeat(2000), "alerts.webhookUrl has 2030 "
                        + "characters; the limit is 2000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedWebhookUrls")
    void rejectedWebhookUrl(String url, String expected) {
        RequestException e = rejectUrl(url);

        assertEquals(400, e.status());
        assertEquals("alerts.webhookUrl", e.field());
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("SECRET"), "the message must not repeat the URL");
    }

    @Test
    void portAboveRangeIsRejected() {
        assertEquals("alerts.webhookUrl has port 70000; ports go up to 65535",
                rejectUrl("https://example.com:70000/x").getMessage());
    }

    @Test
    void thresholdsAreCheckedInKeyOrder() {
        Map<String, BigDecimal> thresholds = Map.of("tracking_gap", BigDecimal.ZERO, "ctr_drop", BigDecimal.TEN);

        assertEquals("alerts.thresholds.ctr_drop",
                assertThrows(RequestException.class, () -> AlertSettings.of(thresholds, Set.of(), null)).field());
    }

    @Test
    void unknownThresholdLookupFails() {
        assertThrows(IllegalArgumentException.class, () -> AlertSettings.defaults().threshold("ctr"));
    }
}
