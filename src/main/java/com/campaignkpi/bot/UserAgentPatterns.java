package com.campaignkpi.bot;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Case-sensitive regular expressions of bot user agents, with a prefilter. Each expression's
 * {@link RequiredLiteral required text} is indexed by its first three characters. A user agent runs only the
 * expressions whose text it contains, plus the few expressions without such text. The result is the same as
 * running every expression with {@link java.util.regex.Matcher#find()}, because an expression cannot match a user
 * agent that lacks its required text.
 */
final class UserAgentPatterns {

    private static final int KEY_LENGTH = 3;

    private final Map<Long, List<Indexed>> byKey = new HashMap<>();
    private final List<Pattern> unindexed = new ArrayList<>();
    private final int size;

    private record Indexed(int id, String literal, Pattern pattern) {
    }

    UserAgentPatterns(List<Pattern> patterns) {
        size = patterns.size();
        for (int id = 0; id < patterns.size(); id++) {
            Pattern pattern = patterns.get(id);
            String literal = RequiredLiteral.of(pattern.pattern());
            if (literal == null || literal.length() < KEY_LENGTH) {
                unindexed.add(pattern);
            } else {
                byKey.computeIfAbsent(key(literal, 0), k -> new ArrayList<>())
                        .add(new Indexed(id, literal, pattern));
            }
        }
    }

    /** Tells whether any expression finds a match in {@code userAgent}. */
    boolean matchesAny(String userAgent) {
        for (Pattern pattern : unindexed) {
            if (pattern.matcher(userAgent).find()) {
                return true;
            }
        }
        BitSet tried = null;
        for (int i = 0; i + KEY_LENGTH <= userAgent.length(); i++) {
            List<Indexed> candidates = byKey.get(key(userAgent, i));
            if (candidates == null) {
                continue;
            }
            for (Indexed candidate : candidates) {
                if (!userAgent.startsWith(candidate.literal(), i)) {
                    continue;
                }
                if (tried == null) {
                    tried = new BitSet(size);
                }
                if (tried.get(candidate.id())) {
                    continue;
                }
                tried.set(candidate.id());
                if (candidate.pattern().matcher(userAgent).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    /** Returns how many expressions run on every user agent because no required text was found in them. */
    int unindexedCount() {
        return unindexed.size();
    }

    private static long key(String text, int offset) {
        return ((long) text.charAt(offset) << 32) | ((long) text.charAt(offset + 1) << 16) | text.charAt(offset + 2);
    }
}
