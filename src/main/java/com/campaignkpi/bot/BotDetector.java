package com.campaignkpi.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jboss.logging.Logger;

/**
 * Tells whether a user agent belongs to a crawler, bot or HTTP library, by the list "crawler-user-agents"
 * (github.com/monperrus/crawler-user-agents, MIT licence). The bundled copy ({@value #RESOURCE}, see the README.md
 * next to it) is compiled once, on the first call to {@link #bundled()}. Patterns are case-sensitive, as the list's
 * own libraries use them by default.
 *
 * <p>Verdicts are cached per distinct user agent, up to {@value #CACHE_SIZE} of them, least recently used out
 * first. Only the first {@value #MAX_USER_AGENT_LENGTH} characters of a user agent are read, which keeps the
 * cache small whatever a sender puts in the field.
 *
 * <p>Native builds must include the resource, for example with
 * {@code quarkus.native.resources.includes=bots/**}.
 */
public final class BotDetector {

    /** Class-path location of the bundled list. */
    public static final String RESOURCE = "/bots/crawler-user-agents.json";

    /** Distinct user agents whose verdict is kept. */
    static final int CACHE_SIZE = 10_000;

    /**
     * Characters of a user agent that are read. Browser user agents are about 100 to 300 characters long. A
     * pattern anchored at the end ({@code $}) is tested on the cut text, so it can miss a longer user agent.
     */
    static final int MAX_USER_AGENT_LENGTH = 512;

    private static final Logger LOG = Logger.getLogger(BotDetector.class);

    /** Classification of a user agent. */
    public enum Verdict {
        /** The user agent matches a pattern of the list. */
        BOT,
        /** The user agent matches no pattern. */
        NOT_BOT,
        /** No user agent, or an empty one: nothing is known. */
        UNKNOWN
    }

    private final UserAgentPatterns patterns;
    private final int skipped;
    private final Map<String, Boolean> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private BotDetector(UserAgentPatterns patterns, int skipped) {
        this.patterns = patterns;
        this.skipped = skipped;
    }

    /** Returns the detector of the bundled list, compiling it on the first call. */
    public static BotDetector bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Reads a list in the format of crawler-user-agents.json, an array of objects with a {@code pattern} each, and
     * compiles the patterns. A pattern that is not a valid Java regular expression is skipped and counted in
     * {@link #skippedPatterns()}.
     *
     * @throws IllegalArgumentException when the JSON is not an array of objects with a text {@code pattern}
     * @throws UncheckedIOException when reading fails
     */
    public static BotDetector parse(InputStream json) {
        JsonNode list;
        try {
            list = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the crawler user-agent list", e);
        }
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("The crawler user-agent list must be a JSON array of objects with "
                    + "a 'pattern'");
        }
        List<Pattern> compiled = new ArrayList<>(list.size());
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode pattern = list.get(i).get("pattern");
            if (pattern == null || !pattern.isTextual() || pattern.asText().isEmpty()) {
                throw new IllegalArgumentException("Entry " + i + " of the crawler user-agent list has no text "
                        + "'pattern'");
            }
            try {
                compiled.add(Pattern.compile(pattern.asText()));
            } catch (PatternSyntaxException e) {
                invalid.add(pattern.asText());
            }
        }
        if (!invalid.isEmpty()) {
            LOG.warnf("Skipped %d of %d crawler user-agent patterns that are not valid Java regular expressions: %s",
                    invalid.size(), list.size(), invalid);
        }
        return new BotDetector(new UserAgentPatterns(compiled), invalid.size());
    }

    /** Classifies a user agent; null, empty and blank ones are {@link Verdict#UNKNOWN}. */
    public Verdict classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Verdict.UNKNOWN;
        }
        String text = userAgent.length() > MAX_USER_AGENT_LENGTH
                ? userAgent.substring(0, MAX_USER_AGENT_LENGTH)
                : userAgent;
        Boolean bot;
        synchronized (cache) {
            bot = cache.get(text);
        }
        if (bot == null) {
            bot = patterns.matchesAny(text);
            synchronized (cache) {
                cache.put(text, bot);
            }
        }
        return bot ? Verdict.BOT : Verdict.NOT_BOT;
    }

    /** Tells whether a user agent is listed as a bot; an unknown user agent is not. */
    public boolean isBot(String userAgent) {
        return classify(userAgent) == Verdict.BOT;
    }

    /** Returns how many patterns were compiled. */
    public int patternCount() {
        return patterns.size();
    }

    /** Returns how many patterns of the list were skipped because Java cannot compile them. */
    public int skippedPatterns() {
        return skipped;
    }

    private static BotDetector loadBundled() {
        InputStream stream = BotDetector.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("Resource " + RESOURCE + " not found on the class path; native builds "
                    + "need quarkus.native.resources.includes=bots/**");
        }
        try (stream) {
            BotDetector loaded = parse(stream);
            LOG.infof("Loaded %d crawler user-agent patterns from %s (%d skipped, %d checked on every user agent)",
                    loaded.patternCount(), RESOURCE, loaded.skippedPatterns(), loaded.patterns.unindexedCount());
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + RESOURCE, e);
        }
    }

    /** Holder whose class initialization, which the JVM runs once on first use, compiles the bundled list. */
    private static final class Bundled {
        private static final BotDetector INSTANCE = loadBundled();
    }
}
