package com.campaignkpi.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real public exports kept beside the project in {@code ../shared/datasets}. A fresh clone does not have
 * them, so tests on them are skipped there with a message naming the missing folder.
 */
public final class SharedData {

    public static final Path ROOT = Path.of("..", "shared", "datasets");

    private SharedData() {
    }

    /** Returns the file under the datasets folder, or skips the calling test when it is absent. */
    public static Path require(String relative) {
        Path file = ROOT.resolve(relative);
        assumeTrue(Files.isRegularFile(file), () -> "shared dataset " + file.toAbsolutePath().normalize()
                + " not found; these tests run where ../shared/datasets sits beside the project");
        return file;
    }
}
