package com.campaignkpi.visitor;

import com.campaignkpi.property.Secrets;
import com.campaignkpi.storage.DynamoBatches;
import com.campaignkpi.storage.TableNames;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Visitors table: what a date range alone cannot tell. A client item keeps the earliest event time seen for a
 * client id, so a later snapshot can tell that the client had a session before its range (a returning user). A customer
 * item keeps every purchase as a string set member, so resending a purchase adds nothing and lifetime value needs
 * no scan of old events.
 */
@ApplicationScoped
public class VisitorStore {

    static final String PK = "pk";
    static final String FIRST_SEEN_MICROS = "firstSeen";
    static final String PURCHASES = "purchases";

    private static final Logger LOG = Logger.getLogger(VisitorStore.class);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    private final FirstSeenCache firstSeen = new FirstSeenCache();

    /** BatchGetItem calls in flight at once per instance. */
    static final int READERS = 8;

    /** Keys per reader task: 10 BatchGetItem calls of 100. */
    static final int KEYS_PER_READER = 1_000;

    private ExecutorService readers;

    /**
     * Lowers each client's first-seen time to the given one; a conditional update, so out-of-order arrival (replays,
     * late events) still leaves the earliest time.
     */
    public void recordFirstSeen(String property, Map<String, Long> earliestMicrosByClient) {
        earliestMicrosByClient.forEach((clientId, micros) -> {
            String key = clientKey(property, clientId);
            if (firstSeen.coveredAt(key, micros, System.nanoTime())) {
                return;
            }
            try {
                dynamo.updateItem(UpdateItemRequest.builder()
                        .tableName(tables.visitors())
                        .key(Map.of(PK, AttributeValue.fromS(key)))
                        .updateExpression("SET #first = :t")
                        .conditionExpression("attribute_not_exists(#first) OR #first > :t")
                        .expressionAttributeNames(Map.of("#first", FIRST_SEEN_MICROS))
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromN(Long.toString(micros))))
                        .build());
            } catch (ConditionalCheckFailedException alreadyEarlier) {
                // The stored time is already as early or earlier: nothing to change.
            }
            firstSeen.remember(key, micros, System.nanoTime());
        });
    }

    /** Clears this instance's cache of first-seen times, after an erasure deleted some of them. */
    public void forgetCachedFirstSeen() {
        firstSeen.clear();
    }

    /**
     * Adds purchases to each customer's set. A customer whose item would pass DynamoDB's 400 KB limit keeps the
     * purchases stored so far, with a warning, so the other customers of the request still get theirs. That takes
     * thousands of purchases under one id, such as a shared "guest" user id.
     */
    public void recordPurchases(String property, Map<String, ? extends Collection<Purchase>> purchasesByCustomer) {
        purchasesByCustomer.forEach((customerId, purchases) -> {
            try {
                dynamo.updateItem(UpdateItemRequest.builder()
                        .tableName(tables.visitors())
                        .key(Map.of(PK, AttributeValue.fromS(customerKey(property, customerId))))
                        .updateExpression("ADD #purchases :p")
                        .expressionAttributeNames(Map.of("#purchases", PURCHASES))
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromSs(
                                purchases.stream().map(Purchase::encode).distinct().toList())))
                        .build());
            } catch (DynamoDbException e) {
                if (e.getMessage() == null || !e.getMessage().contains("Item size")) {
                    throw e;
                }
                // NOTE: such a customer's lifetime value stops growing; one item per purchase would lift the cap.
                LOG.warnf("Purchase history of customer %s (SHA-256 prefix) in %s is full (%s); %d purchases not "
                        + "added, so its lifetime value excludes them", Secrets.sha256Hex(customerId).substring(0, 12),
                        property, e.getMessage(), purchases.size());
            }
        });
    }

    /** Earliest event time per client id, for those of {@code clientIds} that were ever seen. */
    public Map<String, Long> firstSeen(String property, Collection<String> clientIds) {
        Map<String, Long> result = new HashMap<>();
        String prefix = clientKey(property, "");
        for (Map<String, AttributeValue> item : readAll(clientIds, id -> clientKey(property, id))) {
            if (item.containsKey(FIRST_SEEN_MICROS)) {
                String clientId = item.get(PK).s().substring(prefix.length());
                result.put(clientId, Long.parseLong(item.get(FIRST_SEEN_MICROS).n()));
            }
        }
        return result;
    }

    /** Reads every recorded purchase per customer id, for those of {@code customerIds} that ever bought. */
    public Map<String, List<Purchase>> purchases(String property, Collection<String> customerIds) {
        Map<String, List<Purchase>> result = new HashMap<>();
        String prefix = customerKey(property, "");
        for (Map<String, AttributeValue> item : readAll(customerIds, id -> customerKey(property, id))) {
            if (item.containsKey(PURCHASES)) {
                List<Purchase> purchases = new ArrayList<>();
                item.get(PURCHASES).ss().forEach(text -> purchases.add(Purchase.decode(text)));
                result.put(item.get(PK).s().substring(prefix.length()), purchases);
            }
        }
        return result;
    }

    /**
     * Reads the items of {@code ids} in slices of {@value #KEYS_PER_READER} keys, {@value #READERS} slices at once: a
     * day of a large site has hundreds of thousands of clients, and each BatchGetItem call waits on a round trip.
     */
    private List<Map<String, AttributeValue>> readAll(Collection<String> ids, Function<String, String> keyOf) {
        Set<String> unique = new LinkedHashSet<>(ids);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(unique.size());
        unique.forEach(id -> keys.add(Map.of(PK, AttributeValue.fromS(keyOf.apply(id)))));
        if (keys.size() <= KEYS_PER_READER) {
            return DynamoBatches.getAll(dynamo, tables.visitors(), keys, null);
        }
        List<CompletableFuture<List<Map<String, AttributeValue>>>> slices = new ArrayList<>();
        for (int start = 0; start < keys.size(); start += KEYS_PER_READER) {
            List<Map<String, AttributeValue>> slice = keys.subList(start, Math.min(keys.size(),
                    start + KEYS_PER_READER));
            slices.add(CompletableFuture.supplyAsync(
                    () -> DynamoBatches.getAll(dynamo, tables.visitors(), slice, null), readers));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (CompletableFuture<List<Map<String, AttributeValue>>> slice : slices) {
            try {
                items.addAll(slice.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return items;
    }

    @PostConstruct
    void startReaders() {
        readers = Executors.newFixedThreadPool(READERS, runnable -> {
            Thread thread = new Thread(runnable, "visitor-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stopReaders() {
        readers.shutdownNow();
    }

    static String clientKey(String property, String clientId) {
        return property + "#client#" + clientId;
    }

    static String customerKey(String property, String customerId) {
        return property + "#customer#" + customerId;
    }
}
