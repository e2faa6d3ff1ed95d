package com.campaignkpi.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Posts request bodies to the ingest webhooks with {@code import=true}, several at once, and adds up the server's
 * accepted, duplicate and rejected counts.
 *
 * <p>Bodies that share a client are sent one after the other, in batch order, so each client's events reach the
 * server in time order as from a real tag; bodies of different clients are sent in parallel. Connection errors,
 * HTTP 429 and 5xx responses are retried (3 tries in all, with doubling waits). HTTP 400 and 413 count the body's
 * events as rejected and the replay goes on. HTTP 401 and any other status end the replay with a
 * {@link ReplayException}.
 */
public final class ReplayClient {

    public static final int DEFAULT_CONCURRENCY = 4;
    public static final Duration DEFAULT_FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    static final int MAX_SAMPLE_REJECTIONS = 20;

    private static final Logger LOG = Logger.getLogger(ReplayClient.class);

    private final ReplayTarget target;
    private final int concurrency;
    private final ApiClient api;
    private final PrintStream progressOut;
    private final boolean terminal;

    /** Creates a client that prints progress to standard error, redrawing one line when a console is attached. */
    public ReplayClient(ReplayTarget target, int concurrency) {
        this(target, concurrency, DEFAULT_FIRST_RETRY_DELAY, System.err, System.console() != null);
    }

    /**
     * @param concurrency     the number of requests in flight at once, at least 1
     * @param firstRetryDelay the wait before the second try of a request; it doubles before the third
     * @param progressOut     where progress lines go, or null for none
     * @param terminal        whether progressOut is a terminal, so one line can be redrawn in place
     */
    public ReplayClient(ReplayTarget target, int concurrency, Duration firstRetryDelay, PrintStream progressOut,
            boolean terminal) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.target = target;
        this.concurrency = concurrency;
        this.api = new ApiClient(firstRetryDelay);
        this.progressOut = progressOut;
        this.terminal = terminal;
    }

    /**
     * Sends every batch and returns the server's totals.
     *
     * @throws ReplayException when the server rejects the API secret (HTTP 401), returns an unexpected status,
     *                         or stays unreachable after 3 tries. Bodies not yet sent are then skipped.
     */
    public ReplaySummary replay(List<Batch> batches) {
        long totalEvents = batches.stream().mapToLong(batch -> batch.events().size()).sum();
        long startNanos = System.nanoTime();
        long retriesBefore = api.retries();
        ReplayTally tally = new ReplayTally(new ProgressReporter(progressOut, terminal, totalEvents, System::nanoTime),
                MAX_SAMPLE_REJECTIONS);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();

        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "replay-sender");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> sends = schedule(batches, pool, tally, failure);
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            failure.compareAndSet(null, new ReplayException("the replay failed: " + e.getCause(), e.getCause()));
        } finally {
            pool.shutdownNow();
        }

        // The final progress line is printed on failure too, so it shows how far the replay got.
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        ReplaySummary summary = tally.finish(api.retries() - retriesBefore, elapsed);
        if (failure.get() != null) {
            throw failure.get();
        }
        LOG.debugf("replayed %d events in %d requests to %s: %d accepted, %d duplicates, %d rejected",
                summary.events(), summary.requests(), target.measurementId(), summary.accepted(),
                summary.duplicates(), summary.rejected());
        return summary;
    }

    /** Starts each batch once the earlier batches of its clients are done. */
    private List<CompletableFuture<Void>> schedule(List<Batch> batches, ExecutorService pool, ReplayTally tally,
            AtomicReference<RuntimeException> failure) {
        Map<String, CompletableFuture<Void>> lastSendOfClient = new HashMap<>();
        List<CompletableFuture<Void>> sends = new ArrayList<>(batches.size());
        for (Batch batch : batches) {
            CompletableFuture<?>[] earlier = batch.clientIds().stream()
                    .map(lastSendOfClient::get)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toArray(CompletableFuture[]::new);
            CompletableFuture<Void> send = CompletableFuture.allOf(earlier)
                    .thenRunAsync(() -> sendUnlessFailed(batch, tally, failure), pool);
            batch.clientIds().forEach(clientId -> lastSendOfClient.put(clientId, send));
            sends.add(send);
        }
        return sends;
    }

    private void sendUnlessFailed(Batch batch, ReplayTally tally, AtomicReference<RuntimeException> failure) {
        if (failure.get() != null) {
            return;
        }
        try {
            send(batch, tally);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            throw e;
        }
    }

    private void send(Batch batch, ReplayTally tally) {
        ApiClient.Response response = api.post(target.ingestUri(batch.endpoint()), batch.body());

        int status = response.status();
        if (status >= 200 && status < 300) {
            tally.addResults(batch, parse(response.body(), batch));
        } else if (status == 400 || status == 413) {
            tally.rejectAll(batch, "HTTP " + status + ": " + errorText(response.body()));
        } else if (status == 401) {
            throw new ReplayException("the server rejected the API secret for measurement id "
                    + target.measurementId() + " (HTTP 401: " + errorText(response.body()) + "). Check "
                    + "--api-secret, or register the property first with --register-property.");
        } else {
            throw new ReplayException("POST " + batch.endpoint().path() + " returned HTTP " + status + ": "
                    + errorText(response.body()) + ". Check --base-url and --measurement-id.");
        }
    }

    private static JsonNode parse(String body, Batch batch) {
        try {
            JsonNode json = JsonValues.READER.readTree(body);
            if (json == null || !json.has("accepted")) {
                throw new ReplayException("POST " + batch.endpoint().path() + " returned no counts: "
                        + ApiClient.abbreviate(body));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new ReplayException("POST " + batch.endpoint().path() + " returned invalid JSON: "
                    + ApiClient.abbreviate(body), e);
        }
    }

    /** Returns the {@code error} of a JSON error body, or the body itself when it has none. */
    static String errorText(String body) {
        try {
            JsonNode json = JsonValues.READER.readTree(body);
            if (json != null && json.hasNonNull("error")) {
                return json.get("error").asText();
            }
        } catch (JsonProcessingException e) {
            // Not JSON: the body itself is the best description.
        }
        return ApiClient.abbreviate(body);
    }
}
