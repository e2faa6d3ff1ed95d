package com.campaignkpi.spend;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The text of a report file. Google Ads downloads come as UTF-8 (with or without a byte order mark) or as UTF-16
 * with a byte order mark. Spreadsheet programs also save Windows-1252.
 *
 * @param text the decoded text without the byte order mark
 * @param charset the encoding the bytes were read in
 * @param warning why the encoding is a guess, or null when it is certain
 */
record DecodedText(String text, Charset charset, String warning) {

    /**
     * The encoding tried when a file is not UTF-8. NOTE: a native image contains windows-1252 only when built with
     * quarkus.native.add-all-charsets=true. Without it, ISO-8859-1 is used, which reads 0x80-0x9F (€, curly
     * quotes) as control characters.
     */
    private static final Charset LEGACY = legacyCharset();

    /** Decodes by byte order mark. Without one, UTF-16 is recognised by its zero bytes and UTF-8 is checked. */
    static DecodedText decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return read(content, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return read(content, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return read(content, 2, StandardCharsets.UTF_16BE);
        }
        if (looksLikeUtf16(content, 1)) {
            return read(content, 0, StandardCharsets.UTF_16LE);
        }
        if (looksLikeUtf16(content, 0)) {
            return read(content, 0, StandardCharsets.UTF_16BE);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return new DecodedText(text, StandardCharsets.UTF_8, null);
        } catch (CharacterCodingException e) {
            return new DecodedText(new String(content, LEGACY), LEGACY, "The file is not valid UTF-8 and was read as "
                    + LEGACY.name() + ". Save it as UTF-8 if names look wrong");
        }
    }

    private static Charset legacyCharset() {
        try {
            return Charset.forName("windows-1252");
        } catch (UnsupportedCharsetException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static DecodedText read(byte[] content, int offset, Charset charset) {
        return new DecodedText(new String(content, offset, content.length - offset, charset), charset, null);
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns true when the first characters are ASCII written as UTF-16, which puts a zero byte at every
     * {@code zeroParity} position (1 for little endian, 0 for big endian). Reports start with ASCII headers.
     */
    private static boolean looksLikeUtf16(byte[] content, int zeroParity) {
        int pairs = Math.min(content.length / 2, 16);
        if (pairs < 2) {
            return false;
        }
        for (int i = 0; i < pairs; i++) {
            int zero = content[2 * i + zeroParity];
            int other = content[2 * i + 1 - zeroParity];
            if (zero != 0 || other == 0) {
                return false;
            }
        }
        return true;
    }
}
