package com.campaignkpi.replay;

import java.io.IOException;
import java.nio.file.Path;

/** Converts one export file into replay events. Files whose name ends in {@code .gz} are gunzipped on the fly. */
public interface ExportReader {

    /**
     * Reads the whole file.
     *
     * @throws ReplayInputException when a row cannot be converted; the message names file, line and column
     * @throws IOException          when the file cannot be read
     */
    ReadResult read(Path file) throws IOException;
}
