package com.campaignkpi.api;

/** Checks of text a client sends, counted in characters as people see them rather than in UTF-16 units. */
public final class Texts {

    private Texts() {
    }

    /** Returns the number of Unicode code points: an emoji counts once. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Returns whether every UTF-16 surrogate in {@code text} is half of a pair, so the text can be stored as UTF-8. */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char unit = text.charAt(i);
            if (Character.isHighSurrogate(unit) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(unit)) {
                return false;
            }
        }
        return true;
    }
}
