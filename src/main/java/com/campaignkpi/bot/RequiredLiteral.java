package com.campaignkpi.bot;

/**
 * Finds text that every match of a regular expression must contain, so that a user agent without that text can
 * skip the expression. The parser is conservative: when it is unsure, it returns null and the expression is run on
 * every user agent.
 */
final class RequiredLiteral {

    private RequiredLiteral() {
    }

    /**
     * Returns the longest run of plain characters that any match of {@code regex} contains, or null when the
     * expression has an alternation at its top level, inline flags, quoting or an escape this parser does not
     * model. Groups, character classes, {@code .}, anchors and optional characters end a run.
     */
    static String of(String regex) {
        if (regex.contains("(?") || regex.contains("\\Q") || hasTopLevelAlternation(regex)) {
            return null;
        }
        String longest = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int atomEnd;
            Character literal = null;
            if (c == '\\') {
                if (i + 1 >= regex.length()) {
                    return null;
                }
                char escaped = regex.charAt(i + 1);
                if (Character.isLetterOrDigit(escaped)) {
                    if ("dDwWsSbBtnrfae".indexOf(escaped) < 0) {
                        // \x41, \u0041, \p{L}, \0 octal and back references span more characters.
                        return null;
                    }
                } else {
                    literal = escaped;
                }
                atomEnd = i + 2;
            } else if (c == '[') {
                atomEnd = endOfClass(regex, i);
            } else if (c == '(') {
                atomEnd = endOfGroup(regex, i);
            } else if (c == ')' || c == '*' || c == '+' || c == '?' || c == '{') {
                return null;
            } else {
                if (c != '.' && c != '^' && c != '$') {
                    literal = c;
                }
                atomEnd = i + 1;
            }
            if (atomEnd < 0) {
                return null;
            }

            int quantifierEnd = endOfQuantifier(regex, atomEnd);
            if (quantifierEnd < 0) {
                return null;
            }
            boolean quantified = quantifierEnd > atomEnd;
            boolean optional = quantified && mayRepeatZeroTimes(regex.substring(atomEnd, quantifierEnd));
            if (literal != null && !optional) {
                run.append(literal.charValue());
            }
            if (literal == null || quantified) {
                // A repeated character may appear more than once, so the run ends after its first copy.
                longest = longer(longest, run);
                run.setLength(0);
            }
            i = quantifierEnd;
        }
        longest = longer(longest, run);
        return longest.isEmpty() ? null : longest;
    }

    private static String longer(String longest, StringBuilder run) {
        return run.length() > longest.length() ? run.toString() : longest;
    }

    private static boolean hasTopLevelAlternation(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int end = endOfClass(regex, i);
                if (end < 0) {
                    return true;
                }
                i = end - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** Returns the index after the {@code ]} that closes the class opened at {@code start}, or -1. */
    private static int endOfClass(String regex, int start) {
        int i = start + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** Returns the index after the {@code )} that closes the group opened at {@code start}, or -1. */
    private static int endOfGroup(String regex, int start) {
        int depth = 0;
        int i = start;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                i = endOfClass(regex, i);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** Returns the index after a quantifier that starts at {@code start}, {@code start} for none, or -1. */
    private static int endOfQuantifier(String regex, int start) {
        if (start >= regex.length()) {
            return start;
        }
        char c = regex.charAt(start);
        int end;
        if (c == '?' || c == '*' || c == '+') {
            end = start + 1;
        } else if (c == '{') {
            int close = regex.indexOf('}', start);
            if (close < 0) {
                return -1;
            }
            end = close + 1;
        } else {
            return start;
        }
        // A lazy (?) or possessive (+) mark changes how the quantifier matches, not how often it may.
        if (end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
            end++;
        }
        return end;
    }

    private static boolean mayRepeatZeroTimes(String quantifier) {
        char first = quantifier.charAt(0);
        if (first == '?' || first == '*') {
            return true;
        }
        if (first == '+') {
            return false;
        }
        String bounds = quantifier.substring(1, quantifier.indexOf('}'));
        String minimum = bounds.contains(",") ? bounds.substring(0, bounds.indexOf(',')) : bounds;
        try {
            return Integer.parseInt(minimum.strip()) == 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
