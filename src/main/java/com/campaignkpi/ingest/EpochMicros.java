package com.campaignkpi.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Conversions between instants and microseconds since the Unix epoch, the unit of GA4 timestamps. Unlike
 * {@code ChronoUnit.MICROS.between}, which counts in nanoseconds and overflows after the year 2262, these stay exact
 * for every time up to the year 9999.
 */
public final class EpochMicros {

    private EpochMicros() {
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    public static Instant toInstant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
