package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    private static final long MILLIS = 1_000_000L;

    @Test
    void linesAtEachTenPercent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong(0);
        ProgressReporter progress = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                12_041, clock::get);

        clock.set(100 * MILLIS);
        progress.update(counts(500));
        clock.set(1_000 * MILLIS);
        progress.update(counts(1_300));
        clock.set(1_200 * MILLIS);
        progress.update(counts(2_500));
        clock.set(2_000 * MILLIS);
        progress.update(counts(2_600));
        clock.set(4_000 * MILLIS);
        progress.finish(counts(12_041));

        assertEquals("""
                replaying: 1,300/12,041 events, 52 requests, accepted 1,300, duplicates 0, rejected 0, 1,300 events/s
                replaying: 2,600/12,041 events, 104 requests, accepted 2,600, duplicates 0, rejected 0, 1,300 events/s
                replaying: 12,041/12,041 events, 481 requests, accepted 12,041, duplicates 0, rejected 0, 3,010 events/s
                """.replace("\n", System.lineSeparator()), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void terminalRedrawsOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong(0);
        ProgressReporter progress = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
                100, clock::get);

        clock.set(1_000 * MILLIS);
        progress.update(counts(50));
        clock.set(1_100 * MILLIS);
        progress.update(counts(60));
        clock.set(2_000 * MILLIS);
        progress.finish(counts(100));

        assertEquals("\rreplaying: 50/100 events, 2 requests, accepted 50, duplicates 0, rejected 0, 50 events/s"
                + "\rreplaying: 100/100 events, 4 requests, accepted 100, duplicates 0, rejected 0, 50 events/s"
                + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    private static ProgressReporter.Counts counts(long events) {
        return new ProgressReporter.Counts(events, events / 25, events, 0, 0);
    }
}
