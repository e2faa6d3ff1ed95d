package com.campaignkpi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.api.Failures;
import com.campaignkpi.testing.Replays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Ingests events through the webhook while the DynamoDB client throttles calls, fails some as unreachable and
 * leaves batch items and keys unprocessed. Checks that every acknowledged event is stored exactly once, that each
 * failure the store causes reaches the sender as 503 with Retry-After, and that resending every request stores
 * nothing twice.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
@TestProfile(StoreFaultsTest.FaultInjection.class)
class StoreFaultsTest {

    /** Registers {@link StoreFaultInjector} on the DynamoDB client of this class's application only. */
    public static class FaultInjection implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.dynamodb.interceptors", StoreFaultInjector.class.getName());
        }
    }

    private static final String PROPERTY = "G-STOREFAULTS";
    private static final String SECRET = "store-faults-secret";
    private static final long SEED = 20240310L;
    private static final int EVENTS_PER_REQUEST = 25;
    /** Tries per request before the test gives up, far more than a request needs with the shares below. */
    private static final int MAX_TRIES = 30;
    private static boolean registered;

    @Inject
    StoreFaultInjector faults;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @TestHTTPResource("/")
    URI baseUri;

    private WebhookSender sender;

    @BeforeEach
    void setUp() {
        faults.clear();
        faults.resetCounters();
        if (!registered) {
            Replays.registerProperty(PROPERTY, "UTC", SECRET);
            registered = true;
        }
        sender = new WebhookSender(baseUri, PROPERTY, SECRET);
    }

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    @Test
    void throttlingAndUnprocessedItemsLoseNoEvent() throws Exception {
        LocalDate day = LocalDate.of(2024, 3, 10);
        List<List<String>> requests = eventIds("faults", 30);
        Set<String> sent = storedIds(requests);
        // A try makes about 11 calls: BatchGetItem and BatchWriteItem with their resends of unprocessed keys and
        // items, and up to six UpdateItem calls. With 4 % of calls throttled and 2 % unreachable, roughly a third
        // of the tries get a 503.
        StoreFaultInjector.Faults random = new StoreFaultInjector.Faults(0.04, 0.02, 0.5, false);
        Tally tally = new Tally();
        long started = System.nanoTime();

        faults.inject(random, SEED);
        List<Integer> unacknowledgedFirst = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            WebhookSender.Reply reply = tally.record("first pass, request " + i,
                    sender.post(WebhookSender.canonicalBody(requests.get(i), day)));
            if (reply.status() != 200) {
                unacknowledgedFirst.add(i);
            }
        }
        faults.clear();
        Map<String, Integer> afterFirstPass = storedCounts(day);
        assertEquals(List.of(), notStoredOnce(tally.acknowledged, afterFirstPass),
                "events acknowledged in the first pass but not stored exactly once");

        // A sender resends each request until it gets a 200. This one resends every request, acknowledged or not.
        faults.inject(random, SEED + 1);
        for (int i = 0; i < requests.size(); i++) {
            String body = WebhookSender.canonicalBody(requests.get(i), day);
            int tries = 0;
            WebhookSender.Reply reply;
            do {
                reply = tally.record("resend of request " + i + ", try " + (++tries), sender.post(body));
            } while (reply.status() != 200 && tries < MAX_TRIES);
            assertEquals(200, reply.status(), "request " + i + " after " + MAX_TRIES + " tries: " + reply.text());
        }
        faults.clear();
        Map<String, Integer> stored = storedCounts(day);

        // With the store healthy again, one more resend of everything is all duplicates and adds nothing.
        int duplicatesOnLastPass = 0;
        for (int i = 0; i < requests.size(); i++) {
            WebhookSender.Reply reply = tally.record("last resend of request " + i,
                    sender.post(WebhookSender.canonicalBody(requests.get(i), day)));
            assertEquals(0, reply.body().path("accepted").asInt(), "request " + i + " on the last resend");
            duplicatesOnLastPass += reply.body().path("duplicates").asInt();
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("StoreFaultsTest random faults: %d requests of %d events; %d tries, %d got 503 "
                        + "(%d requests on the first pass); %d calls throttled (%d BatchGetItem, %d BatchWriteItem, "
                        + "%d UpdateItem), %d unreachable; %d items and %d keys returned unprocessed; %d events "
                        + "acknowledged, %d stored; %d ms%n",
                requests.size(), EVENTS_PER_REQUEST, tally.tries, tally.unavailable, unacknowledgedFirst.size(),
                faults.throttledCalls(), faults.throttledCalls("BatchGetItem"),
                faults.throttledCalls("BatchWriteItem"), faults.throttledCalls("UpdateItem"),
                faults.unreachableCalls(), faults.withheldItems(), faults.withheldKeys(), tally.acknowledged.size(),
                stored.size(), elapsedMillis);
        assertEquals(List.of(), tally.unexpected, "responses other than 200 and 503 with Retry-After");
        assertEquals(sent, stored.keySet(), "stored event ids");
        assertEquals(List.of(), notStoredOnce(sent, stored), "events not stored exactly once");
        assertEquals(sent, tally.acknowledged, "acknowledged event ids");
        assertEquals(List.of(), tally.acceptedMoreThanOnce(), "events reported as accepted in two responses");
        assertEquals(sent.size(), duplicatesOnLastPass, "duplicates reported on the last resend");
        assertEquals(stored, storedCounts(day), "stored events after the last resend");
        assertFalse(unacknowledgedFirst.isEmpty(), "every request of the first pass got a 200, so no fault hit");
        for (String operation : List.of("BatchGetItem", "BatchWriteItem", "UpdateItem")) {
            assertTrue(faults.throttledCalls(operation) > 0, "no " + operation + " call was throttled");
        }
        assertTrue(faults.unreachableCalls() > 0, "no call failed as unreachable");
        assertTrue(faults.withheldItems() > 0, "no BatchWriteItem item was returned unprocessed");
        assertTrue(faults.withheldKeys() > 0, "no BatchGetItem key was returned unprocessed");
    }

    @Test
    void saturatedTableReturns503UntilStored() throws Exception {
        LocalDate day = LocalDate.of(2024, 3, 20);
        List<String> ids = eventIds("saturated", 1).get(0);
        Set<String> sent = storedIds(List.of(ids));
        String body = WebhookSender.canonicalBody(ids, day);
        Tally tally = new Tally();
        long started = System.nanoTime();

        // The table takes one item per BatchWriteItem call, so each try stores what its resends of the
        // unprocessed items manage before DynamoBatches gives up, and the sender's retries store the rest.
        faults.inject(new StoreFaultInjector.Faults(0, 0, 0, true), SEED);
        WebhookSender.Reply first = tally.record("first try", sender.post(body));
        faults.clear();
        int storedAfterFirst = storedCounts(day).size();

        assertEquals(503, first.status(), first.text());
        assertTrue(storedAfterFirst > 0, "events stored by the try that got a 503");
        assertTrue(storedAfterFirst < ids.size(), "events stored by the try that got a 503");

        WebhookSender.Reply reply = first;
        int storedBeforeLastTry = storedAfterFirst;
        for (int tries = 1; reply.status() != 200 && tries < MAX_TRIES; tries++) {
            storedBeforeLastTry = storedCounts(day).size();
            faults.inject(new StoreFaultInjector.Faults(0, 0, 0, true), SEED + tries);
            reply = tally.record("try " + (tries + 1), sender.post(body));
            faults.clear();
        }
        Map<String, Integer> stored = storedCounts(day);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("StoreFaultsTest saturated table: %d events, %d tries, %d got 503, %d stored after the "
                        + "first try, %d items returned unprocessed; %d ms%n",
                ids.size(), tally.tries, tally.unavailable, storedAfterFirst, faults.withheldItems(), elapsedMillis);
        assertEquals(200, reply.status(), reply.text());
        assertEquals(storedBeforeLastTry, reply.body().path("duplicates").asInt(), "duplicates on the last try");
        assertEquals(ids.size() - storedBeforeLastTry, reply.body().path("accepted").asInt(),
                "accepted on the last try");
        assertEquals(List.of(), tally.unexpected, "responses other than 200 and 503 with Retry-After");
        assertEquals(sent, stored.keySet(), "stored event ids");
        assertEquals(List.of(), notStoredOnce(sent, stored), "events not stored exactly once");
    }

    /** Outcomes of every response of one test. Single-threaded. */
    private static final class Tally {
        final Set<String> acknowledged = new TreeSet<>();
        final Map<String, Integer> acceptedCounts = new TreeMap<>();
        final List<String> unexpected = new ArrayList<>();
        int tries;
        int unavailable;

        /** Records {@code reply} and returns it, listing it as unexpected unless it is 200 or 503 with Retry-After. */
        WebhookSender.Reply record(String label, WebhookSender.Reply reply) {
            tries++;
            if (reply.status() == 200) {
                reply.outcomes().forEach((eventId, outcome) -> {
                    acknowledged.add(eventId);
                    if (outcome.equals("accepted")) {
                        acceptedCounts.merge(eventId, 1, Integer::sum);
                    }
                });
            } else if (reply.status() == 503) {
                unavailable++;
                String expected = Integer.toString(Failures.RETRY_AFTER_SECONDS);
                if (!expected.equals(reply.retryAfter()) || reply.body() == null
                        || reply.body().path("status").asInt() != 503) {
                    unexpected.add(label + ": 503 with Retry-After " + reply.retryAfter() + " and body "
                            + reply.text());
                }
            } else {
                unexpected.add(label + ": HTTP " + reply.status() + " " + reply.text());
            }
            return reply;
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

    private Map<String, Integer> storedCounts(LocalDate day) {
        return WebhookSender.storedCounts(dynamo, tables.events(), PROPERTY,
                Set.of(day.minusDays(1), day, day.plusDays(1)));
    }

    /** Returns {@code requests} lists of {@value #EVENTS_PER_REQUEST} distinct event ids each. */
    private static List<List<String>> eventIds(String prefix, int requests) {
        List<List<String>> ids = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            List<String> request = new ArrayList<>();
            for (int e = 0; e < EVENTS_PER_REQUEST; e++) {
                request.add(prefix + "-r" + r + "-e" + e);
            }
            ids.add(request);
        }
        return ids;
    }

    private static Set<String> storedIds(List<List<String>> requests) {
        Set<String> ids = new TreeSet<>();
        requests.forEach(request -> request.forEach(id -> ids.add(WebhookSender.SENDER_ID_PREFIX + id)));
        return ids;
    }

    /** Lists each id of {@code expected} with its stored count when that count is not exactly one. */
    private static List<String> notStoredOnce(Set<String> expected, Map<String, Integer> stored) {
        List<String> wrong = new ArrayList<>();
        for (String id : expected) {
            int count = stored.getOrDefault(id, 0);
            if (count != 1) {
                wrong.add(id + " stored " + count + " times");
            }
        }
        return wrong;
    }
}
