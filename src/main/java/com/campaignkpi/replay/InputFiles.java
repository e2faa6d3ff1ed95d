package com.campaignkpi.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Opens export files as UTF-8 text, gunzipping files whose name ends in {@code .gz}. */
final class InputFiles {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private InputFiles() {
    }

    /** Opens the file for reading; a leading UTF-8 byte order mark is skipped so header names match. */
    static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                in = new GZIPInputStream(in, BUFFER_BYTES);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER_BYTES);
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }
}
