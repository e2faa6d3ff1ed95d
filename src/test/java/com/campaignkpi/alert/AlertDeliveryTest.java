package com.campaignkpi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delivers only to receivers that each test starts on 127.0.0.1. */
class AlertDeliveryTest {

    private static final String PATH = "/services/T0000/B0000/SECRETPART";

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();
    private AlertDelivery delivery = new AlertDelivery(AlertDelivery.THREADS, AlertDelivery.QUEUE_CAPACITY);

    @AfterEach
    void stop() {
        delivery.shutdown();
        servers.forEach(server -> server.stop(0));
        pools.forEach(ExecutorService::shutdownNow);
    }

    /** Reply of a receiver to its n-th request (1-based), after the body was read. */
    private interface Answer {
        void answer(HttpExchange exchange, int request) throws IOException, InterruptedException;
    }

    /** A webhook receiver on a free loopback port that records every request body. */
    private final class Receiver {
        final HttpServer server;
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        final List<String> contentTypes = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger requests = new AtomicInteger();

        Receiver(Answer answer) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ExecutorService pool = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "test-receiver");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(pool);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                try {
                    answer.answer(exchange, requests.incrementAndGet());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                }
            });
            server.start();
            servers.add(server);
            pools.add(pool);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
        }

        String host() {
            return "127.0.0.1:" + server.getAddress().getPort();
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        byte[] body = (status == 200 ? "ok" : "error at " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Alert alert(AlertRule rule, String scope, String message, String messageFa) {
        return new Alert("G-DELIVERY", rule, scope, "2024-05-01", "2024-05-02T03:15:00Z", new BigDecimal("0.3"),
                new BigDecimal("0.30"), message, messageFa, null);
    }

    private static List<Alert> twoAlerts() {
        return List.of(
                alert(AlertRule.CTR_DROP, "property", "CTR fell by 30% against the previous period, from 2% to 1.4% "
                        + "(threshold: a 30% drop).", "نرخ کلیک نسبت به دوره قبل ۳۰٪ افت کرد، از ۲٪ به ۱٫۴٪ (آستانه: "
                        + "افت ۳۰٪)."),
                alert(AlertRule.SPEND_WITHOUT_CONVERSIONS, "campaign:Q&A <test>", "Campaign 'Q&A <test>' spent 10.00 "
                        + "USD, above the threshold of 0, without a tracked or platform-reported conversion.",
                        "کمپین «Q&A <test>» ۱۰٫۰۰ USD هزینه کرد."));
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Test
    void acceptedDeliveryPostsSlackJson() throws Exception {
        Receiver receiver = new Receiver((exchange, request) -> respond(exchange, 200));

        DeliveryResult result = delivery.deliver(receiver.url(), twoAlerts()).get(10, TimeUnit.SECONDS);

        assertEquals(new DeliveryResult(DeliveryResult.Outcome.DELIVERED, 1, 200, null), result);
        assertEquals(List.of("application/json; charset=utf-8"), receiver.contentTypes);
        String expected = "{\"text\":\"2 alerts for G-DELIVERY on 2024-05-01"
                + "\\n• CTR fell by 30% against the previous period, from 2% to 1.4% (threshold: a 30% drop)."
                + "\\n• Campaign 'Q&amp;A &lt;test&gt;' spent 10.00 USD, above the threshold of 0, without a "
                + "tracked or platform-reported conversion.\","
                + "\"blocks\":["
                + "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"2 alerts for G-DELIVERY on "
                + "2024-05-01\"}},"
                + "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*Click-through rate fell sharply "
                + "against the previous period.*\\nproperty, 2024-05-01\\nCTR fell by 30% against the previous period, "
                + "from 2% to 1.4% (threshold: a 30% drop).\\nنرخ کلیک نسبت به دوره قبل ۳۰٪ افت کرد، از ۲٪ به ۱٫۴٪ "
                + "(آستانه: افت ۳۰٪).\"}},"
                + "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*A campaign spent money without a "
                + "single conversion.*\\ncampaign:Q&amp;A &lt;test&gt;, 2024-05-01\\nCampaign 'Q&amp;A &lt;test&gt;' "
                + "spent 10.00 USD, above the threshold of 0, without a tracked or platform-reported conversion."
                + "\\nکمپین «Q&amp;A &lt;test&gt;» ۱۰٫۰۰ USD هزینه کرد.\"}}]}";
        assertEquals(List.of(expected), receiver.bodies);
    }

    @Test
    void serverErrorsAreRetriedTwice() throws Exception {
        Receiver receiver = new Receiver((exchange, request) -> respond(exchange, request <= 2 ? 500 : 200));
        long start = System.nanoTime();

        DeliveryResult result = delivery.deliver(receiver.url(), twoAlerts()).get(10, TimeUnit.SECONDS);

        assertEquals(new DeliveryResult(DeliveryResult.Outcome.DELIVERED, 3, 200, null), result);
        assertEquals(3, receiver.requests.get());
        assertEquals(1, receiver.bodies.stream().distinct().count(), "each attempt sends the same body");
        long elapsed = millisSince(start);
        assertTrue(elapsed >= 2_500, "backoff of 0.5 s and 2 s, took " + elapsed + " ms");
        assertTrue(elapsed < 5_000, "took " + elapsed + " ms");
    }

    @Test
    void clientErrorIsNotRetried() throws Exception {
        Receiver receiver = new Receiver((exchange, request) -> respond(exchange, 400));
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Logger logger = Logger.getLogger(AlertDelivery.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            DeliveryResult result = delivery.deliver(receiver.url(), twoAlerts()).get(10, TimeUnit.SECONDS);

            assertEquals(new DeliveryResult(DeliveryResult.Outcome.FAILED, 1, 400, "HTTP 400"), result);
            assertEquals(1, receiver.requests.get());
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(List.of("Alert delivery to host " + receiver.host() + " failed with HTTP 400 (attempt 1 of 3)"),
                logged);
        assertFalse(logged.toString().contains("SECRETPART"), "the log must not contain the URL's path");
    }

    @Test
    void slowReceiverTimesOutWithoutBlockingCaller() throws Exception {
        Receiver receiver = new Receiver((exchange, request) -> {
            Thread.sleep(8_000);
            respond(exchange, 200);
        });
        long start = System.nanoTime();

        CompletableFuture<DeliveryResult> future = delivery.deliver(receiver.url(), twoAlerts());

        long returned = millisSince(start);
        assertTrue(returned < 100, "deliver returned after " + returned + " ms");
        assertFalse(future.isDone());
        DeliveryResult result = future.get(10, TimeUnit.SECONDS);
        long elapsed = millisSince(start);
        assertEquals(new DeliveryResult(DeliveryResult.Outcome.FAILED, 1, null, "timed out after 5 s"), result);
        assertEquals(1, receiver.requests.get(), "a timed-out request is not sent again");
        assertTrue(elapsed >= 4_900, "the 5 s request timeout applies, took " + elapsed + " ms");
        assertTrue(elapsed < 7_000, "the receiver's 8 s reply is not awaited, took " + elapsed + " ms");
    }

    @Test
    void fullQueueDropsDelivery() throws Exception {
        delivery.shutdown();
        delivery = new AlertDelivery(1, 1);
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Receiver receiver = new Receiver((exchange, request) -> {
            arrived.countDown();
            assertTrue(release.await(10, TimeUnit.SECONDS));
            respond(exchange, 200);
        });

        CompletableFuture<DeliveryResult> sending = delivery.deliver(receiver.url(), twoAlerts());
        assertTrue(arrived.await(5, TimeUnit.SECONDS), "the first delivery reached the receiver");
        CompletableFuture<DeliveryResult> queued = delivery.deliver(receiver.url(), twoAlerts());
        CompletableFuture<DeliveryResult> dropped = delivery.deliver(receiver.url(), twoAlerts());

        assertTrue(dropped.isDone(), "a dropped delivery completes at once");
        assertEquals(new DeliveryResult(DeliveryResult.Outcome.DROPPED, 0, null, "the delivery queue is full"),
                dropped.get());
        assertFalse(queued.isDone());
        release.countDown();
        assertEquals(DeliveryResult.Outcome.DELIVERED, sending.get(10, TimeUnit.SECONDS).outcome());
        assertEquals(DeliveryResult.Outcome.DELIVERED, queued.get(10, TimeUnit.SECONDS).outcome());
        assertEquals(2, receiver.requests.get());
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        Receiver receiver = new Receiver((exchange, request) -> {
            if (request == 1) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                respond(exchange, 429);
            } else {
                respond(exchange, 200);
            }
        });
        long start = System.nanoTime();

        DeliveryResult result = delivery.deliver(receiver.url(), twoAlerts()).get(10, TimeUnit.SECONDS);

        assertEquals(new DeliveryResult(DeliveryResult.Outcome.DELIVERED, 2, 200, null), result);
        long elapsed = millisSince(start);
        assertTrue(elapsed >= 1_000, "waited the 1 s Retry-After, not the 0.5 s backoff, took " + elapsed + " ms");
        assertTrue(elapsed < 2_000, "took " + elapsed + " ms");
    }

    @Test
    void longRetryAfterEndsDelivery() throws Exception {
        Receiver receiver = new Receiver((exchange, request) -> {
            exchange.getResponseHeaders().add("Retry-After", "60");
            respond(exchange, 429);
        });

        DeliveryResult result = delivery.deliver(receiver.url(), twoAlerts()).get(10, TimeUnit.SECONDS);

        assertEquals(new DeliveryResult(DeliveryResult.Outcome.FAILED, 1, 429, "HTTP 429 with Retry-After 60 s, "
                + "beyond the 10 s this sender waits"), result);
        assertEquals(1, receiver.requests.get());
    }

    @Test
    void refusedConnectionIsRetried() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        long start = System.nanoTime();

        DeliveryResult result = delivery.deliver("http://127.0.0.1:" + port + PATH, twoAlerts())
                .get(10, TimeUnit.SECONDS);

        assertEquals(new DeliveryResult(DeliveryResult.Outcome.FAILED, 3, null,
                "connection failed after 3 attempts"), result);
        assertTrue(millisSince(start) >= 2_500, "backoff of 0.5 s and 2 s");
    }

    @Test
    void invalidUrlIsNeverSent() throws Exception {
        CompletableFuture<DeliveryResult> future = delivery.deliver("http://example.com" + PATH, twoAlerts());

        assertTrue(future.isDone());
        assertEquals(new DeliveryResult(DeliveryResult.Outcome.FAILED, 0, null, "webhookUrl uses plain http to a "
                + "host other than 127.0.0.1, localhost or [::1]: use https, because the URL and the alerts would "
                + "cross the network unencrypted"), future.get());
    }

    @Test
    void noAlertsAreSkipped() throws Exception {
        Receiver receiver = new Receiver((exchange, request) -> respond(exchange, 200));

        DeliveryResult result = delivery.deliver(receiver.url(), List.of()).get();

        assertEquals(new DeliveryResult(DeliveryResult.Outcome.SKIPPED, 0, null, "no alerts to send"), result);
        assertEquals(0, receiver.requests.get());
    }

    @Test
    void messageKeepsToSlackBlockLimit() throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            alerts.add(alert(AlertRule.ROAS_BELOW_1, "campaign:C" + i, "ROAS of campaign 'C" + i + "' is low.",
                    "کم است."));
        }

        JsonNode body = new ObjectMapper().readTree(SlackMessage.body(alerts));

        assertEquals(50, body.get("blocks").size());
        assertEquals("50 alerts for G-DELIVERY on 2024-05-01", body.get("blocks").get(0).get("text").get("text")
                .asText());
        assertEquals("*Return on ad spend is below the threshold: the ads cost more than the revenue they brought.*"
                + "\ncampaign:C48, 2024-05-01\nROAS of campaign 'C48' is low.\nکم است.",
                body.get("blocks").get(48).get("text").get("text").asText());
        assertEquals("…and 2 more alerts, listed by the alerts function.",
                body.get("blocks").get(49).get("text").get("text").asText());
        assertTrue(body.get("text").asText().endsWith("\n• ROAS of campaign 'C48' is low.\n…and 2 more alerts, "
                + "listed by the alerts function."));
    }
}
