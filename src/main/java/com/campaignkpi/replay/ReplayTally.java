package com.campaignkpi.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Thread-safe running totals of a replay, reported to the progress printer after each response. */
final class ReplayTally {

    private final ProgressReporter progress;
    private final int maxSamples;
    private final List<Rejection> samples = new ArrayList<>();
    private long events;
    private long requests;
    private long accepted;
    private long duplicates;
    private long rejected;

    ReplayTally(ProgressReporter progress, int maxSamples) {
        this.progress = progress;
        this.maxSamples = maxSamples;
    }

    /** Adds a response of the form {"accepted":n,"duplicates":n,"rejected":n,"results":[...]}. */
    synchronized void addResults(Batch batch, JsonNode response) {
        accepted += response.path("accepted").asLong();
        duplicates += response.path("duplicates").asLong();
        rejected += response.path("rejected").asLong();
        for (JsonNode result : response.path("results")) {
            if (samples.size() >= maxSamples) {
                break;
            }
            if ("rejected".equals(result.path("status").asText())) {
                samples.add(sample(batch, result));
            }
        }
        countResponse(batch);
    }

    /** Counts every event of the batch as rejected for one reason, as for HTTP 413. */
    synchronized void rejectAll(Batch batch, String reason) {
        rejected += batch.events().size();
        if (samples.size() < maxSamples) {
            ReplayEvent first = batch.events().get(0);
            samples.add(new Rejection(first.name(), first.timestampMicros(), reason, null));
        }
        countResponse(batch);
    }

    synchronized ReplaySummary finish(long retries, Duration elapsed) {
        progress.finish(counts());
        return new ReplaySummary(events, requests, retries, accepted, duplicates, rejected, samples, elapsed);
    }

    private void countResponse(Batch batch) {
        events += batch.events().size();
        requests++;
        progress.update(counts());
    }

    private ProgressReporter.Counts counts() {
        return new ProgressReporter.Counts(events, requests, accepted, duplicates, rejected);
    }

    private static Rejection sample(Batch batch, JsonNode result) {
        int index = result.path("index").asInt(-1);
        String reason = result.path("reason").asText("no reason given");
        String field = result.hasNonNull("field") ? result.get("field").asText() : null;
        if (index < 0 || index >= batch.events().size()) {
            return new Rejection("?", 0, reason, field);
        }
        ReplayEvent event = batch.events().get(index);
        return new Rejection(event.name(), event.timestampMicros(), reason, field);
    }
}
