package com.campaignkpi.storage;

import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An SDK execution interceptor that makes the DynamoDB client fail as DynamoDB does under load or when it cannot be
 * reached. It withholds part of a BatchWriteItem or BatchGetItem request and returns that part as
 * {@code UnprocessedItems} or {@code UnprocessedKeys}. It fails whole calls before they are sent, with throttling
 * errors or a refused connection. It does nothing until a test calls {@link #inject}. A test turns it on with
 * {@code quarkus.dynamodb.interceptors}, and quarkus-amazon-services 3.16 looks such a class up as a CDI bean first,
 * so the test can inject this same instance.
 */
@Singleton
public class StoreFaultInjector implements ExecutionInterceptor {

    /**
     * Shares of calls to fail, each between 0 and 1.
     *
     * @param throttledShare share of calls of any operation that fail with a throttling error
     * @param unreachableShare share of calls of any operation that fail as a refused connection does
     * @param partialBatchShare share of batch calls with two or more items or keys that send only a random part
     * @param oneItemPerWrite whether every BatchWriteItem call with two or more items sends only the first, as a
     *     saturated table does
     */
    public record Faults(double throttledShare, double unreachableShare, double partialBatchShare,
            boolean oneItemPerWrite) {

        public static final Faults NONE = new Faults(0, 0, 0, false);
    }

    private static final ExecutionAttribute<Map<String, List<WriteRequest>>> WITHHELD_ITEMS =
            new ExecutionAttribute<>("StoreFaultInjector.withheldItems");
    private static final ExecutionAttribute<Map<String, KeysAndAttributes>> WITHHELD_KEYS =
            new ExecutionAttribute<>("StoreFaultInjector.withheldKeys");

    private volatile Faults faults = Faults.NONE;
    private Random random = new Random(0);

    private final AtomicLong throttledCalls = new AtomicLong();
    private final Map<String, AtomicLong> throttledByOperation = new ConcurrentHashMap<>();
    private final AtomicLong unreachableCalls = new AtomicLong();
    private final AtomicLong withheldItems = new AtomicLong();
    private final AtomicLong withheldKeys = new AtomicLong();

    /** Applies {@code faults} to every later call, drawing from a random sequence that {@code seed} fixes. */
    public synchronized void inject(Faults faults, long seed) {
        this.random = new Random(seed);
        this.faults = faults;
    }

    /** Lets every later call through unchanged. */
    public void clear() {
        faults = Faults.NONE;
    }

    /** Sets every count of injected faults back to zero. */
    public void resetCounters() {
        throttledCalls.set(0);
        throttledByOperation.clear();
        unreachableCalls.set(0);
        withheldItems.set(0);
        withheldKeys.set(0);
    }

    /** Returns how many calls failed with a throttling error so far. */
    public long throttledCalls() {
        return throttledCalls.get();
    }

    /** Returns how many calls of {@code operation}, such as {@code BatchWriteItem}, failed with a throttling error. */
    public long throttledCalls(String operation) {
        AtomicLong count = throttledByOperation.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Returns how many calls failed as if the store could not be reached so far. */
    public long unreachableCalls() {
        return unreachableCalls.get();
    }

    /** Returns how many BatchWriteItem items went back unprocessed so far. */
    public long withheldItems() {
        return withheldItems.get();
    }

    /** Returns how many BatchGetItem keys went back unprocessed so far. */
    public long withheldKeys() {
        return withheldKeys.get();
    }

    /**
     * Fails the call with a throttling error or a refused connection. It runs before the SDK's retry stage, so the
     * SDK does not retry it. The application gets the error it would get after every retry failed the same way,
     * and the test does not wait out the SDK's backoff.
     */
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Faults current = faults;
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (current.throttledShare() > 0 && draw() < current.throttledShare()) {
            throttledByOperation.computeIfAbsent(operation, name -> new AtomicLong()).incrementAndGet();
            throw throttlingError(throttledCalls.incrementAndGet(), operation);
        }
        if (current.unreachableShare() > 0 && draw() < current.unreachableShare()) {
            unreachableCalls.incrementAndGet();
            throw SdkClientException.builder()
                    .message("Unable to execute HTTP request: Connection refused (injected on " + operation + ")")
                    .cause(new ConnectException("Connection refused"))
                    .build();
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (context.request() instanceof BatchWriteItemRequest write) {
            return withholdItems(write, attributes);
        }
        if (context.request() instanceof BatchGetItemRequest read) {
            return withholdKeys(read, attributes);
        }
        return context.request();
    }

    /** Adds what {@link #modifyRequest} withheld to the unprocessed part of the response. */
    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        Map<String, List<WriteRequest>> items = attributes.getAttribute(WITHHELD_ITEMS);
        if (items != null && context.response() instanceof BatchWriteItemResponse response) {
            Map<String, List<WriteRequest>> unprocessed = new HashMap<>(response.unprocessedItems());
            items.forEach((table, withheld) -> {
                List<WriteRequest> merged = new ArrayList<>(unprocessed.getOrDefault(table, List.of()));
                merged.addAll(withheld);
                unprocessed.put(table, merged);
            });
            return response.toBuilder().unprocessedItems(unprocessed).build();
        }
        Map<String, KeysAndAttributes> keys = attributes.getAttribute(WITHHELD_KEYS);
        if (keys != null && context.response() instanceof BatchGetItemResponse response) {
            Map<String, KeysAndAttributes> unprocessed = new HashMap<>(response.unprocessedKeys());
            keys.forEach((table, withheld) -> {
                KeysAndAttributes already = unprocessed.get(table);
                if (already == null) {
                    unprocessed.put(table, withheld);
                } else {
                    List<Map<String, AttributeValue>> merged = new ArrayList<>(already.keys());
                    merged.addAll(withheld.keys());
                    unprocessed.put(table, already.toBuilder().keys(merged).build());
                }
            });
            return response.toBuilder().unprocessedKeys(unprocessed).build();
        }
        return context.response();
    }

    private SdkRequest withholdItems(BatchWriteItemRequest request, ExecutionAttributes attributes) {
        Faults current = faults;
        boolean partial = current.partialBatchShare() > 0 && draw() < current.partialBatchShare();
        if (!current.oneItemPerWrite() && !partial) {
            return request;
        }
        Map<String, List<WriteRequest>> sent = new HashMap<>();
        Map<String, List<WriteRequest>> withheld = new HashMap<>();
        request.requestItems().forEach((table, writes) -> {
            List<WriteRequest> ordered = new ArrayList<>(writes);
            int keep = writes.size();
            if (writes.size() >= 2 && current.oneItemPerWrite()) {
                keep = 1;
            } else if (writes.size() >= 2) {
                keep = 1 + drawInt(writes.size() - 1);
                shuffle(ordered);
            }
            sent.put(table, List.copyOf(ordered.subList(0, keep)));
            if (keep < writes.size()) {
                withheld.put(table, List.copyOf(ordered.subList(keep, writes.size())));
                withheldItems.addAndGet(writes.size() - keep);
            }
        });
        if (withheld.isEmpty()) {
            return request;
        }
        attributes.putAttribute(WITHHELD_ITEMS, withheld);
        return request.toBuilder().requestItems(sent).build();
    }

    private SdkRequest withholdKeys(BatchGetItemRequest request, ExecutionAttributes attributes) {
        Faults current = faults;
        if (current.partialBatchShare() <= 0 || draw() >= current.partialBatchShare()) {
            return request;
        }
        Map<String, KeysAndAttributes> sent = new HashMap<>();
        Map<String, KeysAndAttributes> withheld = new HashMap<>();
        request.requestItems().forEach((table, keys) -> {
            int count = keys.keys().size();
            int keep = count < 2 ? count : 1 + drawInt(count - 1);
            List<Map<String, AttributeValue>> shuffled = new ArrayList<>(keys.keys());
            shuffle(shuffled);
            sent.put(table, keys.toBuilder().keys(List.copyOf(shuffled.subList(0, keep))).build());
            if (keep < count) {
                withheld.put(table, keys.toBuilder().keys(List.copyOf(shuffled.subList(keep, count))).build());
                withheldKeys.addAndGet(count - keep);
            }
        });
        if (withheld.isEmpty()) {
            return request;
        }
        attributes.putAttribute(WITHHELD_KEYS, withheld);
        return request.toBuilder().requestItems(sent).build();
    }

    /** Builds the three throttling errors DynamoDB returns, in turn, as the SDK would unmarshal them. */
    private static AwsServiceException throttlingError(long count, String operation) {
        String code;
        AwsServiceException.Builder builder;
        switch ((int) (count % 3)) {
            case 0 -> {
                code = "ProvisionedThroughputExceededException";
                builder = ProvisionedThroughputExceededException.builder();
            }
            case 1 -> {
                code = "ThrottlingException";
                builder = ThrottlingException.builder();
            }
            default -> {
                code = "RequestLimitExceeded";
                builder = RequestLimitExceededException.builder();
            }
        }
        String message = "Injected " + code + " on " + operation;
        return builder
                .message(message)
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName("DynamoDb")
                        .build())
                .build();
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    private synchronized int drawInt(int bound) {
        return random.nextInt(bound);
    }

    private synchronized <T> void shuffle(List<T> list) {
        Collections.shuffle(list, random);
    }
}
