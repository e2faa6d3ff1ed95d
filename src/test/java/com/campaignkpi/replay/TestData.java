package com.campaignkpi.replay;

import com.campaignkpi.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the bundled sample and of the shared datasets, relative to the project directory. */
final class TestData {

    static final Path SAMPLE_HITS = Path.of("data/samples/ga360_universal_analytics_sample_hits.csv.gz");
    static final Path SAMPLE_SESSION_TOTALS = Path.of("data/samples/ga360_session_totals.csv");

    private TestData() {
    }

    /** Returns a file of the shared datasets, skipping the test when the folder is not next to the project. */
    static Path shared(String relativePath) {
        return SharedData.require(relativePath);
    }

    static Path write(Path directory, String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }
}
