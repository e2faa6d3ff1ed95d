package com.campaignkpi.replay;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a replay, as counted by the server's responses.
 *
 * @param events           events sent
 * @param requests         request bodies sent, not counting retries
 * @param retries          tries made after a failed first one
 * @param accepted         events the server stored
 * @param duplicates       events the server had already stored
 * @param rejected         events the server rejected
 * @param sampleRejections up to 20 rejected events with the server's reason
 * @param elapsed          wall-clock time of the replay
 */
public record ReplaySummary(
        long events,
        long requests,
        long retries,
        long accepted,
        long duplicates,
        long rejected,
        List<Rejection> sampleRejections,
        Duration elapsed) {

    public ReplaySummary {
        sampleRejections = List.copyOf(sampleRejections);
    }

    /** Returns the replay rate in events per second of wall-clock time. */
    public double eventsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : events / seconds;
    }
}
