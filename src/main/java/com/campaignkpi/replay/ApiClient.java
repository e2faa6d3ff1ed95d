package com.campaignkpi.replay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Posts JSON to the server over HTTP/1.1, retrying connection errors, HTTP 429 and 5xx responses, no sooner than a
 * response's {@code Retry-After} requests. URLs in logs and messages show the path only, because the query carries the API secret.
 */
final class ApiClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Tries per request: with a 1 s first delay the waits add up to 31 s, so a replay outlasts a short outage. */
    static final int MAX_TRIES = 6;

    /** Maximum wait before a try that a server's {@code Retry-After} can request. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(ApiClient.class);

    /** The status and text body of a response. */
    record Response(int status, String body) {
    }

    private final HttpClient http;
    private final Duration firstRetryDelay;
    private final AtomicLong retries = new AtomicLong();

    /** @param firstRetryDelay the wait before the second try; it doubles before each further try */
    ApiClient(Duration firstRetryDelay) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        this.firstRetryDelay = firstRetryDelay;
    }

    /**
     * Posts the JSON body and returns the first response that is neither a 5xx nor a 429.
     *
     * @throws ReplayException after {@value #MAX_TRIES} failed tries, or when interrupted
     */
    Response post(URI uri, byte[] body) {
        return post(uri, body, "application/json");
    }

    /**
     * Posts the body with the content type and returns the first response that is neither a 5xx nor a 429.
     *
     * @throws ReplayException after {@value #MAX_TRIES} failed tries, or when interrupted
     */
    Response post(URI uri, byte[] body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();

        String lastProblem = null;
        Duration retryAfter = Duration.ZERO;
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            if (attempt > 1) {
                retries.incrementAndGet();
                Duration backoff = firstRetryDelay.multipliedBy(1L << (attempt - 2));
                pause(backoff.compareTo(retryAfter) >= 0 ? backoff : retryAfter, uri);
            }
            try {
                HttpResponse<String> response = http.send(request,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (!isRetryable(response.statusCode())) {
                    return new Response(response.statusCode(), response.body());
                }
                lastProblem = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
                retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayException("interrupted while posting to " + uri.getPath(), e);
            }
            if (attempt < MAX_TRIES) {
                LOG.warnf("POST %s failed (try %d of %d): %s; retrying", uri.getPath(), attempt, MAX_TRIES,
                        lastProblem);
            }
        }
        throw new ReplayException("POST " + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath()
                + " failed " + MAX_TRIES + " times, last with " + lastProblem
                + ". Check that the server is running and reachable at that address.");
    }

    /** Returns how many tries after a first one were made so far. */
    long retries() {
        return retries.get();
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.strip().replace('\n', ' ');
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 297) + "...";
    }

    /** Reads a {@code Retry-After} in whole seconds, capped at {@link #MAX_RETRY_AFTER}; zero when absent or a date. */
    static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return Duration.ZERO;
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(header.strip()));
        return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }

    private static void pause(Duration delay, URI uri) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while waiting to retry " + uri.getPath(), e);
        }
    }
}
