package com.campaignkpi.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.campaignkpi.bot.BotDetector.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bundled crawler list on real user agents. Each browser string is what the named browser sends today; each
 * crawler string is the one its operator documents.
 */
class BotDetectorTest {

    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String GOOGLEBOT_SMARTPHONE = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.139 Mobile Safari/537.36 (compatible; "
            + "Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String BINGBOT = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
    static final String AHREFSBOT = "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)";
    static final String CURL = "curl/8.5.0";
    static final String CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, "
            + "like Gecko) Chrome/131.0.6778.104 Mobile Safari/537.36";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private final BotDetector detector = BotDetector.bundled();

    @Test
    void searchAndSeoCrawlersAreBots() {
        assertEquals(Verdict.BOT, detector.classify(GOOGLEBOT));
        assertEquals(Verdict.BOT, detector.classify(GOOGLEBOT_SMARTPHONE));
        assertEquals(Verdict.BOT, detector.classify(BINGBOT));
        assertEquals(Verdict.BOT, detector.classify(AHREFSBOT));
    }

    /**
     * curl is on the list ({@code ^curl}). No visitor's browser sends it, so an event with this user agent came
     * from a script or a health check, and counting it as a visit would inflate sessions.
     */
    @Test
    void curlIsBot() {
        assertEquals(Verdict.BOT, detector.classify(CURL));
    }

    @Test
    void browsersAreNotBots() {
        assertEquals(Verdict.NOT_BOT, detector.classify(CHROME_ANDROID));
        assertEquals(Verdict.NOT_BOT, detector.classify(SAFARI_IPHONE));
        assertEquals(Verdict.NOT_BOT, detector.classify(FIREFOX_LINUX));
    }

    @Test
    void missingOrBlankIsUnknown() {
        assertEquals(Verdict.UNKNOWN, detector.classify(null));
        assertEquals(Verdict.UNKNOWN, detector.classify(""));
        assertEquals(Verdict.UNKNOWN, detector.classify(" \t"));
        assertEquals(false, detector.isBot(null));
    }

    @Test
    void matchingIsCaseSensitive() {
        assertEquals(Verdict.BOT, detector.classify("Googlebot/2.1"));
        assertEquals(Verdict.NOT_BOT, detector.classify("GOOGLEBOT/2.1"));
    }

    @Test
    void cachedVerdictRepeats() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Verdict.BOT, detector.classify(AHREFSBOT), "call " + i);
            assertEquals(Verdict.NOT_BOT, detector.classify(SAFARI_IPHONE), "call " + i);
        }
    }

    @Test
    void longUserAgentReadsFirstCharacters() {
        String padding = "x".repeat(BotDetector.MAX_USER_AGENT_LENGTH);

        assertEquals(Verdict.BOT, detector.classify(GOOGLEBOT + padding));
        assertEquals(Verdict.NOT_BOT, detector.classify(padding + GOOGLEBOT),
                "a token past the first " + BotDetector.MAX_USER_AGENT_LENGTH + " characters is not read");
    }

    @Test
    void bundledListCompilesWhole() throws Exception {
        JsonNode list = bundledList();

        assertEquals(0, detector.skippedPatterns());
        assertEquals(list.size(), detector.patternCount());
    }

    @Test
    void everyListedInstanceIsBot() throws Exception {
        List<String> missed = new ArrayList<>();
        int instances = 0;
        for (JsonNode entry : bundledList()) {
            for (JsonNode instance : entry.path("instances")) {
                instances++;
                if (!detector.isBot(instance.asText())) {
                    missed.add(instance.asText());
                }
            }
        }

        assertEquals(List.of(), missed, "of " + instances + " instances");
    }

    /** The prefilter must never change a verdict: compare it with running every pattern. */
    @Test
    void prefilterAgreesWithEveryPattern() throws Exception {
        List<Pattern> patterns = new ArrayList<>();
        List<String> userAgents = new ArrayList<>(List.of(CHROME_ANDROID, SAFARI_IPHONE, FIREFOX_LINUX, CURL,
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
                        + "Safari/537.36", "okhttp/4.12.0", "python-requests/2.32.3", "Go-http-client/1.1"));
        for (JsonNode entry : bundledList()) {
            patterns.add(Pattern.compile(entry.get("pattern").asText()));
            entry.path("instances").forEach(instance -> userAgents.add(instance.asText()));
        }
        UserAgentPatterns prefiltered = new UserAgentPatterns(patterns);

        List<String> disagreements = new ArrayList<>();
        for (String userAgent : userAgents) {
            boolean expected = patterns.stream().anyMatch(pattern -> pattern.matcher(userAgent).find());
            if (prefiltered.matchesAny(userAgent) != expected) {
                disagreements.add(userAgent);
            }
        }

        assertEquals(List.of(), disagreements, "of " + userAgents.size() + " user agents");
    }

    @Test
    void invalidPatternIsSkippedAndCounted() {
        String json = "[{\"pattern\":\"Googlebot\\\\/\"},{\"pattern\":\"broken(\"},{\"pattern\":\"^curl\"}]";

        BotDetector parsed = BotDetector.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertEquals(2, parsed.patternCount());
        assertEquals(1, parsed.skippedPatterns());
        assertEquals(Verdict.BOT, parsed.classify(CURL));
        assertEquals(Verdict.BOT, parsed.classify(GOOGLEBOT));
        assertEquals(Verdict.NOT_BOT, parsed.classify("broken("));
    }

    @Test
    void requiredLiteralOfListPatterns() {
        assertEquals("Googlebot/", RequiredLiteral.of("Googlebot\\/"));
        assertEquals("AdsBot-Google", RequiredLiteral.of("AdsBot-Google([^-]|$)"));
        assertEquals("curl", RequiredLiteral.of("^curl"));
        assertEquals("sentry/", RequiredLiteral.of("(^| )sentry\\/"));
        assertEquals("http", RequiredLiteral.of("https?:"));
        assertEquals("ab", RequiredLiteral.of("ab+c"));
        assertEquals("yz", RequiredLiteral.of("x{0,2}yz"));
        assertEquals("ot", RequiredLiteral.of("[Bb]ot"));
    }

    @Test
    void requiredLiteralGivesUpOnAlternationAndFlags() {
        assertNull(RequiredLiteral.of("Chirp|gotosocial"));
        assertNull(RequiredLiteral.of("(?i)googlebot"));
        assertNull(RequiredLiteral.of("\\x41bc"));
        assertNull(RequiredLiteral.of("."));
    }

    private static JsonNode bundledList() throws Exception {
        try (InputStream stream = BotDetector.class.getResourceAsStream(BotDetector.RESOURCE)) {
            return new ObjectMapper().readTree(stream);
        }
    }
}
