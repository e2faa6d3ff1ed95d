package com.campaignkpi.lambda;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escapes that keep a message body within the characters SQS accepts: #x9, #xA, #xD, #x20 to #xD7FF, #xE000
 * to #xFFFD and #x10000 to #x10FFFF ("SendMessage" in the Amazon SQS API reference). JSON already escapes control
 * characters. These escapes add UTF-16 surrogates, which a body contains only as halves of a pair or as a sender's
 * lone escape, and U+FFFE and U+FFFF, so the consumer reads the same text the webhook received.
 */
final class SqsCharacters extends CharacterEscapes {

    static final SqsCharacters ESCAPES = new SqsCharacters();

    private static final int[] ASCII = standardAsciiEscapesForJSON();

    private SqsCharacters() {
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    /** Returns {@code \\uXXXX} for a character above ASCII that SQS does not accept, else null (written as is). */
    @Override
    public SerializableString getEscapeSequence(int ch) {
        boolean rejectedBySqs = (ch >= 0xD800 && ch <= 0xDFFF) || ch == 0xFFFE || ch == 0xFFFF;
        return rejectedBySqs ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
