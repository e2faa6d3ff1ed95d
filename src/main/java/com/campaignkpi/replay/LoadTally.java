package com.campaignkpi.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The outcome of a load test's requests, added to by concurrent senders, and its Markdown summary. "Acknowledged"
 * events are those that a 200 response counts as accepted or as duplicates: both mean the event is stored once.
 */
final class LoadTally {

    private final LongAdder eventsSent = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder connectionErrors = new LongAdder();
    private final LongAdder abandonedRequests = new LongAdder();
    private final LongAdder abandonedEvents = new LongAdder();
    private final LongAdder errorStatusEvents = new LongAdder();
    private final Map<Integer, LongAdder> errorStatusCounts = new ConcurrentSkipListMap<>();
    private final LatencyStats okLatency = new LatencyStats();
    private final LatencyStats unavailableLatency = new LatencyStats();
    private final LatencyStats errorStatusLatency = new LatencyStats();
    private final LongAdder unavailable = new LongAdder();
    private volatile long elapsedNanos;
    private volatile int requestsNotStarted;

    void sent(int events) {
        eventsSent.add(events);
    }

    void retried() {
        retries.increment();
    }

    /** Counts a 200 response with the server's counts of the request's events. */
    void ok(long latencyNanos, JsonNode counts) {
        okLatency.add(latencyNanos);
        accepted.add(counts.get("accepted").asLong());
        duplicates.add(counts.get("duplicates").asLong());
        rejected.add(counts.get("rejected").asLong());
    }

    void unavailable(long latencyNanos) {
        unavailable.increment();
        unavailableLatency.add(latencyNanos);
    }

    /** Counts a final response other than 200 or 503, such as 400 or 413, whose events are not stored. */
    void errorStatus(int status, int events, long latencyNanos) {
        errorStatusCounts.computeIfAbsent(status, key -> new LongAdder()).increment();
        errorStatusEvents.add(events);
        errorStatusLatency.add(latencyNanos);
    }

    /** Counts a connection error and returns how many there were so far. */
    long connectionError() {
        connectionErrors.increment();
        return connectionErrors.sum();
    }

    /** Counts a request whose every try failed; some of its events may still have been stored. */
    void abandoned(int events) {
        abandonedRequests.increment();
        abandonedEvents.add(events);
    }

    void finish(long elapsedNanos, int requestsNotStarted) {
        this.elapsedNanos = elapsedNanos;
        this.requestsNotStarted = requestsNotStarted;
    }

    long eventsSent() {
        return eventsSent.sum();
    }

    long acknowledged() {
        return accepted.sum() + duplicates.sum();
    }

    long unavailableCount() {
        return unavailable.sum();
    }

    /** Returns the summary as Markdown: what was sent and stored, then the latencies per outcome. */
    String markdown(LoadPlan plan, long stored, Duration snapshotTime) {
        double seconds = elapsedNanos / 1e9;
        long okRequests = okLatency.summary().count();
        long finalResponses = okRequests + errorStatusLatency.summary().count();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.US, "Load test of POST /events on %s: %,d events of %s, %d per request, "
                + "%d senders, %d s limit%n%n", plan.measurementId(), plan.events(), plan.day(),
                plan.eventsPerRequest(), plan.concurrency(), plan.timeLimitSeconds()));
        text.append("| measure | value |\n|---|---:|\n");
        String notSent = requestsNotStarted == 0 ? " (all)"
                : String.format(Locale.US, " (time limit reached, %,d requests not sent)", requestsNotStarted);
        row(text, "events sent", String.format(Locale.US, "%,d", eventsSent()) + notSent);
        row(text, "events acknowledged (accepted + duplicates)", String.format(Locale.US, "%,d (%,d + %,d)",
                acknowledged(), accepted.sum(), duplicates.sum()));
        row(text, "events rejected in 200 responses", rejected.sum());
        row(text, "events stored (snapshot eventsRead)", stored);
        row(text, "requests with a final response", finalResponses);
        row(text, "requests with another status (not retried)", errorStatusText());
        row(text, "503 responses (retried)", unavailable.sum());
        row(text, "connection errors (retried)", connectionErrors.sum());
        row(text, "retries", retries.sum());
        row(text, "requests abandoned after " + LoadCommand.MAX_TRIES + " tries", String.format(Locale.US,
                "%,d (%,d events)", abandonedRequests.sum(), abandonedEvents.sum()));
        row(text, "sending time, s", String.format(Locale.US, "%.1f", seconds));
        row(text, "events acknowledged per second", String.format(Locale.US, "%,.0f", acknowledged() / seconds));
        row(text, "requests per second (final responses)", String.format(Locale.US, "%,.1f",
                finalResponses / seconds));
        row(text, "snapshot with refresh=true, s", String.format(Locale.US, "%.1f", snapshotTime.toMillis() / 1e3));

        text.append("\n| latency, ms | requests | p50 | p90 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
        latencyRow(text, "HTTP 200", okLatency.summary());
        latencyRow(text, "HTTP 503 (each try)", unavailableLatency.summary());
        latencyRow(text, "other statuses", errorStatusLatency.summary());

        text.append('\n').append(stored == acknowledged()
                ? String.format(Locale.US, "Stored events equal acknowledged events: %,d.%n", stored)
                : String.format(Locale.US, "FAILED: %,d events stored, but %,d acknowledged.%s%n", stored,
                        acknowledged(), abandonedEvents.sum() == 0 ? ""
                                : " Abandoned requests may have stored part of their events."));
        return text.toString();
    }

    /** Returns the count of each other final status, such as "HTTP 413: 2 (50 events)", or "none". */
    private String errorStatusText() {
        if (errorStatusCounts.isEmpty()) {
            return "none";
        }
        String counts = errorStatusCounts.entrySet().stream()
                .map(entry -> "HTTP " + entry.getKey() + ": " + entry.getValue().sum())
                .collect(Collectors.joining(", "));
        return counts + String.format(Locale.US, " (%,d events)", errorStatusEvents.sum());
    }

    private static void row(StringBuilder text, String measure, long value) {
        row(text, measure, String.format(Locale.US, "%,d", value));
    }

    private static void row(StringBuilder text, String measure, String value) {
        text.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    private static void latencyRow(StringBuilder text, String outcome, LatencyStats.Summary summary) {
        if (summary.count() == 0) {
            text.append(String.format(Locale.US, "| %s | 0 | | | | |%n", outcome));
            return;
        }
        text.append(String.format(Locale.US, "| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", outcome, summary.count(),
                summary.p50(), summary.p90(), summary.p99(), summary.max()));
    }
}
