package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the bundled sample and of the shared datasets, relative to the project directory. */
final class TestData {

    static final Path SAMPLE_HITS = Path.of("data/samples/ga360_universal_analytics_sample_hits.csv.gz");
    static final Path SAMPLE_SESSION_TOTALS = Path.of("data/samples/ga360_session_totals.csv");
    static final Path SHARED_DATASETS = Path.of("../shared/datasets");

    private TestData() {
    }

    /** Returns a file of the shared datasets, skipping the test when the folder is not next to the project. */
    static Path shared(String relativePath) {
        assumeTrue(Files.isDirectory(SHARED_DATASETS),
                "shared datasets not found at ../shared/datasets: " + SHARED_DATASETS.toAbsolutePath().normalize());
        Path file = SHARED_DATASETS.resolve(relativePath);
        assumeTrue(Files.isRegularFile(file), "shared dataset file not found: " + file.toAbsolutePath().normalize());
        return file;
    }

    static Path write(Path directory, String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }
}
