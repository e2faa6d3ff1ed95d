package com.campaignkpi.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints the replay's progress at most every 500 ms. On a terminal one line is redrawn in place with a carriage
 * return. Elsewhere, as in a CI log, a new line is printed at each further 10 % of the events.
 */
final class ProgressReporter {

    static final long MIN_INTERVAL_NANOS = 500_000_000L;
    private static final int LINE_STEPS = 10;

    private final PrintStream out;
    private final boolean terminal;
    private final long totalEvents;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private boolean printed;
    private long lastPrintNanos;
    private long lastStep;
    private int lastLength;

    /**
     * @param out       where to print, usually standard error; null prints nothing
     * @param terminal  whether out is a terminal
     * @param nanoClock the clock, {@link System#nanoTime()} outside tests
     */
    ProgressReporter(PrintStream out, boolean terminal, long totalEvents, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.totalEvents = totalEvents;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    synchronized void update(Counts counts) {
        long now = nanoClock.getAsLong();
        boolean tooSoon = printed && now - lastPrintNanos < MIN_INTERVAL_NANOS;
        if (out == null || tooSoon) {
            return;
        }
        if (terminal) {
            redraw(line(counts, now));
        } else {
            // The final line comes from finish(), so a step of 100 % is left to it.
            long step = totalEvents == 0 ? LINE_STEPS : counts.events() * LINE_STEPS / totalEvents;
            if (step <= lastStep || step >= LINE_STEPS) {
                return;
            }
            out.println(line(counts, now));
            lastStep = step;
        }
        printed = true;
        lastPrintNanos = now;
    }

    /** Prints the final line, which always shows the final counts. */
    synchronized void finish(Counts counts) {
        if (out == null) {
            return;
        }
        String line = line(counts, nanoClock.getAsLong());
        if (terminal) {
            redraw(line);
            out.println();
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line(Counts counts, long nowNanos) {
        double seconds = (nowNanos - startNanos) / 1e9;
        double rate = seconds <= 0 ? 0 : counts.events() / seconds;
        return String.format(Locale.US, "replaying: %,d/%,d events, %,d requests, accepted %,d, duplicates %,d, "
                + "rejected %,d, %,.0f events/s", counts.events(), totalEvents, counts.requests(), counts.accepted(),
                counts.duplicates(), counts.rejected(), rate);
    }

    private void redraw(String line) {
        // Spaces cover the rest of a longer previous line.
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        out.print("\r" + line + padding);
        out.flush();
        lastLength = line.length();
    }

    /** Running totals: events and requests with a response so far, and the server's counts. */
    record Counts(long events, long requests, long accepted, long duplicates, long rejected) {
    }
}
