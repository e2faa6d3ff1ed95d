package com.campaignkpi.replay;

import java.util.ArrayList;
import java.util.List;

/** Parses ClickHouse array literals of strings, such as {@code ['browser_language','logged_in']}. */
final class ClickHouseArrays {

    private ClickHouseArrays() {
    }

    /**
     * Returns the strings of the literal in order. Inside the quotes a backslash escapes the next character, as in
     * ClickHouse's text output; {@code \n}, {@code \t} and {@code \r} stand for control characters.
     *
     * @throws IllegalArgumentException with the 1-based character position of the first problem
     */
    static List<String> parseStrings(String literal) {
        String text = literal.strip();
        if (text.length() < 2 || text.charAt(0) != '[' || text.charAt(text.length() - 1) != ']') {
            throw new IllegalArgumentException("expected an array literal such as ['a','b'], found '" + literal + "'");
        }
        List<String> values = new ArrayList<>();
        int position = skipSpaces(text, 1);
        int end = text.length() - 1;
        while (position < end) {
            if (text.charAt(position) != '\'') {
                throw problem(text, position, "expected a quote (')");
            }
            StringBuilder value = new StringBuilder();
            position = readQuoted(text, position + 1, value);
            values.add(value.toString());
            position = skipSpaces(text, position);
            if (position < end) {
                if (text.charAt(position) != ',') {
                    throw problem(text, position, "expected ',' or ']'");
                }
                position = skipSpaces(text, position + 1);
            }
        }
        return values;
    }

    /** Appends the quoted string's content to value and returns the position after the closing quote. */
    private static int readQuoted(String text, int position, StringBuilder value) {
        int last = text.length() - 1;
        while (position < last) {
            char c = text.charAt(position);
            if (c == '\'') {
                return position + 1;
            }
            if (c == '\\' && position + 1 < last) {
                value.append(unescape(text.charAt(position + 1)));
                position += 2;
            } else {
                value.append(c);
                position++;
            }
        }
        throw problem(text, position, "the quoted string has no closing quote");
    }

    private static char unescape(char escaped) {
        return switch (escaped) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '0' -> '\0';
            default -> escaped;
        };
    }

    private static int skipSpaces(String text, int position) {
        while (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
        return position;
    }

    private static IllegalArgumentException problem(String text, int position, String detail) {
        return new IllegalArgumentException(detail + " at character " + (position + 1) + " of " + text);
    }
}
