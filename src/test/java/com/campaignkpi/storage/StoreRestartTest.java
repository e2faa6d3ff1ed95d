package com.campaignkpi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.api.Failures;
import com.campaignkpi.testing.Replays;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Kills the store with SIGKILL while several senders post events and starts it again on the same port and data
 * directory 2 s later, then does the same with an 8 s outage. Checks that no acknowledged event was lost or stored
 * twice, that the server returned nothing but 200 and 503, and that it served requests again after the restart.
 */
@QuarkusTest
@TestProfile(StoreRestartTest.RestartableStore.class)
class StoreRestartTest {

    /**
     * Runs this class against its own dynalite, which keeps its data on disk. The other test classes share one
     * in-memory dynalite, a global test resource because their {@code @QuarkusTestResource} is not restricted to
     * the annotated class. A test profile restarts the application anyway, so disabling the global resources here
     * and adding the restartable one leaves exactly one store and one endpoint-override.
     */
    public static class RestartableStore implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartableDynaliteResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final String PROPERTY = "G-STORERESTART";
    private static final String SECRET = "store-restart-secret";
    private static final LocalDate DAY = LocalDate.of(2024, 4, 2);
    private static final int SENDERS = 4;
    private static final int EVENTS_PER_REQUEST = 10;
    private static final Duration PAUSE_BETWEEN_REQUESTS = Duration.ofMillis(20);
    /** Traffic before each kill, so each outage hits senders in full flow. */
    private static final Duration TRAFFIC_BEFORE_KILL = Duration.ofSeconds(2);
    /**
     * How long the store stays down, once per outage. The SDK absorbs most of a 2 s outage, because it makes 9
     * attempts on a DynamoDB client with random backoffs of at most 25 ms doubling, 6.4 s in all (AWS SDK for Java
     * 2.42, DynamoDbRetryPolicy). The 8 s outage outlasts them, so the requests that reach it early get a 503.
     */
    private static final List<Duration> OUTAGES = List.of(Duration.ofSeconds(2), Duration.ofSeconds(8));
    private static final Duration TRAFFIC_AFTER_RESTART = Duration.ofSeconds(3);
    /**
     * First wait of a sender before resending after a 503. It doubles up to {@link #MAX_RETRY_DELAY}. A real
     * sender waits the 5 s of Retry-After, but a shorter wait keeps the test short and retries into the outage.
     */
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(1);
    /** A sender gives up on a request that got 503s for this long. Its events then count as sent, not acknowledged. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(20);

    /** Set by {@link RestartableDynaliteResource#inject}. */
    RestartableDynaliteResource store;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @TestHTTPResource("/")
    URI baseUri;

    @Test
    void storeRestartLosesNoAcknowledgedEvent() throws Exception {
        assertNotNull(store, "the restartable dynalite was not injected into the test");
        Replays.registerProperty(PROPERTY, "UTC", SECRET);
        WebhookSender sender = new WebhookSender(baseUri, PROPERTY, SECRET);
        Traffic traffic = new Traffic(sender);
        long started = System.nanoTime();

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            int senderIndex = i;
            Thread thread = new Thread(() -> traffic.send(senderIndex), "sender-" + i);
            thread.start();
            threads.add(thread);
        }
        List<Integer> acknowledgedAtKill = new ArrayList<>();
        List<Integer> unavailableAtKill = new ArrayList<>();
        List<Long> downMillis = new ArrayList<>();
        for (Duration outage : OUTAGES) {
            Thread.sleep(TRAFFIC_BEFORE_KILL.toMillis());
            acknowledgedAtKill.add(traffic.acknowledged.size());
            unavailableAtKill.add(traffic.unavailable.get());
            long killedAt = System.nanoTime();
            store.kill();
            Thread.sleep(outage.toMillis());
            store.restart();
            traffic.restartedAt.set(System.nanoTime());
            downMillis.add((System.nanoTime() - killedAt) / 1_000_000);
        }
        Thread.sleep(TRAFFIC_AFTER_RESTART.toMillis());
        traffic.stop.set(true);
        for (Thread thread : threads) {
            thread.join(GIVE_UP_AFTER.plusSeconds(30).toMillis());
            assertFalse(thread.isAlive(), thread.getName() + " did not finish");
        }

        WebhookSender.Reply recovery = sender.post(WebhookSender.canonicalBody(
                List.of("restart-recovery-1", "restart-recovery-2"), DAY));
        Map<String, Integer> stored = WebhookSender.storedCounts(dynamo, tables.events(), PROPERTY,
                Set.of(DAY.minusDays(1), DAY, DAY.plusDays(1)));
        stored.remove(WebhookSender.SENDER_ID_PREFIX + "restart-recovery-1");
        stored.remove(WebhookSender.SENDER_ID_PREFIX + "restart-recovery-2");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        List<String> missingOrRepeated = new ArrayList<>();
        for (String eventId : new TreeSet<>(traffic.acknowledged)) {
            int count = stored.getOrDefault(eventId, 0);
            if (count != 1) {
                missingOrRepeated.add(eventId + " stored " + count + " times");
            }
        }
        Set<String> unknown = new TreeSet<>(stored.keySet());
        unknown.removeAll(traffic.sent);
        List<String> repeated = new ArrayList<>();
        stored.forEach((eventId, count) -> {
            if (count > 1) {
                repeated.add(eventId + " stored " + count + " times");
            }
        });

