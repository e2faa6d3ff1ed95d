package com.campaignkpi.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;

/**
 * A bounded load test of the canonical events webhook: registers a fresh property in UTC, sends synthetic events
 * ({@link LoadPlan}) from concurrent senders until all are sent or the time limit passes, then counts the stored
 * events with a recomputed snapshot of the day and prints a Markdown summary. Exit codes: 0 when the stored events
 * equal the acknowledged ones, 1 otherwise or on failure, 2 for an invalid command line.
 */
public final class LoadCommand {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    /** Tries of one request: the first, then retries after a 503 or a connection error. */
    static final int MAX_TRIES = 5;
    /** The wait before a retry when a 503 has no usable Retry-After, and after a connection error. */
    static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** The snapshot reads every stored event of the day, which takes minutes for millions of events. */
    static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(10);
    static final long PROGRESS_INTERVAL_SECONDS = 5;
    static final int MAX_LOGGED_CONNECTION_ERRORS = 5;

    static final String USAGE = """
            Usage: LoadCommand --admin-token TOKEN [--base-url URL] [--events N] [--concurrency N]
                               [--time-limit SECONDS] [--events-per-request N] [--clients N]
                               [--day yyyy-MM-dd] [--measurement-id ID]

            Registers a fresh property in UTC and sends synthetic canonical events of one past day to
            POST /events with import=true from concurrent senders. Sending stops when every event is sent or
            the time limit has passed; requests already started then finish. A 503 is retried after its
            Retry-After (at most 30 s), up to 5 tries. Afterwards a snapshot of the day with refresh=true counts
            the stored events, which must equal the events the server acknowledged (accepted + duplicates).
            Prints a Markdown summary on standard output and progress on standard error.

            Options:
              --admin-token TOKEN      the server's CAMPAIGNKPI_ADMIN_TOKEN, to register the property (required)
              --base-url URL           the server (default: http://127.0.0.1:8080)
              --events N               events to send, 1 to 10,000,000 (default: 200,000)
              --concurrency N          senders, each with one request in flight, 1 to 256 (default: 32)
              --time-limit SECONDS     start no request after this many seconds, 1 to 3,600 (default: 60)
              --events-per-request N   events per request, 1 to 25 (default: 25)
              --clients N              distinct client ids, 1 to 1,000,000 (default: 3,000)
              --day DATE               the UTC day of the events, a past day (default: 2024-03-14)
              --measurement-id ID      the property to register (default: G-LOAD and the UTC time, such as
                                       G-LOAD20240314120000). It must have no events on --day or the day
                                       on each side, or the stored count includes them and the check fails.
              -h, --help               print this help
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(ApiClient.CONNECT_TIMEOUT)
            .build();

    LoadCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        configureLogging();
        System.exit(new LoadCommand(System.out, System.err, Clock.systemUTC()).run(args));
    }

    /** Sends JBoss Logging's warnings, such as ApiClient's retries, to standard error, as ReplayCommand does. */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "load: %4$s: %5$s%6$s%n");
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.WARNING);
        java.util.logging.Logger.getLogger("").addHandler(handler);
    }

    /** Runs the command and returns its exit code. */
    int run(String[] args) {
        LoadPlan plan;
        try {
            plan = LoadPlan.parse(args, clock);
        } catch (UsageException e) {
            err.println("load: " + e.getMessage());
            err.println("Run with --help to list the options.");
            return EXIT_USAGE;
        }
        if (plan.help()) {
            out.print(USAGE);
            return EXIT_OK;
        }
        try {
            return runLoad(plan);
        } catch (ReplayException e) {
            err.println("load: " + e.getMessage());
            return EXIT_FAILURE;
        }
    }

    private int runLoad(LoadPlan plan) {
        ReplayTarget target = new ReplayTarget(plan.baseUrl(), plan.measurementId(), randomSecret());
        new ServerRequests(target, ReplayClient.DEFAULT_FIRST_RETRY_DELAY).registerProperty(ZoneOffset.UTC,
                plan.adminToken());
        err.printf(Locale.US, "load: registered property %s in UTC; sending %,d events of %s, %d per request, from "
                + "%d senders for at most %d s%n", plan.measurementId(), plan.events(), plan.day(),
                plan.eventsPerRequest(), plan.concurrency(), plan.timeLimitSeconds());

        LoadTally tally = send(plan, target.ingestUri(Endpoint.CANONICAL_EVENTS));

        err.printf(Locale.US, "load: counting the stored events with a snapshot of %s (refresh=true)%n", plan.day());
        long snapshotStart = System.nanoTime();
        long stored = countStoredEvents(plan, target);
        Duration snapshotTime = Duration.ofNanos(System.nanoTime() - snapshotStart);

        out.print(tally.markdown(plan, stored, snapshotTime));
        out.flush();
        return stored == tally.acknowledged() ? EXIT_OK : EXIT_FAILURE;
    }

    /** Runs the senders until every request is sent or the time limit has passed, and returns their tally. */
    private LoadTally send(LoadPlan plan, URI uri) {
        LoadTally tally = new LoadTally();
        AtomicInteger nextRequest = new AtomicInteger();
        long startNanos = System.nanoTime();
        long deadlineNanos = startNanos + TimeUnit.SECONDS.toNanos(plan.timeLimitSeconds());

        ExecutorService senders = Executors.newFixedThreadPool(plan.concurrency(), daemon("load-sender"));
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(daemon("load-progress"));
        progress.scheduleAtFixedRate(() -> printProgress(plan, tally, startNanos), PROGRESS_INTERVAL_SECONDS,
                PROGRESS_INTERVAL_SECONDS, TimeUnit.SECONDS);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < plan.concurrency(); i++) {
                running.add(senders.submit(
                        () -> sendUntilDone(plan, uri, nextRequest, deadlineNanos, tally, failure)));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } catch (ExecutionException e) {
            throw new ReplayException("a sender failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while sending", e);
        } finally {
            senders.shutdownNow();
            progress.shutdownNow();
        }

        int started = Math.min(nextRequest.get(), plan.requests());
        tally.finish(System.nanoTime() - startNanos, plan.requests() - started);
        printProgress(plan, tally, startNanos);
        return tally;
    }

    /** Sends requests in turn until none is left, the time limit has passed or another sender has failed. */
    private void sendUntilDone(LoadPlan plan, URI uri, AtomicInteger nextRequest, long deadlineNanos,
            LoadTally tally, AtomicReference<RuntimeException> failure) {
        while (System.nanoTime() < deadlineNanos && failure.get() == null) {
            int request = nextRequest.getAndIncrement();
            if (request >= plan.requests()) {
                return;
            }
            try {
                sendRequest(uri, plan.body(request), plan.eventsIn(request), tally);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                throw e;
            }
        }
    }

    /**
     * Sends one request body until the server returns a status other than 503, as a tag manager would. A
     * request that has started finishes its retries even after the time limit, so that every event sent has a known
     * outcome unless all {@value #MAX_TRIES} tries fail.
     */
    private void sendRequest(URI uri, byte[] body, int events, LoadTally tally) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        tally.sent(events);
        Duration waitBeforeRetry = Duration.ZERO;
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            if (attempt > 1) {
                tally.retried();
                pause(waitBeforeRetry);
            }
            long startNanos = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // Only the first few are printed; the summary counts them all.
                if (tally.connectionError() <= MAX_LOGGED_CONNECTION_ERRORS) {
                    err.printf("load: POST %s failed (try %d of %d): %s%n", uri.getPath(), attempt, MAX_TRIES, e);
                }
                waitBeforeRetry = DEFAULT_RETRY_DELAY;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayException("interrupted while posting to " + uri.getPath(), e);
            }
            long latencyNanos = System.nanoTime() - startNanos;

            int status = response.statusCode();
            if (status == 503) {
                tally.unavailable(latencyNanos);
                waitBeforeRetry = retryDelay(response);
            } else if (status == 200) {
                tally.ok(latencyNanos, counts(response.body(), uri));
                return;
            } else {
                tally.errorStatus(status, events, latencyNanos);
                return;
            }
        }
        tally.abandoned(events);
    }

    /** Reads Retry-After in seconds, capped at 30 s. An HTTP date or a missing header gives the default wait. */
    static Duration retryDelay(HttpResponse<?> response) {
        Duration delay = response.headers().firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(DEFAULT_RETRY_DELAY);
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    private static JsonNode counts(String body, URI uri) {
        try {
            JsonNode json = JsonValues.READER.readTree(body);
            if (json != null && json.has("accepted") && json.has("duplicates") && json.has("rejected")) {
                return json;
            }
        } catch (JsonProcessingException e) {
            // Reported below with the body.
        }
        throw new ReplayException("POST " + uri.getPath() + " returned HTTP 200 without accepted, duplicates and "
                + "rejected counts: " + ApiClient.abbreviate(body));
    }

    /**
     * Returns the snapshot's {@code eventsRead} for the day in UTC. The snapshot reads the day and the day on each
     * side, and the property is fresh, so that is every event of this run that the server stored.
     */
    private long countStoredEvents(LoadPlan plan, ReplayTarget target) {
        ObjectNode body = EventJson.WRITER.createObjectNode();
        body.put("property", plan.measurementId());
        body.put("from", plan.day().toString());
        body.put("to", plan.day().toString());
        body.put("timeZone", "UTC");
        body.put("refresh", true);
        HttpRequest request = HttpRequest.newBuilder(target.resolve("/snapshot"))
                .timeout(SNAPSHOT_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();

        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ReplayException("POST /snapshot failed: " + e + ". The events' outcome is unverified.", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayException("interrupted while waiting for the snapshot", e);
            }
            if (response.statusCode() == 503) {
                pause(retryDelay(response));
                continue;
            }
            JsonNode snapshot = response.statusCode() == 200 ? readJson(response.body()) : null;
            if (snapshot == null || !snapshot.path("eventsRead").canConvertToLong()) {
                throw new ReplayException("POST /snapshot returned HTTP " + response.statusCode() + " without "
                        + "eventsRead: " + ReplayClient.errorText(response.body()));
            }
            return snapshot.get("eventsRead").longValue();
        }
        throw new ReplayException("POST /snapshot returned 503 " + MAX_TRIES + " times; the events' outcome is "
                + "unverified");
    }

    private static JsonNode readJson(String body) {
        try {
            return JsonValues.READER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void printProgress(LoadPlan plan, LoadTally tally, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        err.printf(Locale.US, "load: %.0f s, %,d/%,d events sent, %,d acknowledged, %,d responses of 503, %,.0f "
                + "events/s%n", seconds, tally.eventsSent(), plan.events(), tally.acknowledged(),
                tally.unavailableCount(), tally.acknowledged() / Math.max(seconds, 1e-3));
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while waiting to retry", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
