package com.campaignkpi.alert;

import com.campaignkpi.api.RequestException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Posts alerts to a property's webhook URL as Slack-compatible JSON ({@link SlackMessage}), in the background.
 *
 * <p>{@link #deliver} returns at once. At most {@value #THREADS} daemon threads send, and up to
 * {@value #QUEUE_CAPACITY} deliveries wait; a delivery beyond that is dropped with a warning. Each request has a
 * connect timeout of 2 s and a request timeout of 5 s. A connection error, 429 or 5xx is retried after 0.5 s and
 * then 2 s, 3 attempts in all, or after the response's {@code Retry-After} when that is at most 10 s. A
 * longer {@code Retry-After}, another 4xx or a request timeout ends the delivery. A timed-out request may still
 * have reached the receiver, so it is not sent again. Logs name the host only, because a Slack webhook URL
 * carries its secret in the path. Redirects are not followed.
 *
 * <p>On AWS Lambda, wait for the returned future before the handler returns: the runtime freezes background
 * threads between invocations.
 */
@ApplicationScoped
public class AlertDelivery {

    static final int THREADS = 2;
    static final int QUEUE_CAPACITY = 100;
    static final int MAX_ATTEMPTS = 3;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final List<Duration> BACKOFF = List.of(Duration.ofMillis(500), Duration.ofSeconds(2));
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(AlertDelivery.class);

    private final AtomicLong dropped = new AtomicLong();
    private ThreadPoolExecutor executor;
    private HttpClient client;
    Clock clock = Clock.systemUTC();

    /** For CDI, which calls {@link #start()} next. The client proxy also calls it, so it must stay empty. */
    public AlertDelivery() {
    }

    /** Builds a started instance with its own pool and queue sizes, for tests. */
    AlertDelivery(int threads, int queueCapacity) {
        start(threads, queueCapacity);
    }

    @PostConstruct
    void start() {
        start(THREADS, QUEUE_CAPACITY);
    }

    private void start(int threads, int queueCapacity) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, "alert-delivery-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), daemons);
        executor.allowCoreThreadTimeOut(true);
        client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Queues a POST of {@code alerts} to {@code url} and returns at once. The future never completes
     * exceptionally: it contains {@link DeliveryResult.Outcome#SKIPPED} for no alerts,
     * {@link DeliveryResult.Outcome#FAILED} for a URL that {@link AlertSettings#validate()} would reject, and
     * {@link DeliveryResult.Outcome#DROPPED} when the queue is full.
     */
    public CompletableFuture<DeliveryResult> deliver(String url, List<Alert> alerts) {
        if (alerts == null || alerts.isEmpty()) {
            return CompletableFuture.completedFuture(new DeliveryResult(DeliveryResult.Outcome.SKIPPED, 0, null,
                    "no alerts to send"));
        }
        URI uri;
        try {
            if (url == null) {
                throw RequestException.invalid("webhookUrl", "webhookUrl is missing");
            }
            uri = WebhookUrls.require("webhookUrl", url);
        } catch (RequestException e) {
            LOG.warnf("Alert delivery of %d alerts for %s not sent: %s", alerts.size(), alerts.get(0).property(),
                    e.getMessage());
            return CompletableFuture.completedFuture(DeliveryResult.failed(0, null, e.getMessage()));
        }

        CompletableFuture<DeliveryResult> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(send(uri, alerts));
                } catch (RuntimeException e) {
                    // The class name only: an exception message may quote the URL, which is the secret.
                    LOG.errorf("Alert delivery to host %s failed unexpectedly: %s", host(uri), e.getClass().getName());
                    result.complete(DeliveryResult.failed(0, null, e.getClass().getName()));
                }
            });
        } catch (RejectedExecutionException e) {
            long total = dropped.incrementAndGet();
            LOG.warnf("Alert delivery queue is full (%d waiting) or shut down: dropped %d alerts for %s to host %s "
                    + "(%d deliveries dropped since start)", executor.getQueue().size(), alerts.size(),
                    alerts.get(0).property(), host(uri), total);
            return CompletableFuture.completedFuture(new DeliveryResult(DeliveryResult.Outcome.DROPPED, 0, null,
                    "the delivery queue is full"));
        }
        return result;
    }

    /** Stops taking deliveries, gives queued ones a second to finish and interrupts the rest. */
    @PreDestroy
    void shutdown() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                int cancelled = executor.shutdownNow().size();
                LOG.warnf("Alert delivery stopped with %d deliveries still queued; they were not sent", cancelled);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private DeliveryResult send(URI uri, List<Alert> alerts) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(SlackMessage.body(alerts)))
                .build();
        for (int attempt = 1; ; attempt++) {
            Integer status = null;
            Duration wait;
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    LOG.debugf("Delivered %d alerts to host %s (HTTP %d, attempt %d)", alerts.size(), host(uri),
                            status, attempt);
                    return DeliveryResult.delivered(attempt, status);
                }
                // The response body stays out of the log: an error page may quote the path, which is the secret.
                LOG.warnf("Alert delivery to host %s failed with HTTP %d (attempt %d of %d)", host(uri), status,
                        attempt, MAX_ATTEMPTS);
                if (status != 429 && status < 500) {
                    return DeliveryResult.failed(attempt, status, "HTTP " + status);
                }
                Optional<Duration> retryAfter = retryAfter(response);
                if (retryAfter.isPresent() && retryAfter.get().compareTo(MAX_RETRY_AFTER) > 0) {
                    return DeliveryResult.failed(attempt, status, "HTTP " + status + " with Retry-After "
                            + retryAfter.get().toSeconds() + " s, beyond the " + MAX_RETRY_AFTER.toSeconds()
                            + " s this sender waits");
                }
                wait = retryAfter.orElse(backoff(attempt));
            } catch (HttpConnectTimeoutException e) {
                LOG.warnf("Alert delivery to host %s failed: connect timed out after %d s (attempt %d of %d)",
                        host(uri), CONNECT_TIMEOUT.toSeconds(), attempt, MAX_ATTEMPTS);
                wait = backoff(attempt);
            } catch (HttpTimeoutException e) {
                LOG.warnf("Alert delivery to host %s failed: no response within %d s (attempt %d of %d); not "
                        + "retried, because the receiver may have got it", host(uri), REQUEST_TIMEOUT.toSeconds(),
                        attempt, MAX_ATTEMPTS);
                return DeliveryResult.failed(attempt, null, "timed out after " + REQUEST_TIMEOUT.toSeconds()
                        + " s");
            } catch (ConnectException e) {
                LOG.warnf("Alert delivery to host %s failed: connection refused or unreachable (attempt %d of %d)",
                        host(uri), attempt, MAX_ATTEMPTS);
                wait = backoff(attempt);
            } catch (IOException e) {
                LOG.warnf("Alert delivery to host %s failed: %s (attempt %d of %d)", host(uri), e.toString(),
                        attempt, MAX_ATTEMPTS);
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return DeliveryResult.failed(attempt, null, "interrupted while sending");
            }
            if (attempt == MAX_ATTEMPTS) {
                return DeliveryResult.failed(attempt, status, (status == null ? "connection failed" : "HTTP "
                        + status) + " after " + MAX_ATTEMPTS + " attempts");
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return DeliveryResult.failed(attempt, status, "interrupted while waiting to retry");
            }
        }
    }

    private static Duration backoff(int attempt) {
        return BACKOFF.get(Math.min(attempt, BACKOFF.size()) - 1);
    }

    /** Reads {@code Retry-After} as seconds or as an HTTP date; empty when absent or unreadable. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Returns the host and port of {@code uri}: all of the URL that may be logged. */
    static String host(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