        List<String> outages = new ArrayList<>();
        for (int i = 0; i < OUTAGES.size(); i++) {
            int unavailableUntil = i + 1 < OUTAGES.size() ? unavailableAtKill.get(i + 1) : traffic.unavailable.get();
            outages.add(downMillis.get(i) + " ms down, " + (unavailableUntil - unavailableAtKill.get(i))
                    + " tries got 503 in and after it");
        }
        System.out.printf("StoreRestartTest: %d senders sent %d requests with %d events in %d tries; %d events "
                        + "acknowledged (%d before the first kill), %d tries got 503, %d requests given up, "
                        + "%d requests acknowledged after the last restart; %d events stored; outages: %s; %d ms%n",
                SENDERS, traffic.requests.get(), traffic.sent.size(), traffic.tries.get(),
                traffic.acknowledged.size(), acknowledgedAtKill.get(0), traffic.unavailable.get(),
                traffic.givenUp.get(), traffic.acknowledgedAfterRestart.get(), stored.size(), outages, elapsedMillis);
        assertEquals(List.of(), traffic.unexpected, "responses other than 200 and 503 with Retry-After");
        assertEquals(List.of(), missingOrRepeated, "acknowledged events not stored exactly once");
        assertEquals(List.of(), repeated, "events stored more than once");
        assertEquals(Set.of(), unknown, "stored events that no sender sent");
        assertEquals(List.of(), traffic.acceptedMoreThanOnce(), "events reported as accepted in two responses");
        assertTrue(acknowledgedAtKill.get(0) > 0, "no event was acknowledged before the store was killed");
        assertTrue(traffic.unavailable.get() > 0, "no try got a 503, so the outages never reached a sender");
        assertTrue(traffic.acknowledgedAfterRestart.get() > 0,
                "no request sent after the last restart was acknowledged");
        assertEquals(200, recovery.status(), "a request after the senders stopped: " + recovery.text());
        assertEquals(2, recovery.body().path("accepted").asInt(), recovery.text());
    }

    /** Senders posting events until {@link #stop} is set, and the outcome of every try. Thread-safe. */
    private static final class Traffic {
        final WebhookSender sender;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);
        final Set<String> sent = ConcurrentHashMap.newKeySet();
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> acceptedCounts = new ConcurrentHashMap<>();
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger tries = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger givenUp = new AtomicInteger();
        final AtomicInteger acknowledgedAfterRestart = new AtomicInteger();

        Traffic(WebhookSender sender) {
            this.sender = sender;
        }

        /** Posts requests of new events one after another, each until it is acknowledged or given up. */
        void send(int senderIndex) {
            try {
                for (int n = 0; !stop.get(); n++) {
                    List<String> ids = new ArrayList<>();
                    for (int e = 0; e < EVENTS_PER_REQUEST; e++) {
                        ids.add("restart-s" + senderIndex + "-r" + n + "-e" + e);
                    }
                    ids.forEach(id -> sent.add(WebhookSender.SENDER_ID_PREFIX + id));
                    requests.incrementAndGet();
                    sendUntilAcknowledged(senderIndex + "/" + n, WebhookSender.canonicalBody(ids, DAY));
                    Thread.sleep(PAUSE_BETWEEN_REQUESTS.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unexpected.add("sender " + senderIndex + " was interrupted");
            }
        }

        private void sendUntilAcknowledged(String label, String body) throws InterruptedException {
            long firstTry = System.nanoTime();
            Duration delay = FIRST_RETRY_DELAY;
            for (int attempt = 1; ; attempt++) {
                tries.incrementAndGet();
                WebhookSender.Reply reply;
                try {
                    reply = sender.post(body);
                } catch (IOException e) {
                    unexpected.add("request " + label + ", try " + attempt + ": " + e);
                    return;
                }
                if (reply.status() == 200) {
                    reply.outcomes().forEach((eventId, outcome) -> {
                        acknowledged.add(eventId);
                        if (outcome.equals("accepted")) {
                            acceptedCounts.merge(eventId, 1, Integer::sum);
                        }
                    });
                    if (firstTry > restartedAt.get()) {
                        acknowledgedAfterRestart.incrementAndGet();
                    }
                    return;
                }
                if (reply.status() != 503) {
                    unexpected.add("request " + label + ", try " + attempt + ": HTTP " + reply.status() + " "
                            + reply.text());
                    return;
                }
                unavailable.incrementAndGet();
                if (!Integer.toString(Failures.RETRY_AFTER_SECONDS).equals(reply.retryAfter())) {
                    unexpected.add("request " + label + ", try " + attempt + ": 503 with Retry-After "
                            + reply.retryAfter());
                }
                if (System.nanoTime() - firstTry > GIVE_UP_AFTER.toNanos()) {
                    givenUp.incrementAndGet();
                    return;
                }
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY
                        : delay.multipliedBy(2);
            }
        }

        List<String> acceptedMoreThanOnce() {
            List<String> ids = new ArrayList<>();
            acceptedCounts.forEach((eventId, count) -> {
                if (count > 1) {
                    ids.add(eventId + " (" + count + " times)");
                }
            });
            return ids;
        }
    }
}
